using System.Reflection;
using System.Runtime.CompilerServices;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Workspace.Tests.Store;

/// <summary>The insert-only invariant, checked on the shape of the public API.</summary>
[TestClass]
public sealed class InsertOnlyContractTests
{
    private static readonly string[] MutatingVerbs = ["Update", "Delete", "Remove", "Replace", "Upsert", "Set", "Drop", "Clear", "Rename", "Move", "Modify", "Rebuild"];

    [TestMethod]
    public void StoreApi_PublicMethods_HaveNoMutatingVerb()
    {
        var methods = typeof(IWorkspaceStore).GetMethods()
            .Concat(typeof(LiteDbWorkspaceStore).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName)
            .Select(m => m.Name)
            .Distinct()
            .ToList();

        var mutating = methods.Where(name => MutatingVerbs.Any(verb => name.StartsWith(verb, StringComparison.Ordinal))).ToList();

        Assert.IsEmpty(mutating, "Mutating methods: " + string.Join(", ", mutating));
        CollectionAssert.IsSubsetOf(
            new[] { "InsertCandidate", "GetCandidate", "ListCandidates", "ListMemberships", "Children", "InsertEvaluation", "ListEvaluations", "PutArtifact", "GetArtifact", "ListArtifacts", "ListWorkspaces", "InsertBatch", "InsertRun", "GetRun", "ListRuns", "InsertTrial", "ListTrials", "Dispose" },
            methods);
    }

    [TestMethod]
    public void ModelRecords_PublicProperties_AreInitOnlyOrReadOnly()
    {
        var types = typeof(CandidateRecord).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(CandidateRecord).Namespace && !t.IsAbstract);

        var settable = types
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.IsEmpty(settable, "Mutable properties: " + string.Join(", ", settable));
    }

    [TestMethod]
    public void Records_MapsGivenByCaller_AreCopiedNotShared()
    {
        var parameters = new Dictionary<string, string> { ["population"] = "16" };
        var provenance = new Provenance { GeneratorKind = "llm", OptimizerParameters = parameters };

        parameters["population"] = "32";
        parameters["extra"] = "1";

        Assert.AreEqual("16", provenance.OptimizerParameters["population"]);
        Assert.HasCount(1, provenance.OptimizerParameters);
        Assert.IsFalse(provenance.OptimizerParameters is IDictionary<string, string> { IsReadOnly: false });
    }
}
