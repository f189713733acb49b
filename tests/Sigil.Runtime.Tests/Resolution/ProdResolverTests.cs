using System.Text.Json;
using Sigil.Manifests.Applied;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Verification;
using Sigil.Runtime.Resolution;

namespace Sigil.Runtime.Tests.Resolution;

/// <summary>The prod resolver with manifests it must accept: served, counted, recorded, logged.</summary>
[TestClass]
public sealed class ProdResolverTests
{
    [TestMethod]
    public void ValidManifest_ServesCandidate_RecordsAppliesLogsAndCountsUsage()
    {
        using var project = new ResolverProject();
        var signed = project.WriteManifest(project.Draft(7, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        var manifestId = signed.Document.ManifestId!;
        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(ResolverMode.Prod);

        resolver.Attach([route]);

        Assert.IsNotNull(route.Served, resolver.Status.FallbackReason);
        Assert.IsInstanceOfType<Func<double, double>>(route.Served);
        Assert.AreEqual(43.5, ResolverProject.Invoke(route, 1.5));
        Assert.AreEqual(signed.Document.Pins[0].Candidate.ToString(), route.CandidateId);
        Assert.IsTrue(resolver.Serving);
        Assert.AreEqual(1, project.ServingChanges, "the gate is told once that something is served");
        Assert.IsNotNull(resolver.DecisionTime);

        var status = resolver.Status;
        Assert.AreEqual(ResolverMode.Prod, status.Mode);
        Assert.AreEqual(project.ManifestPath, status.ManifestPath);
        Assert.AreEqual(manifestId, status.ManifestId);
        Assert.IsNull(status.FallbackReason);
        Assert.HasCount(1, status.Served);
        Assert.AreEqual(new ServedPin(ResolverProject.RootId, route.CandidateId!, manifestId, 0), status.Served[0]);

        Assert.AreEqual(new AppliedManifest(7, manifestId), new AppliedManifests(project.SigilDirectory).Find(ResolverProject.Spec));

        var applied = project.Events("applied");
        Assert.HasCount(1, applied);
        Assert.AreEqual("prod", applied[0].Mode);
        Assert.AreEqual(manifestId, applied[0].Manifest);
        Assert.Contains("Kernels.Root(double) -> " + route.CandidateId, applied[0].Message);
        Assert.IsEmpty(project.Events("fallback"));
        CollectionAssert.AreEqual(resolver.Log.Lines.ToArray(), File.ReadAllLines(project.LogPath), "the in-memory lines are the file's");

        for (var i = 0; i < 3; i++)
        {
            route.CountServed();
        }
        Assert.AreEqual(3, route.ServedCalls);
        Assert.AreEqual(3, resolver.Status.Served[0].Calls);

        resolver.Dispose();

        var usage = Directory.GetFiles(project.UsageDirectory, "*.json");
        Assert.HasCount(1, usage);
        using var document = JsonDocument.Parse(File.ReadAllBytes(usage[0]));
        var root = document.RootElement;
        Assert.AreEqual("sigil/usage@0", root.GetProperty("schema").GetString());
        Assert.AreEqual("prod", root.GetProperty("mode").GetString());
        Assert.AreEqual(Environment.ProcessId, root.GetProperty("process").GetInt32());
        var pins = root.GetProperty("pins");
        Assert.AreEqual(1, pins.GetArrayLength());
        Assert.AreEqual(ResolverProject.RootId, pins[0].GetProperty("function_id").GetString());
        Assert.AreEqual(route.CandidateId, pins[0].GetProperty("candidate").GetString());
        Assert.AreEqual(manifestId, pins[0].GetProperty("manifest_id").GetString());
        Assert.AreEqual(3, pins[0].GetProperty("calls").GetInt64());
    }

    [TestMethod]
    public void TwoPins_BothServed_EachWithItsOwnMethod()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1,
            project.Pin(ResolverProject.RootId, TestArtifacts.Root42),
            project.Pin(ResolverProject.ScaleId, TestArtifacts.Scale)));
        var root = ResolverProject.RootRoute();
        var scale = ResolverProject.ScaleRoute();
        var resolver = project.Resolver(ResolverMode.Prod);

        resolver.Attach([root, scale]);

