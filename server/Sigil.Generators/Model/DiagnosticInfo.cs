using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sigil.Generators.Model
{
    /// <summary>A diagnostic to report, kept as data so pipeline models stay equatable.</summary>
    /// <remarks>
    /// The location is a real source location (a tree and a span) so editors underline it; it only roots trees
    /// the pipeline still caches, and two runs over the same tree compare equal.
    /// </remarks>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, Location? Location, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
            new DiagnosticInfo(descriptor, location, new EquatableArray<string>(arguments));

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(Descriptor, Location, Arguments.Cast<object>().ToArray());
    }
}
