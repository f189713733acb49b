using System.IO.Compression;

namespace Sigil.Workspace.Tests.Support;

/// <summary>
/// Files written by earlier versions of Sigil.Workspace, embedded from <c>Fixtures/</c>. Both were produced by the
/// code of commit e0279db (schema version 1, archive format version 1) running <see cref="Samples.Populate"/> on an
/// empty store: <c>workspace-schema1.db.gz</c> is the resulting <c>workspace.db</c> (gzipped), and
/// <c>workspace-format1.tar.gz</c> is <c>WorkspaceArchive.Export</c> of that store.
/// </summary>
internal static class Fixtures
{
    public const string SchemaVersion1Database = "workspace-schema1.db.gz";
    public const string FormatVersion1Archive = "workspace-format1.tar.gz";

    /// <summary>Writes the schema-1 <c>workspace.db</c> into <paramref name="sigilDirectory"/> (created) and returns its path.</summary>
    public static string WriteSchemaVersion1Database(string sigilDirectory)
    {
        Directory.CreateDirectory(sigilDirectory);
        var path = Path.Combine(sigilDirectory, "workspace.db");
        using var resource = Open(SchemaVersion1Database);
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var file = File.Create(path);
        gzip.CopyTo(file);
        return path;
    }

    /// <summary>Writes the format-1 archive to <paramref name="path"/> and returns it.</summary>
    public static string WriteFormatVersion1Archive(string path)
    {
        using var resource = Open(FormatVersion1Archive);
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }

    private static Stream Open(string name) =>
        typeof(Fixtures).Assembly.GetManifestResourceStream("Fixtures/" + name)
        ?? throw new InvalidOperationException($"The test fixture '{name}' is not embedded; check the EmbeddedResource item of the test project.");
}
