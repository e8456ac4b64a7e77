using TriageBot.Domain;

namespace TriageBot.Storage.Sqlite;

public sealed class SqliteDraftCache(SqliteConnectionFactory factory, TimeProvider time) : IDraftCache
{
    public async Task<ThemeDraft?> GetAsync(string contentKey, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT json FROM drafts WHERE content_key = $key;").With("$key", contentKey);
        return await command.ExecuteScalarAsync(ct) is string json ? StoredJson.From<ThemeDraft>(json) : null;
    }

    public async Task PutAsync(string contentKey, ThemeDraft draft, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO drafts (content_key, json, created_at) VALUES ($key, $json, $at)
            ON CONFLICT (content_key) DO UPDATE SET json = excluded.json, created_at = excluded.created_at;
            """).With("$key", contentKey).With("$json", StoredJson.To(draft)).With("$at", SqliteValues.ToDb(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(ct);
    }
}
