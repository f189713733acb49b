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
    /// never rewritten, so opening a version-1 file inserts the marker <c>schema@2</c> instead of changing the record
    /// (a version-1 layout is a valid version-2 layout without memberships; nothing else needs migrating).
    /// </summary>
    /// <exception cref="WorkspaceDatabaseException">The file is from a newer Sigil or is not a Sigil workspace database.</exception>
    public static void Initialize(WorkspaceCollections collections)
    {
        collections.Candidates.EnsureIndex("scope");
        collections.Candidates.EnsureIndex("spec");
        collections.Candidates.EnsureIndex("parent_key");
        collections.Memberships.EnsureIndex("scope");
        collections.Memberships.EnsureIndex("spec");
        collections.Memberships.EnsureIndex("candidate");
        collections.Evaluations.EnsureIndex("candidate");
        collections.Attachments.EnsureIndex("candidate");
        var meta = collections.Meta;
        var schema = meta.FindById(SchemaRecord);
        if (schema is null)
        {
            meta.Insert(new BsonDocument
            {
                ["_id"] = SchemaRecord,
                ["version"] = LiteDbWorkspaceStore.SchemaVersion,
                ["created_at"] = DateTimeOffset.UtcNow.UtcTicks,
            });
            return;
        }
        var path = collections.DatabasePath;
        var version = VersionOf(schema, path);
        var upgrades = meta.Find(Query.StartsWith("_id", UpgradeRecordPrefix)).ToList();
        var effective = upgrades.Select(u => VersionOf(u, path)).Append(version).Max();
        if (effective > LiteDbWorkspaceStore.SchemaVersion)
        {
            throw new WorkspaceDatabaseException(path,
                $"Workspace database '{path}' was written by a newer Sigil (schema version {effective}; this version reads {LiteDbWorkspaceStore.SchemaVersion}). " +
                "Upgrade Sigil to use it; do not open it with an older version.");
        }
        if (effective < LiteDbWorkspaceStore.SchemaVersion)
        {
            meta.Insert(new BsonDocument
            {
                ["_id"] = UpgradeRecordPrefix + LiteDbWorkspaceStore.SchemaVersion.ToString(CultureInfo.InvariantCulture),
                ["version"] = LiteDbWorkspaceStore.SchemaVersion,
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
