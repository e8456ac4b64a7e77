using TriageBot.Domain;

namespace TriageBot.Storage.Postgres;

/// <summary>Theme-to-ticket mapping, and the intents written before a ticket is created.</summary>
public sealed class PostgresTicketStore(PostgresConnectionFactory factory, TimeProvider time) : ITicketStore
{
    private const string Columns = "theme_id, issue_id, identifier, url, evidence_urls, content_key, item_count_at_last_comment";

    public async Task<TicketMapping?> GetAsync(string themeId, CancellationToken ct)
    {
        var found = await ReadAsync(themeId, ct);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<TicketMapping>> GetAllAsync(CancellationToken ct) => ReadAsync(null, ct);

    public async Task SaveAsync(TicketMapping mapping, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command($"""
            INSERT INTO tickets ({Columns}, updated_at) VALUES (@theme, @issue, @identifier, @url, @evidence, @key, @count, @at)
            ON CONFLICT (theme_id) DO UPDATE SET issue_id = excluded.issue_id, identifier = excluded.identifier, url = excluded.url,
                evidence_urls = excluded.evidence_urls, content_key = excluded.content_key,
                item_count_at_last_comment = excluded.item_count_at_last_comment, updated_at = excluded.updated_at;
            """)
            .With("theme", mapping.ThemeId).With("issue", mapping.Ticket.IssueId).With("identifier", mapping.Ticket.Identifier)
            .With("url", mapping.Ticket.Url).With("evidence", mapping.EvidenceUrls.ToArray())
            .With("key", mapping.ContentKey).With("count", mapping.ItemCountAtLastComment)
            .With("at", PostgresValues.Utc(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task DeleteAsync(string themeId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("DELETE FROM tickets WHERE theme_id = @id;").With("id", themeId);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<TicketIntent?> GetIntentAsync(string themeId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT intent_key, created_at FROM ticket_intents WHERE theme_id = @id;")
            .With("id", themeId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new TicketIntent(themeId, reader.GetString(0), reader.GetTime(1)) : null;
    }

    public async Task SaveIntentAsync(TicketIntent intent, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO ticket_intents (theme_id, intent_key, created_at) VALUES (@id, @key, @at)
            ON CONFLICT (theme_id) DO UPDATE SET intent_key = excluded.intent_key, created_at = excluded.created_at;
            """).With("id", intent.ThemeId).With("key", intent.IntentKey).With("at", PostgresValues.Utc(intent.CreatedAt));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ClearIntentAsync(string themeId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("DELETE FROM ticket_intents WHERE theme_id = @id;").With("id", themeId);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<IReadOnlyList<TicketMapping>> ReadAsync(string? themeId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command(themeId is null
            ? $"SELECT {Columns} FROM tickets ORDER BY theme_id COLLATE \"C\";"
            : $"SELECT {Columns} FROM tickets WHERE theme_id = @id;");
        if (themeId is not null) command.With("id", themeId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var mappings = new List<TicketMapping>();
        while (await reader.ReadAsync(ct))
        {
            mappings.Add(new TicketMapping(
                reader.GetString(0),
                new TicketRef(reader.GetString(1), reader.GetString(2), reader.GetString(3)),
                reader.GetFieldValue<string[]>(4),
                reader.GetString(5),
                reader.GetInt32(6)));
        }
        return mappings;
    }
}
