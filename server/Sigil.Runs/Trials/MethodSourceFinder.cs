using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Runs.Pins;

namespace Sigil.Runs.Trials;

/// <summary>Finds a pin's method declaration in a source text (the pin's name, arity and declaring type's name).</summary>
internal static class MethodSourceFinder
{
    public static string? Find(string fileText, PinInfo pin)
    {
        var typeName = pin.TypeMetadataName[(Math.Max(pin.TypeMetadataName.LastIndexOf('.'), pin.TypeMetadataName.LastIndexOf('+')) + 1)..];
        var tick = typeName.IndexOf('`');
        if (tick >= 0)
        {
            typeName = typeName[..tick];
        }
        var root = CSharpSyntaxTree.ParseText(fileText).GetRoot();
        var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(m =>
            m.Identifier.ValueText == pin.MethodName
            && m.ParameterList.Parameters.Count == pin.ParameterNames.Count
            && m.Parent is TypeDeclarationSyntax type && type.Identifier.ValueText == typeName);
        return method?.ToFullString().Trim('\r', '\n');
    }
}
