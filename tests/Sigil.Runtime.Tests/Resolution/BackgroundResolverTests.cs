using System.Runtime.InteropServices;
using System.Text;
using Sigil.Manifests.Signing;
using Sigil.Runtime.Resolution;

namespace Sigil.Runtime.Tests.Resolution;

/// <summary>
/// Background timing (the default): the app's start-up does not wait for the manifest. To hold the decision at the
/// moment under test, the manifest path is a named pipe: the resolver's worker blocks reading it until the test
/// writes the manifest, so "before the switch" is a state the test controls, not a race it hopes to win.
/// </summary>
[TestClass]
public sealed class BackgroundResolverTests
{
    private static readonly TimeSpan Decision = TimeSpan.FromSeconds(30);

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    /// <summary>Signs a two-pin manifest (artifacts beside it) and puts a named pipe where the manifest file goes.</summary>
    private static byte[] ManifestBehindPipe(ResolverProject project)
    {
        var draft = project.Draft(3,
            project.Pin(ResolverProject.RootId, TestArtifacts.Root42),
            project.Pin(ResolverProject.ScaleId, TestArtifacts.Scale));
        var bytes = Encoding.UTF8.GetBytes(ManifestSigner.Sign(draft, project.Key).Json);
        Directory.CreateDirectory(Path.GetDirectoryName(project.ManifestPath)!);
        if (MakeFifo(project.ManifestPath, Convert.ToUInt32("600", 8)) != 0)
        {
            Assert.Inconclusive($"mkfifo failed (errno {Marshal.GetLastPInvokeError()}): this test needs named pipes");
        }
        return bytes;
    }

    private static ProjectResolver BackgroundResolver(ResolverProject project, ResolverMode mode = ResolverMode.Prod) =>
        project.Resolver(new ResolverSettings(mode, project.ManifestPath, null) { Timing = ResolveTiming.Background });

    /// <summary>Registers routes as a module initializer would; fails (rather than hangs) if that waits for the manifest.</summary>
    private static void AttachWithoutWaiting(ProjectResolver resolver, params PinRoute[] routes) =>
        Assert.IsTrue(Task.Run(() => resolver.Attach(routes)).Wait(TimeSpan.FromSeconds(10)), "registration waited for the manifest (blocked on the pipe)");

    /// <summary>Lets a worker still blocked on the pipe finish (an empty manifest), so no test leaves a thread waiting.</summary>
    private static void Release(ProjectResolver resolver, string pipe)
    {
        if (!resolver.WaitForDecision(TimeSpan.Zero))
        {
            File.WriteAllBytes(pipe, []);
        }
    }

    [TestMethod]
    public void Prod_AttachReturnsBeforeTheManifestIsRead_BaselinesMeanwhile_ThenEveryPinSwitchesAtOnce()
    {
        using var project = new ResolverProject();
        var manifest = ManifestBehindPipe(project);
        var root = ResolverProject.RootRoute();
        var scale = ResolverProject.ScaleRoute();
        var resolver = BackgroundResolver(project);
        try
        {
            AttachWithoutWaiting(resolver, root, scale); // returns although the manifest cannot be read yet

            var pending = resolver.Status;
            Assert.IsTrue(pending.Pending);
            Assert.AreEqual(ResolveTiming.Background, pending.Timing);
            Assert.IsNull(pending.DecidedAfter);
            Assert.IsEmpty(pending.Served);
            Assert.IsNull(root.Served, "before the decision a call runs the baseline");
            Assert.IsNull(scale.Served);
            Assert.IsFalse(resolver.Serving);
            Assert.IsFalse(resolver.WaitForDecision(TimeSpan.FromMilliseconds(200)));
            Assert.AreEqual(0, project.ServingChanges);

            File.WriteAllBytes(project.ManifestPath, manifest); // the worker reads it now

            Assert.IsTrue(resolver.WaitForDecision(Decision), "the decision lands");
            Assert.AreEqual(43.0, ResolverProject.Invoke(root, 1.0));
            Assert.AreEqual(6.0, ResolverProject.Invoke(scale, 2.0));
            Assert.AreEqual(1, project.ServingChanges, "both pins switched in one pass: the gate was told once");
            var status = resolver.Status;
            Assert.IsFalse(status.Pending);
            Assert.HasCount(2, status.Served);
            Assert.IsNull(status.FallbackReason);
            Assert.IsNotNull(status.DecidedAfter);
            Assert.IsNotNull(status.DecisionTime);
            Assert.IsGreaterThanOrEqualTo(status.DecisionTime!.Value, status.DecidedAfter!.Value, "applied after it was made");
            var applied = project.Events("applied").Single().Message;
            StringAssert.Contains(applied, "serving 2 pin(s)");
            StringAssert.Contains(applied, "in the background");
        }
        finally
        {
            Release(resolver, project.ManifestPath);
        }
    }