        Assert.AreEqual(44.0, ResolverProject.Invoke(root, 2.0), resolver.Status.FallbackReason);
        Assert.AreEqual(6.0, ResolverProject.Invoke(scale, 2.0));
        Assert.HasCount(2, resolver.Status.Served);
    }

    [TestMethod]
    public void TwoPinsSharingOneArtifact_EachServedItsOwnMethod()
    {
        // One signed assembly holding both methods, named by both pins: each pin must get the method of its own name,
        // not whichever was bound first from that digest.
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1,
            project.Pin(ResolverProject.RootId, TestArtifacts.Both, candidateSeed: "both-root"),
            project.Pin(ResolverProject.ScaleId, TestArtifacts.Both, candidateSeed: "both-scale")));
        var root = ResolverProject.RootRoute();
        var scale = ResolverProject.ScaleRoute();
        var resolver = project.Resolver(ResolverMode.Prod);

        resolver.Attach([root, scale]);

        Assert.AreEqual(101.0, ResolverProject.Invoke(root, 1.0), resolver.Status.FallbackReason);
        Assert.AreEqual(201.0, ResolverProject.Invoke(scale, 1.0), "Scale must run Scale, not Root");
    }

    [TestMethod]
    public void SameManifestAgain_NextProcess_ServedAndAppliedUnchanged()
    {
        using var project = new ResolverProject();
        var signed = project.WriteManifest(project.Draft(3, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        var first = ResolverProject.RootRoute();
        project.Resolver(ResolverMode.Prod).Attach([first]);
        Assert.IsNotNull(first.Served);

        var second = ResolverProject.RootRoute();
        var again = project.Resolver(ResolverMode.Prod);
        again.Attach([second]);

        Assert.IsNotNull(second.Served, again.Status.FallbackReason);
        Assert.AreEqual(new AppliedManifest(3, signed.Document.ManifestId!), new AppliedManifests(project.SigilDirectory).Find(ResolverProject.Spec));
    }

    [TestMethod]
    public void NewerSequence_Served_AndAppliedMovesForward()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(3, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        project.Resolver(ResolverMode.Prod).Attach([ResolverProject.RootRoute()]);

        var newer = project.WriteManifest(project.Draft(4, project.Pin(ResolverProject.RootId, TestArtifacts.Root7)));
        var route = ResolverProject.RootRoute();
        var resolver = project.Resolver(ResolverMode.Prod);
        resolver.Attach([route]);

        Assert.AreEqual(7.0, ResolverProject.Invoke(route, 1.0), resolver.Status.FallbackReason);
        Assert.AreEqual(new AppliedManifest(4, newer.Document.ManifestId!), new AppliedManifests(project.SigilDirectory).Find(ResolverProject.Spec));
    }

    [TestMethod]
    public void SecondAttach_AfterFallback_StaysOnBaselines()
    {
        // prod decides once: an assembly registering its routes later must not re-decide the way dev does
        // (which would apply an unverifiable manifest per pin, with a mere warning).
        using var project = new ResolverProject();
        using var stranger = SigningKey.Generate("stranger", project.Now);
        project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)), stranger);
        var root = ResolverProject.RootRoute();
        var resolver = project.Resolver(ResolverMode.Prod);
        resolver.Attach([root]);
        Assert.IsNull(root.Served);

        var scale = ResolverProject.ScaleRoute();
        resolver.Attach([scale]);

        Assert.IsNull(root.Served, "an untrusted manifest was applied by the second registration");
        Assert.IsNull(scale.Served);
        Assert.IsFalse(resolver.Serving);
        Assert.StartsWith(VerificationCodes.UnknownKey + ":", resolver.Status.FallbackReason!);
        Assert.IsEmpty(project.Events("applied"));
        Assert.IsEmpty(project.Events("warning"));
    }

    [TestMethod]
    public void SecondAttach_AfterApplying_KeepsTheDecisionAndItsCounts()
    {
        using var project = new ResolverProject();
        project.WriteManifest(project.Draft(1, project.Pin(ResolverProject.RootId, TestArtifacts.Root42)));
        var root = ResolverProject.RootRoute();
        var resolver = project.Resolver(ResolverMode.Prod);
        resolver.Attach([root]);
        root.CountServed();

        var scale = ResolverProject.ScaleRoute();
        resolver.Attach([scale]);

        Assert.AreEqual(43.0, ResolverProject.Invoke(root, 1.0));
        Assert.AreEqual(1, root.ServedCalls, "the served candidate (and its count) is kept");
        Assert.IsNull(scale.Served, "a pin the decision did not cover runs its baseline");
        Assert.HasCount(1, project.Events("applied"), "decided once");
    }
}
