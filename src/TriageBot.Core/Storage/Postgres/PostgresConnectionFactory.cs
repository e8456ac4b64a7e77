using Npgsql;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// Opens pooled connections to the PostgreSQL database (one <see cref="NpgsqlDataSource"/> per process), and migrates
/// the schema once before the first use. Unlike SQLite, PostgreSQL takes concurrent writers itself, so there is no write
/// gate: several stages and several nodes write at once.
/// </summary>
public sealed class PostgresConnectionFactory : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    public PostgresConnectionFactory(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Names the connections in pg_stat_activity, so a DBA can tell TriageBot's sessions from others.
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "triagebot";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>An open connection to a migrated database. The caller disposes it.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        if (!_migrated) await MigrateAsync(ct);
        return await _dataSource.OpenConnectionAsync(ct);
    }

    /// <summary>Applies pending migrations (a no-op when there are none).</summary>
    internal async Task MigrateAsync(CancellationToken ct)
    {
        await _migrateGate.WaitAsync(ct);
        try
        {
            if (_migrated) return;
            await using var connection = await _dataSource.OpenConnectionAsync(ct);
            await PostgresMigrator.ApplyAsync(connection, ct);
            _migrated = true;
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    internal ValueTask<NpgsqlConnection> OpenUnmigratedAsync(CancellationToken ct) => _dataSource.OpenConnectionAsync(ct);

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
