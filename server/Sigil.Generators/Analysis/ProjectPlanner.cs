using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Sigil.Generators.Diagnostics;
using Sigil.Generators.Emit;
using Sigil.Generators.Identity;
using Sigil.Generators.Model;

namespace Sigil.Generators.Analysis
{
    /// <summary>
    /// The whole-project step: validates specs (SIGIL006) and the specs pins name (SIGIL003), keeps the uses of
    /// valid pins that escape routing (SIGIL004), computes FunctionIDs and decides what is emitted.
    /// </summary>
    internal sealed class ProjectPlanner
    {
        private ProjectPlanner(IReadOnlyList<EmitPin> pins, IReadOnlyList<SpecModel> specs, IReadOnlyList<Diagnostic> diagnostics)
        {
            Pins = pins;
            Specs = specs;
            Diagnostics = diagnostics;
        }

        /// <summary>The valid pins, numbered in a stable order.</summary>
        public IReadOnlyList<EmitPin> Pins { get; }

        /// <summary>The valid, distinct specs.</summary>
        public IReadOnlyList<SpecModel> Specs { get; }

        /// <summary>Every diagnostic to report.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>Whether there is anything to generate (at least one spec or valid pin).</summary>
        public bool HasOutput => Pins.Count > 0 || Specs.Count > 0;

        public static ProjectPlanner Plan(
            ImmutableArray<PinModel> pinModels,
            ImmutableArray<EquatableArray<SpecModel>> specFiles,
            BuildProperties build,
            CompilationInfo compilation,
            ImmutableArray<TreeCalls> trees)
        {
            var diagnostics = new List<Diagnostic>();

            var declared = new Dictionary<string, SpecModel>(StringComparer.Ordinal);
            var invalidNames = new HashSet<string>(StringComparer.Ordinal);
            var specs = new List<SpecModel>();
            foreach (var spec in specFiles.SelectMany(f => f).OrderBy(s => s.Location?.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(s => s.Location?.SourceSpan.Start))
            {
                if (SpecReader.NameProblem(spec.Name) is { } problem)
                {
                    invalidNames.Add(spec.Name);
                    diagnostics.Add(Diagnostic.Create(SigilDiagnostics.InvalidSpec, spec.Location, spec.Name, problem));
                }
                else if (declared.ContainsKey(spec.Name))
                {
                    diagnostics.Add(Diagnostic.Create(SigilDiagnostics.InvalidSpec, spec.Location, spec.Name,
                        "a spec named '" + spec.Name + "' is already declared in this project; remove this declaration or rename it"));
                }
                else
                {
                    declared.Add(spec.Name, spec);
                    specs.Add(spec);
                }
            }
            var declaredList = specs.Count == 0 ? "none is declared" : "declared: " + string.Join(", ", specs.Select(s => s.Name));

            var valid = new List<PinModel>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pin in pinModels.OrderBy(p => p.FilePath, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!seen.Add(pin.Key))
                {
                    continue;
                }
                diagnostics.AddRange(pin.Diagnostics.Select(d => d.ToDiagnostic()));
                var specDeclared = declared.ContainsKey(pin.Spec);
                if (!specDeclared && !invalidNames.Contains(pin.Spec) && pin.SpecLocation is not null)
                {
                    diagnostics.Add(Diagnostic.Create(SigilDiagnostics.SpecNotDeclared, pin.SpecLocation, pin.DisplayName, pin.Spec, declaredList));
                }
                if (specDeclared && pin.IsRoutable)
                {
                    valid.Add(pin);
                }
            }

            var validKeys = new HashSet<string>(valid.Select(p => p.Key), StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                foreach (var use in tree.Uses)
                {
                    if (validKeys.Contains(use.PinKey))
                    {
                        diagnostics.Add(Diagnostic.Create(SigilDiagnostics.PinNotCalledDirectly, use.Location, use.PinDisplayName));
                    }
                }
            }

            var callsByPin = trees.SelectMany(t => t.Calls)
                .Where(c => validKeys.Contains(c.PinKey))
                .GroupBy(c => c.PinKey, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<CallSiteModel>)g.OrderBy(c => c.FilePath, StringComparer.Ordinal).ThenBy(c => c.Position).ToList(), StringComparer.Ordinal);
            var pins = new List<EmitPin>();
            foreach (var pin in valid)
            {
                var functionId = FunctionIdBuilder.Build(pin.Identity!, build, compilation);
                callsByPin.TryGetValue(pin.Key, out var calls);
                pins.Add(new EmitPin(pins.Count, pin, pin.Signature!, pin.Eval!, functionId,
                    RelativePath(pin.FilePath, build.ProjectDirectory), calls ?? Array.Empty<CallSiteModel>()));
            }
            return new ProjectPlanner(pins, specs, diagnostics);
        }

        /// <summary>The path relative to the project directory with '/' separators (unchanged when outside it).</summary>
        public static string RelativePath(string path, string projectDirectory)
        {
            var file = path.Replace('\\', '/');
            var directory = projectDirectory.Replace('\\', '/').TrimEnd('/');
            if (directory.Length == 0)
            {
                return file;
            }
            var comparison = directory.Length >= 2 && directory[1] == ':' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return file.StartsWith(directory + "/", comparison) ? file.Substring(directory.Length + 1) : file;
        }
    }
}
