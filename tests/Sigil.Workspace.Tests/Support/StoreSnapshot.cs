using System.Text;
using Sigil.Core.Hashing;
using Sigil.Workspace.Serialization;
using Sigil.Workspace.Store;

namespace Sigil.Workspace.Tests.Support;

/// <summary>Full, deterministic listings of a store, to compare before and after an operation.</summary>
internal static class StoreSnapshot
{
    /// <summary>Every workspace, candidate (all fields), evaluation, artifact (with its bytes' digest), run and trial, as text.</summary>
    public static string Listing(IWorkspaceStore store)
    {
        var text = new StringBuilder();
        foreach (var summary in store.ListWorkspaces())
        {
            text.Append("workspace ").Append(summary).Append('\n');
            foreach (var candidate in store.ListCandidates(summary.Spec, summary.Workspace))
            {
                text.Append(Encoding.UTF8.GetString(RecordJson.WriteCandidate(candidate))).Append('\n');
                foreach (var evaluation in store.ListEvaluations(candidate.Id))
                {
                    text.Append("  ").Append(Encoding.UTF8.GetString(RecordJson.WriteEvaluation(evaluation))).Append('\n');
                }
                foreach (var artifact in store.ListArtifacts(candidate.Id))
                {
                    var bytes = store.GetArtifact(artifact.Digest)!;
                    text.Append("  ").Append(artifact).Append(" bytes b3:").Append(Blake3Digest.Hex(bytes)).Append('\n');
                }
            }
            foreach (var run in store.ListRuns(summary.Spec, summary.Workspace))
            {
                text.Append(Encoding.UTF8.GetString(RunJson.WriteRun(run))).Append('\n');
                foreach (var trial in store.ListTrials(run.Id))
                {
                    text.Append("  ").Append(Encoding.UTF8.GetString(RunJson.WriteTrial(trial))).Append('\n');
                }
            }
        }
        return text.ToString();
    }

    /// <summary>BLAKE3 of the database file's bytes.</summary>
    public static string FileHash(string path) => Blake3Digest.Hex(File.ReadAllBytes(path));
}
