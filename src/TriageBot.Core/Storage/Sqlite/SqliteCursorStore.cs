using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

public sealed class SqliteCursorStore(SqliteConnectionFactory factory, TimeProvider time) : ICursorStore
{
    public async Task<string?> GetAsync(string source, string key, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT value FROM cursors WHERE source = $s AND key = $k;")
            .With("$s", source).With("$k", key);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public Task SetAsync(string source, string key, string value, CancellationToken ct) =>
        factory.WriteAsync(connection => WriteAsync(connection, source, key, value, ct), ct);

    private async Task<bool> WriteAsync(SqliteConnection connection, string source, string key, string value, CancellationToken ct)
    {
        await using var command = connection.Command("""
            INSERT INTO cursors (source, key, value, updated_at) VALUES ($s, $k, $v, $at)
            ON CONFLICT (source, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
            """).With("$s", source).With("$k", key).With("$v", value).With("$at", SqliteValues.ToDb(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(ct);
        return true;
    }
}
