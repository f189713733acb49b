namespace Sigil.LanguageServer.Hosting;

/// <summary>The params of methods that take none (<c>shutdown</c>, <c>exit</c>, <c>initialized</c>).</summary>
internal sealed record NoParams;
