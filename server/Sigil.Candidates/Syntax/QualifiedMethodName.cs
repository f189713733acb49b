namespace Sigil.Candidates.Syntax;

/// <summary>
/// A FunctionID qualname taken apart: <c>Outer.Inner.M(int,System.Collections.Generic.List&lt;int&gt;)</c> → containing
/// types, method name, and parameter type keys (<see cref="TypeKeys"/>). Parameters are <c>null</c> when the text has
/// no parameter list (then any overload matches).
/// </summary>
internal sealed record QualifiedMethodName(IReadOnlyList<string> Types, string Name, IReadOnlyList<string>? Parameters)
{
    /// <summary>Parses a qualname; <c>null</c> when it has no method name.</summary>
    public static QualifiedMethodName? TryParse(string text)
    {
        var trimmed = text.Trim();
        var open = trimmed.IndexOf('(');
        var head = open < 0 ? trimmed : trimmed[..open];
        var parts = head.Split('.', StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => p.Length == 0))
        {
            return null;
        }
        if (open < 0)
        {
            return new QualifiedMethodName(parts[..^1], parts[^1], null);
        }
        var close = trimmed.LastIndexOf(')');
        if (close < open)
        {
            return null;
        }
        var inner = trimmed[(open + 1)..close];
        var parameters = SplitTopLevel(inner).Select(TypeKeys.Of).ToList();
        return new QualifiedMethodName(parts[..^1], parts[^1], parameters);
    }

    private static List<string> SplitTopLevel(string text)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<' or '(' or '[':
                    depth++;
                    break;
                case '>' or ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    result.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }
        result.Add(text[start..]);
        return result;
    }
}
