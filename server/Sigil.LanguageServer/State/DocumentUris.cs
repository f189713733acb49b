namespace Sigil.LanguageServer.State;

/// <summary>file: URIs and local paths.</summary>
internal static class DocumentUris
{
    /// <summary>The local path of a <c>file:</c> URI, or null for other schemes or malformed URIs.</summary>
    public static string? ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? Path.GetFullPath(parsed.LocalPath) : null;

    /// <summary>The <c>file:</c> URI of a local path.</summary>
    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
