using System.Text;
using Sigil.Core.Hashing;
using Sigil.Optimizers.Strategies;

namespace Sigil.Runs.Trials;

/// <summary>
/// A digest of what a strategy asked for (parent, arm, ready answer, inspirations, cascade, label): stored with each
/// trial, compared on resume so that a replay that diverges is refused rather than silently mixing two runs.
/// </summary>
internal static class RequestDigest
{
    public static string Of(TrialRequest request)
    {
        var text = new StringBuilder();
        text.Append("parent=").Append(request.Parent?.Id ?? SearchProgram.BaselineId).Append('\n');
        text.Append("arm=").Append(request.Arm?.Key ?? "-").Append('\n');
        text.Append("answer=").Append(request.Answer is null ? "-" : Blake3Digest.Hex(request.Answer)).Append('\n');
        text.Append("inspirations=").Append(string.Join(",", request.Inspirations.Select(p => p.Id))).Append('\n');
        text.Append("cascade=").Append(request.Cascade ? '1' : '0').Append('\n');
        text.Append("label=").Append(request.Label ?? "-").Append('\n');
        return Blake3Digest.Hex(text.ToString())[..32];
    }
}
