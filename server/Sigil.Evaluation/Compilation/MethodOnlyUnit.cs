using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Evaluation.Compilation;

/// <summary>
/// The one source file of a method-only candidate assembly: the pin's file with everything but its namespaces and using
/// directives dropped, and in the pin's namespace a static class holding only the new pin method, with a
/// <c>using static</c> for each type that encloses the pin (so its static members and nested types resolve by simple
/// name as they did), and <c>[assembly: IgnoresAccessChecksTo(app)]</c> so that the runtime lets it call the app's
/// private members as the compiler was told to allow.
/// </summary>
internal static class MethodOnlyUnit
{
    /// <summary>The class that holds the candidate's pin method (in the pin's namespace).</summary>
    public const string HolderName = "SigilCandidateMethod";

    private const string AccessAttribute = """
        [assembly: System.Runtime.CompilerServices.IgnoresAccessChecksTo("{0}")]
        namespace System.Runtime.CompilerServices
        {{
            [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
            internal sealed class IgnoresAccessChecksToAttribute : System.Attribute
            {{
                public IgnoresAccessChecksToAttribute(string assemblyName) => AssemblyName = assemblyName;
                public string AssemblyName {{ get; }}
            }}
        }}
        """;

    /// <summary>The unit's text for <paramref name="method"/> in its file's <paramref name="root"/> (the app is <paramref name="appAssemblyName"/>), and the holder's metadata name.</summary>
    public static (string Text, string HolderMetadataName) Build(CompilationUnitSyntax root, MethodDeclarationSyntax method, string appAssemblyName)
    {
        var enclosing = method.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().ToList();
        var namespaces = method.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().ToList();
        var namespaceName = string.Join(".", namespaces.Select(n => n.Name.ToString()));
        var typePath = new List<string>();
        var staticUsings = new List<string>();
        foreach (var type in enclosing)
        {
            typePath.Add(type.Identifier.ValueText);
            staticUsings.Add("using static global::" + (namespaceName.Length > 0 ? namespaceName + "." : "") + string.Join(".", typePath) + ";");
        }

        var body = method.WithAttributeLists(default(SyntaxList<AttributeListSyntax>)).WithoutLeadingTrivia().WithoutTrailingTrivia();
        var holder = $"internal static class {HolderName}\n{{\n{body.ToFullString()}\n}}\n";
        var writer = new System.Text.StringBuilder();
        foreach (var directive in root.Externs) writer.AppendLine(directive.ToString());
        foreach (var directive in root.Usings) writer.AppendLine(directive.ToString());
        writer.AppendLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, AccessAttribute, appAssemblyName));
        if (namespaces.Count == 0)
        {
            foreach (var line in staticUsings) writer.AppendLine(line);
            writer.Append(holder);
            return (writer.ToString(), HolderName);
        }

        // Nested namespace blocks as written, each with its own using directives, the holder in the innermost.
        foreach (var ns in namespaces)
        {
            writer.Append("namespace ").Append(ns.Name.ToString()).AppendLine(" {");
            foreach (var directive in ns.Externs) writer.AppendLine(directive.ToString());
            foreach (var directive in ns.Usings) writer.AppendLine(directive.ToString());
        }
        foreach (var line in staticUsings) writer.AppendLine(line);
        writer.Append(holder);
        writer.Append(new string('}', namespaces.Count)).AppendLine();
        return (writer.ToString(), namespaceName + "." + HolderName);
    }
}
