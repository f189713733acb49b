using System.Globalization;
using LiteDB;
using Sigil.Workspace.Errors;

namespace Sigil.Workspace.Store;

/// <summary>
/// The indexes and the schema version of a workspace database, set up when it is opened. Insert-only like the rest
/// of the store: a version record is never rewritten, only added.
/// </summary>
internal static class WorkspaceSchema
{
    private const string SchemaRecord = "schema";
    private const string UpgradeRecordPrefix = "schema@";

    /// <summary>
    /// Creates the indexes and checks (or, for a new file, writes) the schema version; runs in the open's transaction.
    /// The version of a file is its <c>schema</c> record's, raised by any <c>schema@N</c> upgrade marker: records are
    /// never rewritten, so opening an older file inserts the marker <c>schema@3</c> instead of changing the record.
    /// Every version only added collections (2: memberships; 3: runs and trials), so an older layout is a valid
    /// version-3 layout without them; nothing needs migrating.
    /// </summary>
    /// <param name="collections">The database's collections.</param>
    /// <param name="readsVersion">
    /// The newest version this code reads, <see cref="LiteDbWorkspaceStore.SchemaVersion"/>; tests pass an older one to
    /// act as an older Sigil.
    /// </param>
    /// <exception cref="WorkspaceDatabaseException">The file is from a newer Sigil or is not a Sigil workspace database.</exception>
    public static void Initialize(WorkspaceCollections collections, int readsVersion)
    {
        collections.Candidates.EnsureIndex("scope");
        collections.Candidates.EnsureIndex("spec");
        collections.Candidates.EnsureIndex("parent_key");
        collections.Memberships.EnsureIndex("scope");
        collections.Memberships.EnsureIndex("spec");
        collections.Memberships.EnsureIndex("candidate");
        collections.Evaluations.EnsureIndex("candidate");
        collections.Attachments.EnsureIndex("candidate");
        collections.Runs.EnsureIndex("scope");
        collections.Runs.EnsureIndex("spec");
        collections.Trials.EnsureIndex("run");
        var meta = collections.Meta;
        var schema = meta.FindById(SchemaRecord);
        if (schema is null)
        {
            meta.Insert(new BsonDocument
            {
                ["_id"] = SchemaRecord,
                ["version"] = readsVersion,
                ["created_at"] = DateTimeOffset.UtcNow.UtcTicks,
            });
            return;
        }
        var path = collections.DatabasePath;
        var version = VersionOf(schema, path);
        var upgrades = meta.Find(Query.StartsWith("_id", UpgradeRecordPrefix)).ToList();
        var effective = upgrades.Select(u => VersionOf(u, path)).Append(version).Max();
        if (effective > readsVersion)
        {
            throw new WorkspaceDatabaseException(path,
                $"Workspace database '{path}' was written by a newer Sigil (schema version {effective}; this version reads {readsVersion}). " +
                "Upgrade Sigil to use it; do not open it with an older version.");
        }
        if (effective < readsVersion)
        {
            meta.Insert(new BsonDocument
            {
                ["_id"] = UpgradeRecordPrefix + readsVersion.ToString(CultureInfo.InvariantCulture),
                ["version"] = readsVersion,
                ["from_version"] = effective,
                ["created_at"] = DateTimeOffset.UtcNow.UtcTicks,
            });
        }
    }

    private static int VersionOf(BsonDocument record, string path)
    {
        var version = record["version"];
        return version.IsInt32 && version.AsInt32 >= 1
            ? version.AsInt32
            : throw new WorkspaceDatabaseException(path,
                $"'{path}' is a LiteDB file but not a Sigil workspace database (its schema record is unreadable). " +
                "Move it aside and let Sigil create a new workspace, or restore the right file from a backup.");
    }
}
