using Npgsql;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// Brings the database to the latest schema: creates <c>schema_version</c>, then applies each migration above the
/// recorded version in its own transaction. Several nodes start at once, so each migration runs under a transaction-level
/// advisory lock and re-reads the version under it: one node migrates, the others wait and find nothing to do.
/// </summary>
public sealed class PostgresMigrator(PostgresConnectionFactory factory) : IStoreMigrator
{
    // Any fixed 64-bit key; "TriageBt" in ASCII, so it is recognisable in pg_locks.
    private const long LockKey = 0x5472696167654274;

    public static int LatestVersion => PostgresMigrations.All[^1].Version;

    public Task MigrateAsync(CancellationToken ct) => factory.MigrateAsync(ct);

    /// <summary>The schema version the database is at (0 when empty).</summary>
    public async Task<int> GetVersionAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenUnmigratedAsync(ct);
        await EnsureVersionTableAsync(connection, ct);
        return await ReadVersionAsync(connection, null, ct);
    }

    internal static async Task ApplyAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await EnsureVersionTableAsync(connection, ct);
        foreach (var migration in PostgresMigrations.All)
        {
            if (await ReadVersionAsync(connection, null, ct) >= migration.Version) continue;

            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var lockCommand = connection.Command("SELECT pg_advisory_xact_lock(@key);", transaction))
                await lockCommand.With("key", LockKey).ExecuteNonQueryAsync(ct);
            if (await ReadVersionAsync(connection, transaction, ct) >= migration.Version) continue;
            await using (var step = connection.Command(migration.Sql, transaction))
                await step.ExecuteNonQueryAsync(ct);
            await using (var record = connection.Command(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, now());", transaction))
                await record.With("v", migration.Version).With("d", migration.Description).ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static async Task EnsureVersionTableAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        // Two nodes creating it at once collide in the catalog even with IF NOT EXISTS; the transaction's lock makes the
        // second wait until the first has committed, and then it sees the table. (A session lock released before the
        // commit would not: the race test caught exactly that.)
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var take = connection.Command("SELECT pg_advisory_xact_lock(@key);", transaction))
            await take.With("key", LockKey).ExecuteNonQueryAsync(ct);
        await using (var create = connection.Command(
            "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL);",
            transaction))
            await create.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        await using var read = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version;", transaction);
        return Convert.ToInt32(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
