using Microsoft.CodeAnalysis.CSharp;
using Sigil.Candidates.Parsing;

namespace Sigil.Candidates.Applying;

/// <summary>How <see cref="EditApplier"/> applies an edit.</summary>
public sealed record EditOptions
{
    /// <summary>Only the pinned method may change; C# preview parsing with no preprocessor symbols.</summary>
    public static EditOptions Default { get; } = new();

    /// <summary>What the edit may change; <see cref="EditScope.PinOnly"/> unless the generator asked for more.</summary>
    public EditScope Scope { get; init; } = EditScope.PinOnly;

    /// <summary>
    /// How sources are parsed (language version, preprocessor symbols: code under an undefined symbol is trivia and
    /// does not count as a change). Defaults to <see cref="EditParser.DefaultParseOptions"/>.
    /// </summary>
    public CSharpParseOptions ParseOptions { get; init; } = EditParser.DefaultParseOptions;
}
