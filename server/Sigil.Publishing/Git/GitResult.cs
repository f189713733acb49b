using System.Text;

namespace Sigil.Publishing.Git;

/// <summary>What one git process produced: its exit code, standard output as bytes, and standard error.</summary>
internal sealed record GitResult(int ExitCode, byte[] Output, string Error)
{
    /// <summary>Standard output as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Output);

    /// <summary>Standard output without the trailing line break.</summary>
    public string Line => Text.TrimEnd('\n', '\r');
}
