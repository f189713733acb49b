using Sigil.Runtime.Resolution;
using Sigil.Runtime.Tests.Resolution;

namespace Sigil.Runtime.Tests.Dispatch;

/// <summary>
/// The path a pinned app takes: the generated module initializer calls <see cref="PinRegistry.Initialize(string, SpecDescriptor[], PinRoute[])"/>
/// with the settings from the environment, and the app waits with <see cref="SigilRuntime.WaitForResolution"/>.
/// Environment variables are the process's, so these tests run alone.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SigilRuntimeTests
{
    private static readonly string[] Variables = [ResolverSettings.ModeVariable, ResolverSettings.ManifestVariable, ResolverSettings.TimingVariable, "SIGIL_TRACKER"];

    private static void WithEnvironment(Dictionary<string, string?> values, Action action)
    {
        var saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in values)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
            action();
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [TestMethod]
    public void ModeFromTheRuntimeConfig_IsTheModeTheSampleLogRecords()
    {
        AppContext.SetData("Sigil.Mode", "dev"); // runtimeconfig.json's Sigil.Mode (MSBuild SigilMode), no SIGIL_MODE
        try
        {
            WithEnvironment(new() { [ResolverSettings.ModeVariable] = null, ["SIGIL_TRACKER"] = null }, () =>
            {
                using var project = new TempProject(trackingOn: true);
                var tracker = project.Project.Register<ValueTuple<double>, double>(TempProject.Pin("Root", ["x"], ["double"]));
                var args = new ValueTuple<double>(4.0);
                var call = tracker.Begin(in args);
                tracker.End(ref call);
                tracker.Record(ref call, in args, 2.0, 0.0, null);

                Assert.AreEqual(ResolverMode.Dev, project.Project.Resolution.Mode);
                Assert.AreEqual("dev", project.Records().Single().ResolverMode);
            });
        }
        finally
        {
            AppContext.SetData("Sigil.Mode", null);
        }
    }

    [TestMethod]
    [DataRow(null, ResolveTiming.Background)]
    [DataRow("startup", ResolveTiming.Startup)]
    public void ProdFromTheEnvironment_RegistersWithoutDeciding_ThenWaitForResolutionSeesBothPinsServed(string? timing, ResolveTiming expected)
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1,
            project.Pin(ResolverProject.RootId, TestArtifacts.Root42),
            project.Pin(ResolverProject.ScaleId, TestArtifacts.Scale)));
        var root = ResolverProject.RootRoute();
        var scale = ResolverProject.ScaleRoute();
        SigilProject? registered = null;

        WithEnvironment(new()
        {
            [ResolverSettings.ModeVariable] = "prod", [ResolverSettings.ManifestVariable] = project.ManifestPath,
            [ResolverSettings.TimingVariable] = timing, ["SIGIL_TRACKER"] = "disabled",
        }, () => registered = PinRegistry.Initialize(project.Directory, [new SpecDescriptor(ResolverProject.Spec, "kernels", false)], [root, scale]));

        Assert.IsTrue(SigilRuntime.Projects.Contains(registered!));
        Assert.IsTrue(SigilRuntime.WaitForResolution(TimeSpan.FromSeconds(30)), "every project decided");
        var status = registered!.Resolution;
        Assert.AreEqual(expected, status.Timing);
        Assert.IsFalse(status.Pending);
        Assert.IsNull(status.FallbackReason);
        Assert.HasCount(2, status.Served);
        Assert.AreEqual(43.0, ResolverProject.Invoke(root, 1.0));
        Assert.AreEqual(6.0, ResolverProject.Invoke(scale, 2.0));
        Assert.IsGreaterThan(TimeSpan.Zero, status.RegistrationTime);
        Assert.IsNotNull(status.DecidedAfter);
        if (expected == ResolveTiming.Startup)
        {
            Assert.IsGreaterThanOrEqualTo(status.DecisionTime!.Value, status.RegistrationTime, "at start-up, registration includes the decision");
        }
    }
}
