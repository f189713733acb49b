using Sigil.Runtime.Resolution;

namespace Sigil.Runtime.Tests.Resolution;

/// <summary>Mode off, and <see cref="ResolverSettings.Read(string, string?, string?)"/> with the resolvers its problems make.</summary>
[TestClass]
public sealed class OffModeAndSettingsTests
{
    [TestMethod]
    [DataRow("valid")]
    [DataRow("broken")]
    [DataRow("missing")]
    public void Off_ReadsNothing_ServesBaselines_WritesNothing(string manifest)
    {
        using var project = new ResolverProject();
        switch (manifest)
        {
            case "valid":
                project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
                break;
            case "broken":
                project.WriteManifestText("{ this is not a manifest");
                break;
        }
        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(ResolverMode.Off);

        resolver.Attach([route]);

        Assert.IsNull(route.Served);
        Assert.IsFalse(resolver.Serving);
        var status = resolver.Status;
        Assert.AreEqual(ResolverMode.Off, status.Mode);
        Assert.IsNull(status.ManifestId);
        Assert.IsNull(status.FallbackReason);
        Assert.IsEmpty(status.Served);
        Assert.IsEmpty(resolver.Log.Lines);
        Assert.IsNull(resolver.DecisionTime);
        resolver.Dispose();
        Assert.IsFalse(Directory.Exists(project.SigilDirectory), "off writes no log, no applied.json, no usage");
    }

    [TestMethod]
    public void Read_ProdWithoutManifest_IsAProblem_AndTheResolverFallsBackWithIt()
    {
        using var project = new ResolverProject();
        var settings = ResolverSettings.Read(project.Directory, "prod", null);

        Assert.AreEqual(ResolverMode.Prod, settings.Mode);
        Assert.IsNull(settings.ManifestPath);
        Assert.IsNotNull(settings.Problem);
        Assert.Contains(ResolverSettings.ManifestVariable, settings.Problem);

        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(settings);
        resolver.Attach([route]);

        Assert.IsNull(route.Served);
        Assert.AreEqual(settings.Problem, resolver.Status.FallbackReason);
        Assert.AreEqual(settings.Problem, project.Events("fallback").Single().Message);
    }

    [TestMethod]
    [DataRow("prod", "   ")]
    [DataRow("prod", "")]
    public void Read_ProdWithBlankManifest_IsAProblem(string mode, string manifest)
    {
        var settings = ResolverSettings.Read(Path.GetTempPath(), mode, manifest);

        Assert.AreEqual(ResolverMode.Prod, settings.Mode);
        Assert.IsNull(settings.ManifestPath);
        Assert.IsNotNull(settings.Problem);
    }

    [TestMethod]
    public void Read_UnknownMode_IsOffWithAProblem_AndTheResolverOnlyWarns()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        var settings = ResolverSettings.Read(project.Directory, "bogus", project.ManifestPath);

        Assert.AreEqual(ResolverMode.Off, settings.Mode);
        Assert.IsNotNull(settings.Problem);
        Assert.Contains("'bogus'", settings.Problem);

        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(settings);
        resolver.Attach([route]);

        Assert.IsNull(route.Served, "an unknown mode runs baselines");
        Assert.IsEmpty(project.Events("fallback"));
        Assert.AreEqual(settings.Problem, project.Events("warning").Single().Message);
    }

    [TestMethod]
    [DataRow("prod", ResolverMode.Prod)]
    [DataRow(" PROD ", ResolverMode.Prod)]
    [DataRow("Dev", ResolverMode.Dev)]
    [DataRow("off", ResolverMode.Off)]
    [DataRow("", ResolverMode.Off)]
    [DataRow(null, ResolverMode.Off)]
    public void Read_KnownModes_NoProblem(string? mode, ResolverMode expected)
    {
        var settings = ResolverSettings.Read(Path.GetTempPath(), mode, "m.json");

        Assert.AreEqual(expected, settings.Mode);
        Assert.IsNull(settings.Problem);
    }

    [TestMethod]
    public void Read_RelativeManifest_ResolvedAgainstTheProjectDirectory()
    {
        var projectDirectory = Path.Combine(Path.GetTempPath(), "sigil-settings-" + Guid.NewGuid().ToString("N"));

        var relative = ResolverSettings.Read(projectDirectory, "prod", Path.Combine("release", "sigil.manifest.json"));
        var dotted = ResolverSettings.Read(projectDirectory, "dev", Path.Combine("..", "elsewhere", "m.json"));
        var absolute = ResolverSettings.Read(projectDirectory, "prod", Path.Combine(Path.GetTempPath(), "abs.json"));
        var none = ResolverSettings.Read(projectDirectory, "dev", null);

        Assert.AreEqual(Path.Combine(projectDirectory, "release", "sigil.manifest.json"), relative.ManifestPath);
        Assert.IsNull(relative.Problem);
        Assert.AreEqual(Path.GetFullPath(Path.Combine(Path.GetTempPath(), "elsewhere", "m.json")), dotted.ManifestPath);
        Assert.AreEqual(Path.Combine(Path.GetTempPath(), "abs.json"), absolute.ManifestPath);
        Assert.IsNull(none.ManifestPath);
        Assert.IsNull(none.Problem, "dev without a manifest is allowed (baselines until one is configured)");
    }

    [TestMethod]
    public void Read_RelativeManifest_IsTheFileTheResolverServes()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        var settings = ResolverSettings.Read(project.Directory, "prod", Path.Combine("release", "sigil.manifest.json"));
        var route = ResolverProject.RootRoute();

        var resolver = project.Resolver(settings);
        resolver.Attach([route]);

        Assert.AreEqual(ResolveTiming.Background, settings.Timing, "read settings decide in the background unless told");
        Assert.IsTrue(resolver.WaitForDecision(TimeSpan.FromSeconds(30)));
        Assert.AreEqual(project.ManifestPath, settings.ManifestPath);
        Assert.AreEqual(43.0, ResolverProject.Invoke(route, 1.0));
    }

    [TestMethod]
    [DataRow(null, ResolveTiming.Background)]
    [DataRow("", ResolveTiming.Background)]
    [DataRow("background", ResolveTiming.Background)]
    [DataRow(" Startup ", ResolveTiming.Startup)]
    [DataRow("STARTUP", ResolveTiming.Startup)]
    public void Read_Timing_DefaultsToBackground_AndTakesStartup(string? text, ResolveTiming expected)
    {
        var settings = ResolverSettings.Read(Path.GetTempPath(), "prod", "m.json", text);

        Assert.AreEqual(expected, settings.Timing);
        Assert.IsNull(settings.Problem);
    }

    [TestMethod]
    public void Read_UnknownTiming_InProd_IsAProblem_ServingBaselines_WithTheFix()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        var settings = ResolverSettings.Read(project.Directory, "prod", project.ManifestPath, "lazy");
        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(settings);

        resolver.Attach([route]);

        Assert.IsTrue(resolver.WaitForDecision(TimeSpan.Zero), "a configuration problem is decided at once: baselines");
        Assert.IsNull(route.Served);
        StringAssert.Contains(settings.Problem, "SIGIL_RESOLVE='lazy' is not a timing; use background or startup");
        Assert.AreEqual(settings.Problem, project.Events("fallback").Single().Message);
        Assert.IsNull(ResolverSettings.Read(project.Directory, "off", null, "lazy").Problem, "off reads nothing, so nothing is wrong");
    }
}
