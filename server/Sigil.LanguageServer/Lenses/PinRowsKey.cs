namespace Sigil.LanguageServer.Lenses;

/// <summary>Which stored rows a pin's lenses need: its spec's (every spec's when the spec is not a literal) of the functions named <paramref name="NamePrefix"/>.</summary>
/// <param name="Spec">The spec named on <c>[Improve]</c>, or null when it is not a literal.</param>
/// <param name="NamePrefix">The qualname up to the parameter list, <c>Outer.Inner.Method(</c> (<see cref="PinDeclaration.NamePrefix"/>).</param>
internal readonly record struct PinRowsKey(string? Spec, string NamePrefix);
