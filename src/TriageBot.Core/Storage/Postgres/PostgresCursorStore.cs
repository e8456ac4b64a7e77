namespace TriageBot.Storage.Postgres;

public sealed class PostgresCursorStore(PostgresConnectionFactory factory, TimeProvider time) : ICursorStore
{
    public async Task<string?> GetAsync(string source, string key, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT value FROM cursors WHERE source = @s AND key = @k;")
            .With("s", source).With("k", key);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public async Task SetAsync(string source, string key, string value, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO cursors (source, key, value, updated_at) VALUES (@s, @k, @v, @at)
            ON CONFLICT (source, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
            """).With("s", source).With("k", key).With("v", value).With("at", PostgresValues.Utc(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(ct);
    }
}