    [TestMethod]
    public void Prod_ARefusedManifest_NeverSwitches_AndSaysWhy()
    {
        using var project = new ResolverProject();
        var manifest = ManifestBehindPipe(project);
        var text = Encoding.UTF8.GetString(manifest);
        var tampered = Encoding.UTF8.GetBytes(text.Replace("\"sequence\": 3", "\"sequence\": 4", StringComparison.Ordinal));
        Assert.AreNotEqual(text, Encoding.UTF8.GetString(tampered), "the tamper must change the signed body");
        var root = ResolverProject.RootRoute();
        var scale = ResolverProject.ScaleRoute();
        var resolver = BackgroundResolver(project);
        try
        {
            AttachWithoutWaiting(resolver, root, scale);
            Assert.IsTrue(resolver.Status.Pending);

            File.WriteAllBytes(project.ManifestPath, tampered);

            Assert.IsTrue(resolver.WaitForDecision(Decision));
            Assert.IsNull(root.Served);
            Assert.IsNull(scale.Served);
            Assert.IsFalse(resolver.Serving);
            Assert.AreEqual(0, project.ServingChanges, "a refusal never switches anything, not even for a moment");
            var status = resolver.Status;
            Assert.IsFalse(status.Pending);
            Assert.IsNotNull(status.FallbackReason);
            Assert.AreEqual(status.FallbackReason, project.Events("fallback").Single().Message);
            Assert.IsEmpty(project.Events("applied"));
            Assert.IsFalse(File.Exists(project.AppliedPath), "nothing recorded as applied");
        }
        finally
        {
            Release(resolver, project.ManifestPath);
        }
    }

    [TestMethod]
    public void Prod_RoutesOfALaterAssembly_RegisteredWhileDeciding_GetTheDecision_NotARedecision()
    {
        using var project = new ResolverProject();
        var manifest = ManifestBehindPipe(project);
        var root = ResolverProject.RootRoute();
        var scale = ResolverProject.ScaleRoute();
        var resolver = BackgroundResolver(project);
        try
        {
            AttachWithoutWaiting(resolver, root, scale);
            var late = ResolverProject.RootRoute(ResolverProject.FunctionIdOf("Kernels.Late(double)"));
            AttachWithoutWaiting(resolver, late); // another assembly's module initializer, while the first decision is pending

            File.WriteAllBytes(project.ManifestPath, manifest);

            Assert.IsTrue(resolver.WaitForDecision(Decision));
            Assert.IsNotNull(root.Served, resolver.Status.FallbackReason);
            Assert.IsNotNull(scale.Served);
            Assert.IsNull(late.Served, "a pin the manifest does not name runs its baseline");
            Assert.HasCount(1, project.Events("applied"), "decided once");
        }
        finally
        {
            Release(resolver, project.ManifestPath);
        }
    }

    [TestMethod]
    public void Dev_DecidesInTheBackgroundToo_AndKeepsWatchingForChanges()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        var route = ResolverProject.RootRoute();
        var resolver = BackgroundResolver(project, ResolverMode.Dev);

        resolver.Attach([route]);

        Assert.IsTrue(resolver.WaitForDecision(Decision));
        Assert.AreEqual(43.0, ResolverProject.Invoke(route, 1.0));
        project.WriteManifest(project.Draft(2, project.Pin(ResolverProject.RootId, TestArtifacts.Root7)));
        ResolverProject.WaitFor(() => route.Served is Func<double, double> f && f(1.0) == 7.0, TimeSpan.FromSeconds(20), "the new candidate is served");
    }

    [TestMethod]
    public void Off_IsDecidedAtOnce_WithoutAWorker()
    {
        using var project = new ResolverProject();
        var route = ResolverProject.RootRoute();
        var resolver = BackgroundResolver(project, ResolverMode.Off);

        resolver.Attach([route]);

        Assert.IsTrue(resolver.WaitForDecision(TimeSpan.Zero));
        Assert.IsFalse(resolver.Status.Pending);
        Assert.IsNull(route.Served);
    }
}
