using System.Globalization;
using Sigil.Core.Hashing;

namespace Sigil.Optimizers.Generators.Llm;

/// <summary>The two messages sent for one proposal, with their digest.</summary>
/// <param name="PromptId">The master prompt's <c>name@version</c>.</param>
/// <param name="Variant">The prompt variant used.</param>
/// <param name="System">The system message.</param>
/// <param name="User">The user message.</param>
public sealed record ChatPrompt(string PromptId, string Variant, string System, string User)
{
    /// <summary>
    /// BLAKE3 (64 lowercase hex) over the messages as <c>system:&lt;chars&gt;:&lt;text&gt;\nuser:&lt;chars&gt;:&lt;text&gt;\n</c>
    /// (length-prefixed, so no text can be confused with another split of the same characters).
    /// </summary>
    public string Digest => Blake3Digest.Hex(string.Create(CultureInfo.InvariantCulture,
        $"system:{System.Length}:{System}\nuser:{User.Length}:{User}\n"));
}
