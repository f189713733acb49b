namespace Sigil.LanguageServer.State;

/// <summary>A document the client has open, as of its latest version.</summary>
/// <param name="Uri">Its URI as the client sent it.</param>
/// <param name="LanguageId">Its language id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Text">Its whole text.</param>
internal sealed record OpenDocument(string Uri, string LanguageId, int Version, string Text)
{
    /// <summary>The local file path of a <c>file:</c> URI, else null.</summary>
    public string? FilePath => DocumentUris.ToPath(Uri);

    /// <summary>Whether it is C# (by language id or extension).</summary>
    public bool IsCSharp => LanguageId is "csharp" or "cs" || Uri.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
}
