using Sigil.Manifests.Keys;
using Sigil.Manifests.Verification;
using Sigil.Runtime.Resolution;

namespace Sigil.Runtime.Tests.Resolution;

/// <summary>The dev resolver: per pin, warnings instead of refusals, local overrides, reload on change.</summary>
[TestClass]
public sealed class DevResolverTests
{
    private static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(5);

    [TestMethod]
    public void OneValidOneBadPin_ValidServed_BadSkippedAndLogged()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1,
            project.Pin(ResolverProject.RootId, TestArtifacts.Root42),
            project.Pin(ResolverProject.ScaleId, TestArtifacts.Scale)));
        var path = project.ArtifactPath(TestArtifacts.Scale);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var (root, scale) = (ResolverProject.RootRoute(), ResolverProject.ScaleRoute());
        var resolver = project.Resolver(ResolverMode.Dev);

        resolver.Attach([root, scale]);

        Assert.AreEqual(43.0, ResolverProject.Invoke(root, 1.0));
        Assert.IsNull(scale.Served);
        Assert.IsTrue(resolver.Serving);
        Assert.HasCount(1, resolver.Status.Served);
        var skipped = project.Events("skipped");
        Assert.HasCount(1, skipped);
        Assert.AreEqual("dev", skipped[0].Mode);
        Assert.StartsWith(VerificationCodes.ArtifactMismatch + ":", skipped[0].Message);
        Assert.Contains("Kernels.Scale(double)", skipped[0].Message);
        Assert.IsEmpty(project.Events("fallback"), "dev never falls back as a whole");
        Assert.Contains("serving 1 of 2", project.Events("applied").Single().Message);
        Assert.IsFalse(File.Exists(project.AppliedPath), "dev does not record applied manifests");
    }

    [TestMethod]
    public void PinWithOtherAbi_Skipped_OthersServed()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1,
            project.Pin(ResolverProject.RootId, TestArtifacts.Root42),
            project.Pin(ResolverProject.ScaleId, TestArtifacts.Scale)));
        var root = ResolverProject.RootRoute();
        var scale = ResolverProject.ScaleRoute(ResolverProject.FunctionIdOf(ResolverProject.ScaleName, abiSeed: "edited since"));
        var resolver = project.Resolver(ResolverMode.Dev);

        resolver.Attach([root, scale]);

        Assert.IsNotNull(root.Served);
        Assert.IsNull(scale.Served);
        Assert.IsTrue(project.Events("skipped").Any(l => l.Message.Contains("Kernels.Scale(double)") && l.Message.Contains("abi-hash")));
    }

    [TestMethod]
    public void ArtifactThatDoesNotBind_SkippedForTheSameReason_OnEveryReload()
    {
        using var project = new ResolverProject();
        var draft = project.Draft(1,
            project.Pin(ResolverProject.RootId, TestArtifacts.WrongSignature),
            project.Pin(ResolverProject.ScaleId, TestArtifacts.Scale));
        project.WriteManifest(draft);
        var (root, scale) = (ResolverProject.RootRoute(), ResolverProject.ScaleRoute());
        var resolver = project.Resolver(ResolverMode.Dev);
        resolver.Attach([root, scale]);
        Assert.IsNull(root.Served);
        Assert.IsNotNull(scale.Served);

        project.WriteManifest(draft with { Sequence = 2 });
        ResolverProject.WaitFor(() => project.Events("skipped").Count >= 2, ReloadTimeout, "the manifest is resolved again");

        var skipped = project.Events("skipped");
        Assert.IsTrue(skipped.All(l => l.Message.Contains("its artifact has no static Root(Double) returning Double")),
            "the same artifact is not loaded twice into the load context: " + string.Join(" | ", skipped.Select(l => l.Message)));
        Assert.IsNull(root.Served);
        Assert.AreEqual(3.0, ResolverProject.Invoke(scale, 1.0));
    }

    [TestMethod]
    public void UntrustedKey_AppliedAnyway_WithWarning()
    {
        using var project = new ResolverProject();
        using var stranger = SigningKey.Generate("stranger", project.Now);
        var signed = project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)), stranger);
        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(ResolverMode.Dev);

        resolver.Attach([route]);

        Assert.AreEqual(43.0, ResolverProject.Invoke(route, 1.0));
        Assert.AreEqual(signed.Document.ManifestId, resolver.Status.ManifestId);
        var warnings = project.Events("warning");
        Assert.HasCount(1, warnings);
        Assert.AreEqual(signed.Document.ManifestId, warnings[0].Manifest);
        Assert.Contains(VerificationCodes.UnknownKey, warnings[0].Message);
        Assert.Contains(stranger.KeyId.Value, warnings[0].Message);
    }

    [TestMethod]
    public void Override_ForcesBaseline_ForThatPinOnly()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1,
            project.Pin(ResolverProject.RootId, TestArtifacts.Root42),
            project.Pin(ResolverProject.ScaleId, TestArtifacts.Scale)));
        Directory.CreateDirectory(Path.GetDirectoryName(project.OverridesPath)!);
        File.WriteAllText(project.OverridesPath, """{"pins": {"Kernels.Root(double)": "baseline"}}""");
        var (root, scale) = (ResolverProject.RootRoute(), ResolverProject.ScaleRoute());
        var resolver = project.Resolver(ResolverMode.Dev);

        Assert.AreEqual(project.OverridesPath, resolver.OverridesPath);
        resolver.Attach([root, scale]);

        Assert.IsNull(root.Served, "overridden to its baseline");
        Assert.AreEqual(6.0, ResolverProject.Invoke(scale, 2.0));
        var overrides = project.Events("override");
        Assert.HasCount(1, overrides);
        Assert.StartsWith(ResolverProject.RootName + ": baseline", overrides[0].Message);
    }

    [TestMethod]
    public void Override_WrittenWhileRunning_Reloads_AndRemovingItServesAgain()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(ResolverMode.Dev);
        resolver.Attach([route]);
        Assert.IsNotNull(route.Served);

        Directory.CreateDirectory(Path.GetDirectoryName(project.OverridesPath)!);
        File.WriteAllText(project.OverridesPath, """{"pins": {"Kernels.Root(double)": "baseline"}}""");
        ResolverProject.WaitFor(() => route.Served is null, ReloadTimeout, "the override takes effect");
        Assert.IsNotEmpty(project.Events("override"));

        File.Delete(project.OverridesPath);
        ResolverProject.WaitFor(() => route.Served is not null, ReloadTimeout, "the pin is served again");
        Assert.AreEqual(43.0, ResolverProject.Invoke(route, 1.0));
        Assert.IsGreaterThanOrEqualTo(2, project.Events("reload").Count);
    }

    [TestMethod]
    public void HotSwap_AnArtifactWithAnAlreadyLoadedAssemblyName_IsLoadedAndServed()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(ResolverMode.Dev);
        resolver.Attach([route]);
        Assert.AreEqual(43.0, ResolverProject.Invoke(route, 1.0));
        Assert.AreEqual(TestArtifacts.Root42.Name, TestArtifacts.Root7SameName.Name, "the test needs one assembly name for both");

        project.WriteManifest(project.Draft(2, project.Pin(ResolverProject.RootId, TestArtifacts.Root7SameName, candidateSeed: "recompiled")));

        ResolverProject.WaitFor(() => route.Served is Func<double, double> f && f(1.0) == 7.0, ReloadTimeout, "the new bytes are served");
        Assert.IsEmpty(project.Events("skipped"), string.Join("\n", project.Events("skipped").Select(e => e.Message)));
    }

    [TestMethod]
    public void HotSwap_ManifestRewritten_NewCandidateServed()
    {
        using var project = new ResolverProject();
        var first = project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(ResolverMode.Dev);
        resolver.Attach([route]);
        Assert.AreEqual(43.0, ResolverProject.Invoke(route, 1.0));
        route.CountServed();
        var firstCandidate = route.CandidateId;

        var second = project.WriteManifest(project.Draft(2, project.Pin(ResolverProject.RootId, TestArtifacts.Root7)));

        ResolverProject.WaitFor(() => route.Served is Func<double, double> f && f(1.0) == 7.0, ReloadTimeout, "the new candidate is served");
        Assert.AreNotEqual(firstCandidate, route.CandidateId);
        Assert.AreEqual(second.Document.Pins[0].Candidate.ToString(), route.CandidateId);
        Assert.AreEqual(0, route.ServedCalls, "a new candidate counts from zero");
        Assert.AreEqual(second.Document.ManifestId, resolver.Status.ManifestId);
        var reload = project.Events("reload");
        Assert.IsNotEmpty(reload);
        Assert.AreEqual("dev", reload[0].Mode);
        Assert.AreEqual(project.ManifestPath, reload[0].Manifest);
        Assert.IsTrue(project.Events("applied").Any(l => l.Manifest == first.Document.ManifestId));
        Assert.IsTrue(project.Events("applied").Any(l => l.Manifest == second.Document.ManifestId));
        Assert.IsTrue(resolver.Serving);

        resolver.Dispose();
        var usage = File.ReadAllText(Directory.GetFiles(project.UsageDirectory, "*.json").Single());
        Assert.Contains(firstCandidate!, usage, "the first candidate's served call stays on record");
        Assert.Contains(route.CandidateId!, usage);
    }

    [TestMethod]
    public void ManifestMissing_Warns_ThenServesWhenItAppears()
    {
        using var project = new ResolverProject();
        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(ResolverMode.Dev);

        resolver.Attach([route]);

        Assert.IsNull(route.Served);
        Assert.Contains("does not exist", project.Events("warning").Single().Message);
        Assert.IsNotNull(resolver.Status.FallbackReason);

        project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));

        ResolverProject.WaitFor(() => route.Served is not null, ReloadTimeout, "the manifest is picked up");
        Assert.AreEqual(43.0, ResolverProject.Invoke(route, 1.0));
        Assert.IsNull(resolver.Status.FallbackReason);
        Assert.AreEqual(1, project.ServingChanges);
    }
}
