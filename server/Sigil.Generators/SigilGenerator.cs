using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Sigil.Generators.Analysis;
using Sigil.Generators.Emit;
using Sigil.Generators.Identity;
using Sigil.Generators.Model;

namespace Sigil.Generators
{
    /// <summary>
    /// Routes every call of an [Improve] pin through Sigil.Runtime with C# interceptors and reports SIGIL001-SIGIL007.
    /// Pins and specs come from ForAttributeWithMetadataName; call sites from a syntax-only scan for the pins' method
    /// names (cached per file), and only those hits get semantic work.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SigilGenerator : IIncrementalGenerator
    {
        /// <summary>Names of the pipeline steps, for tests of incremental caching.</summary>
        internal static class TrackingNames
        {
            public const string Pins = "SigilPins";
            public const string CallHits = "SigilCallHits";
            public const string Calls = "SigilCalls";
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var pins = context.SyntaxProvider.ForAttributeWithMetadataName(
                PinReader.ImproveAttributeName,
                static (_, _) => true,
                static (ctx, ct) => PinReader.Read(ctx, ct))
                .WithTrackingName(TrackingNames.Pins);
            var specs = context.SyntaxProvider.ForAttributeWithMetadataName(
                SpecReader.SpecAttributeName,
                static (node, _) => node is CompilationUnitSyntax,
                static (ctx, ct) => SpecReader.Read(ctx, ct));
            var build = context.AnalyzerConfigOptionsProvider.Select(static (options, _) => ReadBuildProperties(options.GlobalOptions));
            var compilationInfo = context.CompilationProvider.Select(static (compilation, _) => new CompilationInfo(
                FunctionIdBuilder.Package(compilation.AssemblyName),
                compilation.ReferencedAssemblyNames.Select(a => a.Name + "/" + a.Version).ToEquatableArray()));

            var allPins = pins.Collect();
            var pinNames = allPins.Select(static (all, _) =>
                all.Select(p => p.MethodName).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
            var pinKeys = allPins.Select(static (all, _) =>
                all.Select(p => new PinKey(p.MethodName, p.Key, p.Eval?.Key)).ToEquatableArray());
            var hits = context.CompilationProvider
                .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
                .Combine(pinNames)
                .Select(static (pair, ct) => CallSiteScanner.Scan(pair.Left, pair.Right, ct))
                .WithTrackingName(TrackingNames.CallHits);
            var calls = hits
                .Combine(pinKeys)
                .Combine(context.CompilationProvider)
                .Select(static (input, ct) => CallSiteResolver.Resolve(input.Left.Left, input.Left.Right, input.Right, ct))
                .WithTrackingName(TrackingNames.Calls);

            var everything = allPins
                .Combine(specs.Collect())
                .Combine(build)
                .Combine(compilationInfo)
                .Combine(calls.Collect());
            context.RegisterSourceOutput(everything, static (spc, input) =>
            {
                var ((((pinModels, specFiles), buildProperties), info), trees) = input;
                var plan = ProjectPlanner.Plan(pinModels, specFiles, buildProperties, info, trees);
                foreach (var diagnostic in plan.Diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic);
                }
                if (plan.HasOutput)
                {
                    spc.AddSource(InterceptorEmitter.HintName, InterceptorEmitter.Emit(plan.Pins, plan.Specs, buildProperties.ProjectDirectory));
                }
            });
        }

        internal static BuildProperties ReadBuildProperties(AnalyzerConfigOptions options)
        {
            var directory = Value(options, "SigilProjectDirectory") ?? Value(options, "MSBuildProjectDirectory") ?? string.Empty;
            return new BuildProperties(
                FunctionIdBuilder.ValidCommit(Value(options, "SigilGitCommit")),
                Value(options, "TargetFramework") ?? "unknown",
                Value(options, "TargetFrameworkMoniker") ?? "unknown",
                directory);
        }

        private static string? Value(AnalyzerConfigOptions options, string property) =>
            options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
