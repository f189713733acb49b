using System.Text.Json;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>A code lens as received.</summary>
internal sealed record Lens(int Line, string Title, string Command, JsonElement Arguments);
