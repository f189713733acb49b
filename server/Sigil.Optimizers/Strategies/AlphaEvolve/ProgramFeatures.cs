using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Parsing;

namespace Sigil.Optimizers.Strategies.AlphaEvolve;

/// <summary>
/// AlphaEvolve's feature descriptors, from the method's syntax alone (no evaluation needed):
/// <list type="bullet">
/// <item><b>length</b>: log₂ of the method's token count over the baseline's, in 5 buckets: &lt; −0.6 (much shorter,
/// under ~66%), &lt; −0.15 (shorter), within ±0.15 (about the same), ≤ 0.6 (longer), above (much longer). It separates
/// compact rewrites from unrolled or specialized ones.</item>
/// <item><b>loops</b>: the number of <c>for</c>, <c>foreach</c>, <c>while</c> and <c>do</c> statements, 0 to 3 (3 or
/// more). It separates LINQ pipelines, single-pass loops and multi-pass or nested algorithms.</item>
/// </list>
/// Fitness is not a descriptor: each cell keeps its fittest feasible program (the elite).
/// </summary>
public static class ProgramFeatures
{
    /// <summary>The cell of <paramref name="methodSource"/> for a baseline of <paramref name="baselineTokens"/> tokens.</summary>
    public static FeatureCell Describe(string methodSource, int baselineTokens)
    {
        ArgumentNullException.ThrowIfNull(methodSource);
        var member = SyntaxFactory.ParseMemberDeclaration(methodSource, 0, EditParser.DefaultParseOptions);
        var tokens = Tokens(member, methodSource);
        var ratio = Math.Log2(Math.Max(tokens, 1) / (double)Math.Max(baselineTokens, 1));
        var length = ratio switch
        {
            < -0.6 => 0,
            < -0.15 => 1,
            <= 0.15 => 2,
            <= 0.6 => 3,
            _ => 4,
        };
        var loops = member?.DescendantNodes().Count(n => n is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax) ?? 0;
        return new FeatureCell(length, Math.Min(loops, FeatureCell.LoopBuckets - 1));
    }

    /// <summary>The token count of <paramref name="methodSource"/> (attributes and comments excluded where it parses).</summary>
    public static int Tokens(string methodSource)
    {
        ArgumentNullException.ThrowIfNull(methodSource);
        return Tokens(SyntaxFactory.ParseMemberDeclaration(methodSource, 0, EditParser.DefaultParseOptions), methodSource);
    }

    private static int Tokens(MemberDeclarationSyntax? member, string text)
    {
        if (member is not MethodDeclarationSyntax method)
        {
            return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        }
        var skip = method.AttributeLists.SelectMany(a => a.DescendantTokens()).Count();
        return method.DescendantTokens().Count(t => !t.IsKind(SyntaxKind.EndOfFileToken)) - skip;
    }
}
