using NpgsqlTypes;
using TriageBot.Domain;

namespace TriageBot.Storage.Postgres;

/// <summary>Items as JSON with indexed id, source, content hash and update time.</summary>
public sealed class PostgresItemStore(PostgresConnectionFactory factory, TimeProvider time) : IItemStore
{
    // Rows per statement: the batch travels as arrays (one round trip each way), not as one statement per item.
    private const int Chunk = 2000;

    /// <summary>
    /// Per chunk, in one transaction: one read of the stored hashes and JSON, then one upsert of the rows whose JSON
    /// changed. An item whose JSON changed but whose content hash did not (reactions, labels) is rewritten and reported
    /// Unchanged, as the SQLite store does.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ItemChange>> UpsertAsync(IReadOnlyList<FeedbackItem> items, CancellationToken ct)
    {
        var changes = new Dictionary<string, ItemChange>(items.Count, StringComparer.Ordinal);
        if (items.Count == 0) return changes;
        var now = PostgresValues.Utc(time.GetUtcNow());
        await using var connection = await factory.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var chunk in items.Chunk(Chunk))
        {
            var stored = new Dictionary<string, (string Hash, string Json)>(StringComparer.Ordinal);
            await using (var read = connection.Command("SELECT id, content_hash, json FROM items WHERE id = ANY(@ids);", transaction)
                .With("ids", chunk.Select(i => i.Id).Distinct(StringComparer.Ordinal).ToArray()))
            await using (var reader = await read.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) stored[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));

            // The same id twice in a batch: the last row is what is stored, the first verdict that is not Unchanged wins.
            var rows = new Dictionary<string, (FeedbackItem Item, string Json)>(StringComparer.Ordinal);
            foreach (var item in chunk)
            {
                var json = StoredJson.To(item);
                var change = stored.TryGetValue(item.Id, out var before)
                    ? before.Hash == item.ContentHash ? ItemChange.Unchanged : ItemChange.Updated
                    : ItemChange.New;
                if (!changes.TryGetValue(item.Id, out var earlier) || earlier == ItemChange.Unchanged) changes[item.Id] = change;
                if (before.Json != json) rows[item.Id] = (item, json);
                stored[item.Id] = (item.ContentHash, json);
            }
            if (rows.Count == 0) continue;

            var list = rows.Values.ToList();
            await using var write = connection.Command("""
                INSERT INTO items (id, source, location, content_hash, created_at, updated_at, first_seen, last_changed, json)
                SELECT r.id, r.source, r.location, r.content_hash, r.created_at, r.updated_at, @now, @now, r.json
                FROM unnest(@id, @source, @location, @hash, @created, @updated, @json)
                    AS r(id, source, location, content_hash, created_at, updated_at, json)
                ON CONFLICT (id) DO UPDATE SET
                    source = excluded.source, location = excluded.location, content_hash = excluded.content_hash,
                    created_at = excluded.created_at, updated_at = excluded.updated_at, json = excluded.json,
                    last_changed = CASE WHEN items.content_hash = excluded.content_hash THEN items.last_changed ELSE excluded.last_changed END;
                """, transaction)
                .With("now", now)
                .With("id", list.Select(r => r.Item.Id).ToArray())
                .With("source", list.Select(r => r.Item.Source.Name()).ToArray())
                .With("location", list.Select(r => r.Item.Location).ToArray())
                .With("hash", list.Select(r => r.Item.ContentHash).ToArray())
                .With("created", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, list.Select(r => PostgresValues.Utc(r.Item.CreatedAt)).ToArray())
                .With("updated", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
                    list.Select(r => PostgresValues.Utc(r.Item.UpdatedAt == default ? r.Item.CreatedAt : r.Item.UpdatedAt)).ToArray())
                .With("json", list.Select(r => r.Json).ToArray());
            await write.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return changes;
    }

    public async Task<FeedbackItem?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT json FROM items WHERE id = @id;").With("id", id);
        return await command.ExecuteScalarAsync(ct) is string json ? StoredJson.From<FeedbackItem>(json) : null;
    }

    /// <summary>Every item, oldest first (then by id, bytewise as SQLite orders it), so callers see a stable order.</summary>
    public async Task<IReadOnlyList<FeedbackItem>> GetAllAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT json FROM items ORDER BY created_at, id COLLATE \"C\";");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<FeedbackItem>();
        while (await reader.ReadAsync(ct)) items.Add(StoredJson.From<FeedbackItem>(reader.GetString(0)));
        return items;
    }

    public async Task<int> CountAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT COUNT(*) FROM items;");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
