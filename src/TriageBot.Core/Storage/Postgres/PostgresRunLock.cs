using Npgsql;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// A session-level advisory lock on the shared database, held on a connection of its own for the whole run: the first
/// node to ask runs, the others skip. A node that dies loses its session, and with it the lock, so no lock outlives a
/// crash.
/// </summary>
public sealed class PostgresRunLock(PostgresConnectionFactory factory) : IRunLock
{
    // "TBrun" in ASCII: distinct from the migration lock, recognisable in pg_locks.
    private const long LockKey = 0x544272756e;

    public async Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken ct)
    {
        var connection = await factory.OpenAsync(ct);
        try
        {
            await using var take = connection.Command("SELECT pg_try_advisory_lock(@key);").With("key", LockKey);
            if (await take.ExecuteScalarAsync(ct) is true) return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            try
            {
                await using var release = connection.Command("SELECT pg_advisory_unlock(@key);").With("key", LockKey);
                await release.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The session is gone (the database restarted, the connection broke), and the lock went with it.
            }
            finally
            {
                // Back to the pool: Npgsql resets the session (DISCARD ALL), which would drop the lock in any case.
                await connection.DisposeAsync();
            }
        }
    }
}
