using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Parsing;
using Sigil.Candidates.Syntax;

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
    private const int MaxDiagnostics = 10;
    private const int MaxListed = 20;

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
        var pinRoot = Parse(pinText, pin.FilePath, options);
        var pinMethod = Locate(pinRoot, pin);

        var edited = new Dictionary<string, string>(StringComparer.Ordinal);
        var rejected = edit switch
        {
            SearchReplaceEdit blocks => ApplyBlocks(sources, pin, pinMethod, blocks, options, edited),
            MethodReplacementEdit method => ReplaceMethod(pinText, pin, pinMethod, method, options, edited),
            _ => throw new ArgumentException($"Unknown edit type {edit.GetType().Name}.", nameof(edit)),
        };
        return rejected ?? Check(sources, pin, pinRoot, pinMethod, edited, options);
    }

    private static MethodDeclarationSyntax Locate(CompilationUnitSyntax root, PinTarget pin)
    {
        var found = PinLocator.Find(root, pin.QualifiedName, pin.Span);
        var described = pin.QualifiedName ?? $"the method at {pin.Span}";
        if (found.Count == 1)
        {
            return found[0];
        }
        if (found.Count == 0)
        {
            var methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Select(Qualname).Take(MaxListed);
            throw new ArgumentException(
                $"The pin {described} is not declared in '{pin.FilePath}' (methods there: {string.Join(", ", methods)}).", nameof(pin));
        }
        throw new ArgumentException(
            $"The pin {described} matches {found.Count} methods in '{pin.FilePath}' ({string.Join(", ", found.Select(Qualname))}); give its span too.", nameof(pin));
    }

    private static string Qualname(MethodDeclarationSyntax method) =>
        string.Join(".", MemberNames.ContainingTypes(method).Append(MemberNames.Of(method)));

    private static EditRejected? ApplyBlocks(
        IReadOnlyDictionary<string, string> sources,
        PinTarget pin,
        MethodDeclarationSyntax pinMethod,
        SearchReplaceEdit edit,
        EditOptions options,
        Dictionary<string, string> edited)
    {
        var buffers = new Dictionary<string, LineBuffer>(StringComparer.Ordinal);
        for (var i = 0; i < edit.Blocks.Length; i++)
        {
            var block = edit.Blocks[i];
            var label = edit.Blocks.Length > 1 ? $"SEARCH block {i + 1}" : "The SEARCH block";
            var path = ResolvePath(sources, block.FilePath, pin.FilePath, label, out var unknown);
            if (path is null)
            {
                return unknown;
            }
            if (!buffers.TryGetValue(path, out var buffer))
            {
                buffer = new LineBuffer(sources[path]);
                buffers[path] = buffer;
            }
            var search = block.SearchLines;
            var replace = block.ReplaceLines;
            if (search.All(string.IsNullOrWhiteSpace))
            {
                return new EditRejected(CandidateFailureKind.EmptySearch,
                    $"{label} (for {path}) has no lines to find; copy the exact current lines to replace into its SEARCH part. New files cannot be created.");
            }
            var matched = search;
            var matches = SearchMatcher.Exact(buffer.Lines, search);
            if (matches.Count == 0)
            {
                matched = SearchMatcher.WithoutBlankEdges(search);
                matches = SearchMatcher.Trimmed(buffer.Lines, matched);
            }
            if (matches.Count > 1 && options.Scope == EditScope.PinOnly && path == pin.FilePath)
            {
                var inside = InsidePin(buffer, pinMethod, matched.Count, matches, path, options);
                if (inside.Count > 0)
                {
                    matches = inside;
                }
            }
            if (matches.Count == 0)
            {
                return NotFound(label, path, buffer, search);
            }
            if (matches.Count > 1)
            {
                return new EditRejected(CandidateFailureKind.SearchAmbiguous,
                    $"{label} matches {matches.Count} places in {path} (starting at lines {string.Join(", ", matches.Select(m => m + 1))}); "
                    + "add surrounding lines to its SEARCH part so that it matches exactly one.");
            }
            var start = matches[0];
            var lines = ReferenceEquals(matched, search) ? replace : SearchMatcher.Reindent(buffer.Lines.Skip(start).Take(matched.Count).ToList(), matched, replace);
            buffer.Replace(start, matched.Count, lines);
        }
        foreach (var (path, buffer) in buffers)
        {
            var text = buffer.ToString();
            if (!string.Equals(text, sources[path], StringComparison.Ordinal))
            {
                edited[path] = text;
            }
        }
        return null;
    }

    private static List<int> InsidePin(LineBuffer buffer, MethodDeclarationSyntax pinMethod, int count, List<int> matches, string path, EditOptions options)
    {
        var root = Parse(buffer.ToString(), path, options);
        var query = Qualname(pinMethod);
        var found = PinLocator.Find(root, query, null);
        if (found.Count != 1)
        {
            return [];
        }
        var lines = found[0].SyntaxTree.GetLineSpan(found[0].FullSpan);
        return matches.Where(m => m >= lines.StartLinePosition.Line && m + count - 1 <= lines.EndLinePosition.Line).ToList();
    }

    private static EditRejected NotFound(string label, string path, LineBuffer buffer, IReadOnlyList<string> search)
    {
        var wanted = SearchMatcher.WithoutBlankEdges(search);
        var (start, count) = SearchMatcher.Closest(buffer.Lines, wanted);
        var message = new StringBuilder();
        message.Append(label).Append(" does not match any lines of ").Append(path).Append(", exactly or ignoring indentation.");
        if (count > 0)
        {
            message.Append(" The closest lines (").Append(start + 1).Append('-').Append(start + count).Append(") are:\n```\n");
            foreach (var line in buffer.Lines.Skip(start).Take(count))
            {
                message.Append(line).Append('\n');
            }
            message.Append("```\n");
        }
        message.Append(" Copy the SEARCH lines exactly from the current source.");
        return new EditRejected(CandidateFailureKind.SearchNotFound, message.ToString());
    }

    private static string? ResolvePath(IReadOnlyDictionary<string, string> sources, string? named, string pinPath, string label, out EditRejected? rejected)
    {
        rejected = null;
        if (named is null)
        {
            return pinPath;
        }
        var wanted = CleanPath(named);
        var keys = sources.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var stages = new Func<string, bool>[]
        {
            key => CleanPath(key) == wanted,
            key => CleanPath(key).EndsWith("/" + wanted, StringComparison.Ordinal),
            key => wanted.Length > 2 && wanted[1] == '/' && wanted[0] is 'a' or 'b'
                && (CleanPath(key) == wanted[2..] || CleanPath(key).EndsWith(wanted[1..], StringComparison.Ordinal)),
            key => Path.GetFileName(CleanPath(key)) == Path.GetFileName(wanted),
        };
        foreach (var stage in stages)
        {
            var hits = keys.Where(stage).ToList();
            if (hits.Count == 1)
            {
                return hits[0];
            }
            if (hits.Count > 1)
            {
                rejected = new EditRejected(CandidateFailureKind.UnknownFile,
                    $"{label} names '{named}', which matches several source files ({string.Join(", ", hits.Take(MaxListed))}); write the full path.");
                return null;
            }
        }
        rejected = new EditRejected(CandidateFailureKind.UnknownFile,
            $"{label} names '{named}', which is not one of the project's source files ({string.Join(", ", keys.Take(MaxListed))}{(keys.Count > MaxListed ? ", ..." : "")}). "
            + "Edit existing files only, named by one of these paths.");
        return null;
    }

    private static string CleanPath(string path)
    {
        var clean = path.Trim().Replace('\\', '/');
        while (clean.StartsWith("./", StringComparison.Ordinal))
        {
            clean = clean[2..];
        }
        return clean;
    }

    private static EditRejected? ReplaceMethod(
        string pinText,
        PinTarget pin,
        MethodDeclarationSyntax pinMethod,
        MethodReplacementEdit edit,
        EditOptions options,
        Dictionary<string, string> edited)
    {
        var source = TextLines.NormalizeNewlines(edit.MethodSource);
        var replacement = EditParser.ParseOneMethod(source, options.ParseOptions);
        if (replacement is null)
        {
            return new EditRejected(CandidateFailureKind.NotOneMethod,
                "The replacement does not parse as exactly one method declaration. Answer with the whole method, and nothing else, in one ```csharp block.");
        }
        var before = MethodSignatures.Describe(pinMethod);
        var after = MethodSignatures.Describe(replacement);
        if (before != after)
        {
            return SignatureChanged(before, after);
        }
        var text = MethodSplicer.Splice(pinText, pinMethod, replacement, source);
        if (!string.Equals(text, pinText, StringComparison.Ordinal))
        {
            edited[pin.FilePath] = text;
        }
        return null;
    }

    private static EditRejected SignatureChanged(string before, string? after) => new(
        CandidateFailureKind.SignatureChanged,
        (after is null
            ? $"The edit removes or renames the pinned method `{before}`."
            : $"The edit changes the pinned method's signature from `{before}` to `{after}`.")
        + " Keep its name, parameter types and modifiers, return type and accessibility exactly: callers and its identity depend on them.");

    private static EditApplyResult Check(
        IReadOnlyDictionary<string, string> sources,
        PinTarget pin,
        CompilationUnitSyntax pinRoot,
        MethodDeclarationSyntax pinMethod,
        Dictionary<string, string> edited,
        EditOptions options)
    {
        var files = edited.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new FileChange(e.Key, sources[e.Key], e.Value))
            .ToImmutableArray();

        var parsed = new List<(FileChange File, CompilationUnitSyntax Before, CompilationUnitSyntax After)>();
        var errors = new List<string>();
        foreach (var file in files)
        {
            var before = file.Path == pin.FilePath ? pinRoot : Parse(file.Before, file.Path, options);
            var after = Parse(file.After, file.Path, options);
            errors.AddRange(NewErrors(before, after));
            parsed.Add((file, before, after));
        }
        if (errors.Count > 0)
        {
            var listed = string.Join("\n", errors.Take(MaxDiagnostics)) + (errors.Count > MaxDiagnostics ? $"\n... and {errors.Count - MaxDiagnostics} more" : "");
            return new EditRejected(CandidateFailureKind.ParseError, $"The edited source does not parse:\n{listed}\nFix the syntax.");
        }

        var pinUnits = SyntaxUnits.Of(pinRoot, pin.FilePath);
        var pinUnit = pinUnits.First(u => u.Part == ChangedPart.Member && ReferenceEquals(u.Node, pinMethod));
        var pinTarget = pin.QualifiedName ?? pinUnit.Key;
        var pinType = pinUnit.EnclosingTypes[^1];
        var changes = new List<(SyntaxUnit Unit, string Path, string Before, string After)>();
        SyntaxUnit? pinAfter = null;
        foreach (var (file, before, after) in parsed)
        {
            var beforeUnits = file.Path == pin.FilePath ? pinUnits : SyntaxUnits.Of(before, file.Path);
            var afterUnits = SyntaxUnits.Of(after, file.Path);
            if (file.Path == pin.FilePath)
            {
                pinAfter = afterUnits.FirstOrDefault(u => u.Part == ChangedPart.Member && u.Key == pinUnit.Key);
            }
            changes.AddRange(Compare(beforeUnits, afterUnits, file.Path));
        }

        if (edited.ContainsKey(pin.FilePath))
        {
            var signature = MethodSignatures.Describe(pinMethod);
            if (pinAfter?.Node is not MethodDeclarationSyntax newPin)
            {
                return SignatureChanged(signature, null);
            }
            var newSignature = MethodSignatures.Describe(newPin);
            if (newSignature != signature)
            {
                return SignatureChanged(signature, newSignature);
            }
            if (MethodSignatures.ImproveAttributes(pinMethod) != MethodSignatures.ImproveAttributes(newPin))
            {
                return new EditRejected(CandidateFailureKind.PinAttributeChanged,
                    $"The edit changes or removes the [Improve] attribute of {pinTarget}; leave it exactly as it is (it is configuration, not code).");
            }
        }

        if (changes.Count > 0 && options.Scope != EditScope.Project)
        {
            var outside = new List<string>();
            outside.AddRange(files.Where(f => f.Path != pin.FilePath).Select(f => $"the file {f.Path}"));
            outside.AddRange(changes.Where(c => c.Path == pin.FilePath && !InScope(c.Unit, pinUnit.Key, pinType, options.Scope)).Select(c => c.Unit.Key));
            if (outside.Count > 0)
            {
                return OutOfScope(outside, pinTarget, options.Scope, pinType);
            }
            if (options.Scope == EditScope.PinOnly && pinAfter is not null
                && !SameOutside(sources[pin.FilePath], pinMethod, edited[pin.FilePath], (MethodDeclarationSyntax)pinAfter.Node))
            {
                return OutOfScope(["comments outside it"], pinTarget, options.Scope, pinType);
            }
        }

        var targets = changes.Select(c => (Change: c, Target: Target(c.Unit.Key, c.Path, pin.FilePath, pinUnit.Key, pinTarget))).ToList();
        var collisions = targets.GroupBy(t => t.Target, StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Change.Path).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var memberChanges = targets
            .Select(t => new MemberChange(
                collisions.Contains(t.Target) ? $"{t.Target} in {t.Change.Path}" : t.Target,
                t.Change.Path,
                t.Change.Unit.Part,
                t.Change.Before,
                t.Change.After))
            .OrderBy(c => c.Target, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AppliedEdit(pin, pinTarget, files, memberChanges);
    }

    private static IEnumerable<(SyntaxUnit Unit, string Path, string Before, string After)> Compare(
        IReadOnlyList<SyntaxUnit> before, IReadOnlyList<SyntaxUnit> after, string path)
    {
        var old = before.ToDictionary(u => u.Key, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in after)
        {
            seen.Add(unit.Key);
            var previous = old.TryGetValue(unit.Key, out var match) ? match.Normalized : string.Empty;
            if (!string.Equals(previous, unit.Normalized, StringComparison.Ordinal))
            {
                yield return (unit, path, previous, unit.Normalized);
            }
        }
        foreach (var unit in before.Where(u => !seen.Contains(u.Key) && u.Normalized.Length > 0))
        {
            yield return (unit, path, unit.Normalized, string.Empty);
        }
    }

    private static bool InScope(SyntaxUnit unit, string pinKey, string pinType, EditScope scope) => scope switch
    {
        EditScope.PinOnly => unit.Key == pinKey || unit.Key == pinKey + SyntaxUnits.AttributesSuffix,
        EditScope.ContainingType => unit.Key == pinType || unit.EnclosingTypes.Contains(pinType) || unit.Part == ChangedPart.Usings,
        _ => true,
    };

    /// <summary>True when the text before and after the pin's declaration differs at most in whitespace.</summary>
    private static bool SameOutside(string pinText, MethodDeclarationSyntax before, string newText, MethodDeclarationSyntax after) =>
        WithoutWhitespace(pinText.AsSpan(0, before.FullSpan.Start)) == WithoutWhitespace(newText.AsSpan(0, after.FullSpan.Start))
        && WithoutWhitespace(pinText.AsSpan(before.FullSpan.End)) == WithoutWhitespace(newText.AsSpan(after.FullSpan.End));

    private static string WithoutWhitespace(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static EditRejected OutOfScope(IReadOnlyList<string> outside, string pinTarget, EditScope scope, string pinType)
    {
        var listed = string.Join(", ", outside.Take(MaxListed)) + (outside.Count > MaxListed ? ", ..." : "");
        var allowed = scope == EditScope.PinOnly
            ? $"only the pinned method {pinTarget} may change; keep the whole edit inside it."
            : $"only the members of {pinType.Replace(SyntaxUnits.TypeSuffix, string.Empty, StringComparison.Ordinal)} and the using directives of its file may change.";
        return new EditRejected(CandidateFailureKind.OutOfScope, $"The edit changes {listed}; {allowed}");
    }

    private static string Target(string key, string path, string pinPath, string pinKey, string pinTarget)
    {
        if (path != pinPath)
        {
            return key;
        }
        if (key == pinKey)
        {
            return pinTarget;
        }
        return key == pinKey + SyntaxUnits.AttributesSuffix ? pinTarget + SyntaxUnits.AttributesSuffix : key;
    }

    private static IEnumerable<string> NewErrors(CompilationUnitSyntax before, CompilationUnitSyntax after)
    {
        var existing = before.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + d.GetMessage(CultureInfo.InvariantCulture))
            .GroupBy(k => k)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var diagnostic in after.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            var key = diagnostic.Id + message;
            if (existing.TryGetValue(key, out var count) && count > 0)
            {
                existing[key] = count - 1;
                continue;
            }
            var line = diagnostic.Location.GetLineSpan();
            yield return $"{line.Path}({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1}): error {diagnostic.Id}: {message}";
        }
    }

    private static CompilationUnitSyntax Parse(string text, string path, EditOptions options) =>
        (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, options.ParseOptions, path).GetRoot();
}
