using Sigil.Core.Identity;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Runs.Inspection;

/// <summary>Finds a stored candidate from what a user types: its full id (<c>diff://b3:…</c>) or a unique prefix of its digest.</summary>
public static class CandidateLookup
{
    /// <summary>The shortest prefix users may type.</summary>
    public const int MinPrefixLength = 6;

    /// <summary>The candidate <paramref name="text"/> names.</summary>
    /// <exception cref="RunException">The text names no candidate, or several, or is malformed.</exception>
    public static CandidateRecord Resolve(IWorkspaceStore store, string text)
    {
        ArgumentNullException.ThrowIfNull(store);
        text = (text ?? string.Empty).Trim();
        if (text.StartsWith("diff://", StringComparison.Ordinal))
        {
            if (!CandidateId.TryParse(text, out var id) || id is null)
            {
                throw new RunException($"'{text}' is not a candidate id; expected diff://b3:<64 hex digits> or a prefix of the digest.");
            }
            return store.GetCandidate(id) ?? throw new RunException($"No candidate {text} in {store.Location}.");
        }
        var prefix = text.StartsWith("b3:", StringComparison.Ordinal) ? text[3..] : text;
        if (prefix.Length < MinPrefixLength || !prefix.All(Uri.IsHexDigit))
        {
            throw new RunException($"'{text}' is not a candidate id; give diff://b3:<digest> or at least {MinPrefixLength} hex digits of it (as 'sigil inspect-solutions' prints).");
        }
        prefix = prefix.ToLowerInvariant();
        var matches = store.ListWorkspaces()
            .Select(w => w.Spec).Distinct(StringComparer.Ordinal)
            .SelectMany(spec => store.ListCandidates(spec))
            .Select(c => c.Id)
            .Distinct()
            .Where(id => id.Digest.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        return matches.Count switch
        {
            0 => throw new RunException($"No candidate's digest starts with {prefix} in {store.Location}."),
            1 => store.GetCandidate(matches[0])!,
            _ => throw new RunException($"{matches.Count} candidates start with {prefix} ({string.Join(", ", matches.Take(3).Select(m => m.Digest[..12]))}…); type more digits."),
        };
    }
}
