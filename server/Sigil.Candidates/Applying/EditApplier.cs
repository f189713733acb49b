using Sigil.Candidates.Parsing;

namespace Sigil.Candidates.Applying;

/// <summary>
/// Applies a <see cref="ProposedEdit"/> to the parent's source texts and checks the result: it must parse, keep the
/// pin's signature and <c>[Improve]</c> attribute, and change only what <see cref="EditOptions.Scope"/> allows.
/// Reads only the texts it is given; never compiles (semantic checks come later).
/// </summary>
/// <remarks>
/// SEARCH/REPLACE blocks apply in order, each to the text the previous ones left. A block's SEARCH lines are matched
/// exactly first, then line by line ignoring leading and trailing whitespace (the replacement is then re-indented to the
/// file's indentation). A SEARCH that matches several places is ambiguous; with <see cref="EditScope.PinOnly"/> only
/// the matches inside the pinned method count when there are any (the others could not be accepted anyway). A block
/// with no file name edits the
/// pin's file; a file name is matched against the source paths exactly, then by path suffix, then by file name.
/// Edits the caller is responsible for (a pin that is not in its file, no pin given) throw <see cref="ArgumentException"/>;
/// everything the edit is responsible for is an <see cref="EditRejected"/>.
/// </remarks>
public static class EditApplier
{
    /// <summary>How many names (methods, files, members) a message lists at most.</summary>
    internal const int MaxListed = 20;

    /// <summary>Applies <paramref name="edit"/> to <paramref name="sources"/> (path → text) for the pin <paramref name="pin"/>.</summary>
    /// <exception cref="ArgumentException">The pin's file is not among the sources, or the pin is not found or ambiguous in it.</exception>
    public static EditApplyResult Apply(IReadOnlyDictionary<string, string> sources, PinTarget pin, ProposedEdit edit, EditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(edit);
        options ??= EditOptions.Default;
        if (pin.QualifiedName is null && pin.Span is null)
        {
            throw new ArgumentException("A pin needs a qualified name, a span, or both.", nameof(pin));
        }
        if (!sources.TryGetValue(pin.FilePath, out var pinText))
        {
            throw new ArgumentException($"The pin's file '{pin.FilePath}' is not among the {sources.Count} source files given.", nameof(pin));
        }
        var pinRoot = SourceParser.Parse(pinText, pin.FilePath, options);
        var pinMethod = PinMethodLocator.Locate(pinRoot, pin);

        var edited = new Dictionary<string, string>(StringComparer.Ordinal);
        var rejected = edit switch
        {
            SearchReplaceEdit blocks => SearchReplaceApplier.Apply(sources, pin, pinMethod, blocks, options, edited),
            MethodReplacementEdit method => MethodReplacer.Apply(pinText, pin, pinMethod, method, options, edited),
            _ => throw new ArgumentException($"Unknown edit type {edit.GetType().Name}.", nameof(edit)),
        };
        return rejected ?? EditChecker.Check(sources, pin, pinRoot, pinMethod, edited, options);
    }
}
