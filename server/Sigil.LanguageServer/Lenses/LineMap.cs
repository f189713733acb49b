using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using LspRange = Sigil.Protocol.Lsp.Range;
using LspPosition = Sigil.Protocol.Lsp.Position;

namespace Sigil.LanguageServer.Lenses;

/// <summary>Roslyn spans to LSP ranges (zero-based lines, UTF-16 characters: what both use).</summary>
internal static class LineMap
{
    /// <summary>The LSP range of <paramref name="span"/> in <paramref name="tree"/>.</summary>
    public static LspRange Range(SyntaxTree tree, TextSpan span)
    {
        var lines = tree.GetLineSpan(span);
        return new LspRange
        {
            Start = new LspPosition { Line = lines.StartLinePosition.Line, Character = lines.StartLinePosition.Character },
            End = new LspPosition { Line = lines.EndLinePosition.Line, Character = lines.EndLinePosition.Character },
        };
    }

    /// <summary>The whole first line of <paramref name="span"/> (where a lens shows).</summary>
    public static LspRange FirstLine(SyntaxTree tree, TextSpan span)
    {
        var start = tree.GetLineSpan(span).StartLinePosition;
        var end = tree.GetText().Lines[start.Line].End - tree.GetText().Lines[start.Line].Start;
        return new LspRange
        {
            Start = new LspPosition { Line = start.Line, Character = start.Character },
            End = new LspPosition { Line = start.Line, Character = end },
        };
    }
}
