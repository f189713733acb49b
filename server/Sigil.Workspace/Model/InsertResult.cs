namespace Sigil.Workspace.Model;

/// <summary>The outcome of an insert-only write.</summary>
/// <typeparam name="T">The record type written.</typeparam>
/// <param name="Record">
/// The record as the store now holds it: the one just written, or, when <paramref name="AlreadyExisted"/>, the one
/// written first (whose metadata wins over the one offered).
/// </param>
/// <param name="AlreadyExisted">
/// True when the store already held a record with the same key, so nothing was written. For a candidate the key is
/// its id within its spec and workspace; for an evaluation its id; for an artifact the candidate and name.
/// </param>
public sealed record InsertResult<T>(T Record, bool AlreadyExisted)
{
    /// <summary>True when the record was written by this call.</summary>
    public bool Added => !AlreadyExisted;
}
