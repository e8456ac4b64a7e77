using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Brings the database to the latest schema: creates <c>schema_version</c>, then applies each
/// migration above the recorded version in its own transaction. Safe to run twice, and safe when two
/// migrators race (the version is re-read under the write lock).
/// </summary>
public sealed class SqliteMigrator(SqliteConnectionFactory factory) : IStoreMigrator
{
    public static int LatestVersion => SqliteMigrations.All[^1].Version;

    public Task MigrateAsync(CancellationToken ct) => factory.MigrateAsync(ct);

    /// <summary>The schema version the database is at (0 when empty).</summary>
    public async Task<int> GetVersionAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenUnmigratedAsync(ct);
        await EnsureVersionTableAsync(connection, ct);
        return await ReadVersionAsync(connection, null, ct);
    }

    internal static async Task ApplyAsync(SqliteConnection connection, CancellationToken ct)
    {
        // WAL lets readers go on while a run writes; the mode is stored in the file, so setting it once suffices.
        await using (var wal = connection.Command("PRAGMA journal_mode = WAL;"))
            await wal.ExecuteNonQueryAsync(ct);
        await EnsureVersionTableAsync(connection, ct);

        foreach (var migration in SqliteMigrations.All)
        {
            if (await ReadVersionAsync(connection, null, ct) >= migration.Version) continue;

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            if (await ReadVersionAsync(connection, transaction, ct) >= migration.Version) continue;
            await using (var step = connection.Command(migration.Sql, transaction))
                await step.ExecuteNonQueryAsync(ct);
            await using (var record = connection.Command(
                "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $at);", transaction))
            {
                // Wall clock on purpose: when the file changed, not the run's (possibly simulated) clock.
                await record.With("$v", migration.Version).With("$d", migration.Description)
                    .With("$at", SqliteValues.ToDb(DateTimeOffset.UtcNow)).ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
    }

    private static async Task EnsureVersionTableAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var create = connection.Command(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);");
        await create.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken ct)
    {
        await using var read = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version;", transaction);
        return Convert.ToInt32(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
