// Compiled into Sigil.Core and, as linked source, into Sigil.Generators (netstandard2.0). Keep it byte-stable:
// changing this text changes every abi-hash, so bump Version when you must.
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Sigil.Core.Identity
{
    /// <summary>
    /// The exact text hashed (BLAKE3) into a FunctionID's abi-hash: the normalized method syntax plus the runtime
    /// it is built for (C# language version, target framework, framework moniker) and the versions of every
    /// referenced assembly, sorted. See docs/decisions/0002-identities.md.
    /// </summary>
    public static class AbiPreimage
    {
        /// <summary>Version tag at the head of every preimage.</summary>
        public const string Version = "sigil-abi/v1";

        /// <summary>Builds the preimage text.</summary>
        /// <param name="normalizedMethod">From <see cref="AbiNormalizer.NormalizeMethod"/>.</param>
        /// <param name="languageVersion">C# language version, e.g. "14.0".</param>
        /// <param name="targetFramework">e.g. "net10.0".</param>
        /// <param name="frameworkMoniker">e.g. ".NETCoreApp,Version=v10.0".</param>
        /// <param name="references">Referenced assemblies as "Name/Version".</param>
        public static string Build(
            string normalizedMethod,
            string languageVersion,
            string targetFramework,
            string frameworkMoniker,
            IEnumerable<string> references)
        {
            var builder = new StringBuilder();
            builder.Append(Version).Append('\n');
            builder.Append("lang ").Append(languageVersion).Append('\n');
            builder.Append("tfm ").Append(targetFramework).Append('\n');
            builder.Append("framework ").Append(frameworkMoniker).Append('\n');
            foreach (var reference in references.Distinct().OrderBy(r => r, System.StringComparer.Ordinal))
            {
                builder.Append("ref ").Append(reference).Append('\n');
            }
            builder.Append("method ").Append(Encoding.UTF8.GetByteCount(normalizedMethod)).Append('\n').Append(normalizedMethod);
            return builder.ToString();
        }
    }
}
