using LiteDB;
using Sigil.Workspace.Errors;

namespace Sigil.Workspace.Store;

/// <summary>
/// How every store operation touches the file: under the instance lock, in one LiteDB transaction (one lock of the
/// shared file) that is committed when the operation succeeds and rolled back when it fails, with storage errors
/// translated into <see cref="WorkspaceDatabaseException"/>s whose message says what to do. Owns the database: it is
/// closed by <see cref="Dispose"/>.
/// </summary>
/// <param name="database">The open database.</param>
/// <param name="databasePath">The full path of the database file, for messages.</param>
/// <param name="owner">The store reported as disposed by <see cref="ObjectDisposedException"/>.</param>
internal sealed class StoreTransactions(LiteDatabase database, string databasePath, object owner) : IDisposable
{
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Runs <paramref name="body"/> under the instance lock in one LiteDB transaction; translates storage errors.</summary>
    public T Run<T>(Func<T> body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, owner);
            var inTransaction = false;
            try
            {
                inTransaction = database.BeginTrans();
                if (!inTransaction)
                {
                    throw new WorkspaceDatabaseException(databasePath,
                        $"Could not start a transaction on workspace database '{databasePath}': one is already open on this thread. " +
                        "Do not call the workspace store from inside another store operation.");
                }
                var result = body();
                database.Commit();
                return result;
            }
            catch (Exception e)
            {
                if (inTransaction)
                {
                    try
                    {
                        database.Rollback();
                    }
                    catch (Exception)
                    {
                        // The operation already failed; report that failure, not the rollback's.
                    }
                }
                if (e is WorkspaceException or OperationCanceledException)
                {
                    throw;
                }
                throw Translate(databasePath, e);
            }
        }
    }

    /// <summary>Closes the database. Idempotent.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            database.Dispose();
        }
    }

    /// <summary>A storage error (LiteDB, I/O, a malformed document) as a <see cref="WorkspaceDatabaseException"/> that says what to do.</summary>
    public static WorkspaceDatabaseException Translate(string path, Exception error) => error switch
    {
        LiteException { ErrorCode: LiteException.LOCK_TIMEOUT } => new(path,
            $"Timed out waiting for the lock on workspace database '{path}': another Sigil process (CLI, language server, a run) is holding it. " +
            "Wait for it to finish, or close it, and retry.", error),
        UnauthorizedAccessException => new(path,
            $"Access to workspace database '{path}' was denied ({error.Message}). Check the permissions of the file and of its directory.", error),
        IOException => new(path,
            $"Workspace database '{path}' could not be read or written ({error.Message}). If another program has it open exclusively, close that " +
            "program; also check free disk space and permissions, then retry.", error),
        LiteException or ArgumentException or IndexOutOfRangeException or InvalidCastException or FormatException => new(path,
            $"Workspace database '{path}' is unreadable or corrupt ({error.GetType().Name}: {error.Message}). Move it aside (for example rename " +
            "it to workspace.db.broken), then restore it from a backup or re-import an exported workspace archive into a new one.", error),
        _ => new(path,
            $"Workspace database '{path}' could not be read or written ({error.GetType().Name}: {error.Message}). Retry; if it happens again the " +
            "file may be corrupt: move it aside (for example rename it to workspace.db.broken), then restore it from a backup or re-import an " +
            "exported workspace archive into a new one.", error),
    };
}
