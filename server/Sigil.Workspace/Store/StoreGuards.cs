using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>Argument and record checks done before a store operation opens its transaction.</summary>
internal static class StoreGuards
{
    /// <summary>Throws a <see cref="WorkspaceIntegrityException"/> for a problem found by <see cref="RecordRules"/>.</summary>
    public static void ThrowIfInvalid(string? problem)
    {
        if (problem is not null)
        {
            throw new WorkspaceIntegrityException(problem + " Nothing was written.");
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> when <paramref name="name"/> breaks the naming rule.</summary>
    public static void ThrowIfBadName(string name, string what, string parameterName)
    {
        if (RecordRules.CheckName(name, what) is { } problem)
        {
            throw new ArgumentException(char.ToUpperInvariant(problem[0]) + problem[1..], parameterName);
        }
    }
}
