using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Opens connections to the SQLite file. Every connection waits for a busy database instead of failing
/// (one process, several stages writing at once), and the schema is migrated once before the first use.
/// An in-memory database (<c>Data Source=:memory:</c> or <c>Mode=Memory</c>) lives as long as the factory:
/// it is shared between its connections and kept alive by one connection the factory holds.
/// </summary>
public sealed class SqliteConnectionFactory : IAsyncDisposable, IDisposable
{
    /// <summary>How long a statement waits for another writer before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _migrated;
    private SqliteConnection? _keepAlive;
    private SqliteConnection? _writer; // guarded by _writeGate

    public SqliteConnectionFactory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout; keep both in step.
        if (builder.DefaultTimeout < BusyTimeout.TotalSeconds) builder.DefaultTimeout = (int)BusyTimeout.TotalSeconds;
        if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            // A plain :memory: database is private to one connection; a named shared one is what the stores need.
            if (builder.DataSource is "" or ":memory:") builder.DataSource = $"triagebot-{Guid.NewGuid():N}";
            builder.Mode = SqliteOpenMode.Memory;
            builder.Cache = SqliteCacheMode.Shared;
            IsInMemory = true;
        }
        ConnectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string ConnectionString { get; }
    public string DataSource { get; }
    public bool IsInMemory { get; }

    /// <summary>An open connection to a migrated database. The caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        if (!_migrated) await MigrateAsync(ct);
        return await OpenUnmigratedAsync(ct);
    }

    /// <summary>Applies pending migrations (a no-op when there are none).</summary>
    internal async Task MigrateAsync(CancellationToken ct)
    {
        await _migrateGate.WaitAsync(ct);
        try
        {
            await using var connection = await OpenUnmigratedAsync(ct);
            await SqliteMigrator.ApplyAsync(connection, ct);
            _migrated = true;
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    internal async Task<SqliteConnection> OpenUnmigratedAsync(CancellationToken ct)
    {
        if (IsInMemory && _keepAlive is null)
        {
            var keepAlive = new SqliteConnection(ConnectionString);
            await keepAlive.OpenAsync(ct);
            if (Interlocked.CompareExchange(ref _keepAlive, keepAlive, null) is not null) await keepAlive.DisposeAsync();
        }
        else if (!IsInMemory) EnsureFolderExists();
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var pragma = connection.CreateCommand();
            // cache_size: the item indexes (id, content hash, update time) take random inserts; with SQLite's
            // default 2 MiB cache every insert re-read index pages (100k items: ~1 s of pread, 2x the run).
            // wal_autocheckpoint: fewer, larger checkpoints copy a hot page once instead of once per 4 MiB of WAL.
            pragma.CommandText =
                $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; " +
                "PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 8192;";
            await pragma.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the factory's one writer connection while no other write through this factory
    /// runs. SQLite allows one writer at a time: writers that collide inside SQLite poll its lock with sleeps of up to
    /// 100 ms (busy_timeout), and every commit from another connection throws away a connection's page cache, so
    /// concurrent readers (Slack, GitHub, X at once) queue here and share one connection whose cache stays warm.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            _writer ??= await OpenAsync(ct);
            try
            {
                return await write(_writer);
            }
            catch
            {
                // Whatever state a failed write left the connection in, the next write starts from a fresh one.
                await _writer.DisposeAsync();
                _writer = null;
                throw;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _writer, null)?.Dispose();
        Interlocked.Exchange(ref _keepAlive, null)?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _writer, null) is { } writer) await writer.DisposeAsync();
        if (Interlocked.Exchange(ref _keepAlive, null) is { } keepAlive) await keepAlive.DisposeAsync();
    }

    private void EnsureFolderExists()
    {
        if (DataSource.Length == 0 || DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
