using System.IO.Compression;

namespace Sigil.Workspace.Tests.Support;

/// <summary>
/// Files written by earlier versions of Sigil.Workspace, embedded from <c>Fixtures/</c>.
/// <list type="bullet">
/// <item><c>workspace-schema1.db.gz</c> and <c>workspace-format1.tar.gz</c> were produced by the code of commit e0279db
/// (schema version 1, archive format version 1) running <see cref="Samples.Populate"/> on an empty store: the
/// resulting <c>workspace.db</c> (gzipped) and <c>WorkspaceArchive.Export</c> of that store.</item>
/// <item><c>workspace-schema2.db.gz</c> and <c>workspace-format2.tar.gz</c> were produced by the code of commit
/// f30eca2 (schema version 2, archive format version 2, before the run log) running <see cref="Samples.Populate"/>
/// and then adding the root to workspace v2 and the other root to spec perf, workspace main (see
/// <see cref="PopulateVersion2"/>).</item>
/// </list>
/// </summary>
internal static class Fixtures
{
    public const string SchemaVersion1Database = "workspace-schema1.db.gz";
    public const string FormatVersion1Archive = "workspace-format1.tar.gz";
    public const string SchemaVersion2Database = "workspace-schema2.db.gz";
    public const string FormatVersion2Archive = "workspace-format2.tar.gz";

    /// <summary>Writes the schema-1 <c>workspace.db</c> into <paramref name="sigilDirectory"/> (created) and returns its path.</summary>
    public static string WriteSchemaVersion1Database(string sigilDirectory) => WriteDatabase(SchemaVersion1Database, sigilDirectory);

    /// <summary>Writes the schema-2 <c>workspace.db</c> into <paramref name="sigilDirectory"/> (created) and returns its path.</summary>
    public static string WriteSchemaVersion2Database(string sigilDirectory) => WriteDatabase(SchemaVersion2Database, sigilDirectory);

    /// <summary>Writes the format-1 archive to <paramref name="path"/> and returns it.</summary>
    public static string WriteFormatVersion1Archive(string path) => WriteFile(FormatVersion1Archive, path);

    /// <summary>Writes the format-2 archive to <paramref name="path"/> and returns it.</summary>
    public static string WriteFormatVersion2Archive(string path) => WriteFile(FormatVersion2Archive, path);

    /// <summary>What the version-2 fixtures hold, written by today's code into <paramref name="store"/>.</summary>
    public static SampleWorkspace PopulateVersion2(Sigil.Workspace.Store.IWorkspaceStore store)
    {
        var sample = Samples.Populate(store);
        store.InsertCandidate(sample.Root with
        {
            Workspace = "v2",
            Provenance = new Sigil.Workspace.Model.Provenance { GeneratorKind = "heuristic", Optimizer = "best-of-n" },
            Summary = "rediscovered in v2",
            CreatedAt = Samples.Epoch.AddMinutes(30),
        });
        store.InsertCandidate(sample.OtherRoot with { Spec = "perf", Workspace = "main", Summary = "perf run", CreatedAt = Samples.Epoch.AddMinutes(40) });
        return sample;
    }

    private static string WriteDatabase(string name, string sigilDirectory)
    {
        Directory.CreateDirectory(sigilDirectory);
        var path = Path.Combine(sigilDirectory, "workspace.db");
        using var resource = Open(name);
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var file = File.Create(path);
        gzip.CopyTo(file);
        return path;
    }

    private static string WriteFile(string name, string path)
    {
        using var resource = Open(name);
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }

    private static Stream Open(string name) =>
        typeof(Fixtures).Assembly.GetManifestResourceStream("Fixtures/" + name)
        ?? throw new InvalidOperationException($"The test fixture '{name}' is not embedded; check the EmbeddedResource item of the test project.");
}
