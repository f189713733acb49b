using System.Text;

namespace Sigil.Workspace.Model;

/// <summary>
/// Makes a trial's raw answer storable (see <see cref="TrialRecord.Answer"/>): NUL characters and unpaired surrogates,
/// which the store cannot hold, become U+FFFD, and the text is cut to <see cref="WorkspaceLimits.MaxAnswerBytes"/>
/// UTF-8 bytes. A generator's output must never make a trial impossible to log.
/// </summary>
internal static class AnswerCap
{
    /// <summary>The answer as stored (cleaned, cut when over the cap, never inside a character) and the full cleaned answer's UTF-8 size.</summary>
    public static (string? Answer, long Bytes) Apply(string? answer)
    {
        if (answer is null)
        {
            return (null, 0);
        }
        answer = Clean(answer);
        long total = Encoding.UTF8.GetByteCount(answer);
        if (total <= WorkspaceLimits.MaxAnswerBytes)
        {
            return (answer, total);
        }
        var bytes = 0;
        var end = 0;
        while (end < answer.Length)
        {
            var pair = char.IsHighSurrogate(answer[end]) && end + 1 < answer.Length && char.IsLowSurrogate(answer[end + 1]);
            var size = pair ? 4 : answer[end] switch { < '\u0080' => 1, < '\u0800' => 2, _ => 3 };
            if (bytes + size > WorkspaceLimits.MaxAnswerBytes)
            {
                break;
            }
            bytes += size;
            end += pair ? 2 : 1;
        }
        return (answer[..end], total);
    }

    private static string Clean(string text)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            var bad = c == '\0' || char.IsSurrogate(c);
            if (bad && cleaned is null)
            {
                cleaned = new StringBuilder(text.Length).Append(text, 0, i);
            }
            cleaned?.Append(bad ? '\uFFFD' : c);
        }
        return cleaned?.ToString() ?? text;
    }
}
