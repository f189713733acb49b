using System.Collections.Concurrent;
using Sigil.LanguageServer.Lenses;

namespace Sigil.LanguageServer.State;

/// <summary>
/// The open documents' latest texts (full sync). An older version never replaces a newer one. A C# document's new text
/// is parsed from its previous tree as it arrives (<see cref="PinScanner.Edited"/>): what its diagnostics and lenses read.
/// </summary>
internal sealed class DocumentStore
{
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>Opens (or reopens) a document.</summary>
    public void Open(OpenDocument document) => _documents[document.Uri] = document;

    /// <summary>Replaces a document's text; false when it is not open or <paramref name="version"/> is older.</summary>
    public bool Change(string uri, int version, string text)
    {
        while (_documents.TryGetValue(uri, out var current))
        {
            if (version < current.Version)
            {
                return false;
            }
            var updated = current with { Version = version, Text = text };
            if (_documents.TryUpdate(uri, updated, current))
            {
                if (updated.IsCSharp)
                {
                    PinScanner.Edited(current.Text, text);
                }
                return true;
            }
        }
        return false;
    }

    /// <summary>Closes a document; false when it was not open.</summary>
    public bool Close(string uri) => _documents.TryRemove(uri, out _);

    /// <summary>The document, or null when not open.</summary>
    public OpenDocument? Get(string uri) => _documents.GetValueOrDefault(uri);

    /// <summary>Every open document.</summary>
    public IReadOnlyList<OpenDocument> All => [.. _documents.Values];
}
