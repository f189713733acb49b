using System.Text;
using Sigil.Candidates;
using Sigil.Optimizers.Generators;

namespace Sigil.Runs.Trials;

/// <summary>Stable kebab-case names of failure kinds, as stored in the run log and shown to users.</summary>
internal static class FailureNames
{
    public static string Of(CandidateFailureKind kind) => Kebab(kind.ToString());

    public static string Of(GenerationFailureKind kind) => kind switch
    {
        GenerationFailureKind.Http429 => "http-429",
        GenerationFailureKind.Http5xx => "http-5xx",
        _ => Kebab(kind.ToString()),
    };

    private static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
