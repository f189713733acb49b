using System.Text.Json;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>Something the server sent the client: a notification or a request, with its params.</summary>
internal sealed record ClientEvent(string Method, JsonElement Params, DateTime At);
