namespace Sigil.Optimizers.Generators.Llm;

/// <summary>
/// A deliberately generous token count for text, used to reserve budget before a request is sent and when an endpoint
/// reports no usage: one token per 3 characters (BPE tokenizers average about 4 on code and English) plus a few per
/// message for the chat framing.
/// </summary>
public static class TokenEstimator
{
    /// <summary>Tokens of framing counted per message.</summary>
    public const int PerMessage = 8;

    /// <summary>The estimate for <paramref name="text"/>.</summary>
    public static long Estimate(string? text) => string.IsNullOrEmpty(text) ? 0 : (text.Length + 2) / 3;

    /// <summary>The estimate for a prompt's two messages.</summary>
    public static long Estimate(ChatPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Estimate(prompt.System) + Estimate(prompt.User) + 2 * PerMessage;
    }
}
