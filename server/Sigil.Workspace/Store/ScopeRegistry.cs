using LiteDB;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>
/// The <c>workspaces</c> registry of (spec, workspace) names. Insert-only: a scope is registered once, when its first
/// candidate, membership or run is written, and never changed.
/// </summary>
internal sealed class ScopeRegistry(WorkspaceCollections collections)
{
    /// <summary>Registers the scope of <paramref name="spec"/> and <paramref name="workspace"/> unless it is already.</summary>
    public void Register(string spec, string workspace)
    {
        var scope = BsonCodec.Scope(spec, workspace);
        if (collections.Workspaces.FindById(scope) is null)
        {
            collections.Workspaces.Insert(new BsonDocument { ["_id"] = scope, ["spec"] = spec, ["workspace"] = workspace });
        }
    }

    /// <summary>
    /// Every registered scope with its number of memberships (original records included) and of runs; ordered by spec,
    /// then workspace.
    /// </summary>
    public List<WorkspaceSummary> List() => collections.Workspaces.FindAll()
        .ToList()
        .Select(d => new WorkspaceSummary(
            d["spec"].AsString,
            d["workspace"].AsString,
            collections.Candidates.Count(Query.EQ("scope", d["_id"].AsString)) + collections.Memberships.Count(Query.EQ("scope", d["_id"].AsString)))
        {
            RunCount = collections.Runs.Count(Query.EQ("scope", d["_id"].AsString)),
        })
        .OrderBy(w => w.Spec, StringComparer.Ordinal)
        .ThenBy(w => w.Workspace, StringComparer.Ordinal)
        .ToList();
}
