using LiteDB;

namespace Sigil.Workspace.Store;

/// <summary>
/// The LiteDB collections of a workspace database, by name (see <see cref="LiteDbWorkspaceStore"/> for the layout and
/// <see cref="BsonCodec"/> for the document shapes), and the file's path for messages. Each accessor asks the database
/// for the collection anew; callers use them inside a <see cref="StoreTransactions.Run{T}"/> body only.
/// </summary>
internal sealed class WorkspaceCollections(LiteDatabase database, string databasePath)
{
    private const string CandidatesCollection = "candidates";
    private const string MembershipsCollection = "memberships";
    private const string EvaluationsCollection = "evaluations";
    private const string AttachmentsCollection = "attachments";
    private const string WorkspacesCollection = "workspaces";
    private const string MetaCollection = "meta";
    private const string RunsCollection = "runs";
    private const string TrialsCollection = "trials";

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; } = databasePath;

    /// <summary>One document per candidate id: its content and its original record.</summary>
    public ILiteCollection<BsonDocument> Candidates => database.GetCollection(CandidatesCollection);

    /// <summary>One document per further (spec, workspace, candidate), keyed <c>spec/workspace/digest</c>.</summary>
    public ILiteCollection<BsonDocument> Memberships => database.GetCollection(MembershipsCollection);

    /// <summary>One document per evaluation id.</summary>
    public ILiteCollection<BsonDocument> Evaluations => database.GetCollection(EvaluationsCollection);

    /// <summary>One document per (candidate, artifact name), naming a blob.</summary>
    public ILiteCollection<BsonDocument> Attachments => database.GetCollection(AttachmentsCollection);

    /// <summary>The registry of (spec, workspace) names, keyed <c>spec/workspace</c>.</summary>
    public ILiteCollection<BsonDocument> Workspaces => database.GetCollection(WorkspacesCollection);

    /// <summary>One document per run id (schema version 3).</summary>
    public ILiteCollection<BsonDocument> Runs => database.GetCollection(RunsCollection);

    /// <summary>One document per (run, trial index), keyed <c>run-digest/index</c> (schema version 3).</summary>
    public ILiteCollection<BsonDocument> Trials => database.GetCollection(TrialsCollection);

    /// <summary>The schema version records.</summary>
    public ILiteCollection<BsonDocument> Meta => database.GetCollection(MetaCollection);

    /// <summary>Blob bytes, stored once per hex BLAKE3 digest.</summary>
    public ILiteStorage<string> Blobs => database.GetStorage<string>("blobs", "blob_chunks");
}
