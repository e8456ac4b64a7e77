using Microsoft.Data.Sqlite;
using TriageBot.Domain;

namespace TriageBot.Storage.Sqlite;

/// <summary>Items as JSON with indexed id, source, content hash and update time.</summary>
public sealed class SqliteItemStore(SqliteConnectionFactory factory, TimeProvider time) : IItemStore
{
    /// <summary>
    /// One transaction, two prepared commands reused for every row (100k items store in seconds). An item whose
    /// JSON changed but whose content hash did not (reactions, labels) is rewritten and reported Unchanged.
    /// </summary>
    public Task<IReadOnlyDictionary<string, ItemChange>> UpsertAsync(IReadOnlyList<FeedbackItem> items, CancellationToken ct) =>
        items.Count == 0
            ? Task.FromResult<IReadOnlyDictionary<string, ItemChange>>(new Dictionary<string, ItemChange>())
            : factory.WriteAsync(connection => UpsertBatchAsync(connection, items, ct), ct);

    private async Task<IReadOnlyDictionary<string, ItemChange>> UpsertBatchAsync(SqliteConnection connection, IReadOnlyList<FeedbackItem> items, CancellationToken ct)
    {
        var changes = new Dictionary<string, ItemChange>(items.Count, StringComparer.Ordinal);
        var now = SqliteValues.ToDb(time.GetUtcNow());

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);

        await using var read = connection.Command("SELECT content_hash, json FROM items WHERE id = $id;", transaction);
        var readId = read.Slot("$id", SqliteType.Text);
        read.Prepare();

        await using var write = connection.Command("""
            INSERT INTO items (id, source, location, content_hash, created_at, updated_at, first_seen, last_changed, json)
            VALUES ($id, $source, $location, $hash, $created, $updated, $now, $now, $json)
            ON CONFLICT (id) DO UPDATE SET
                source = excluded.source, location = excluded.location, content_hash = excluded.content_hash,
                created_at = excluded.created_at, updated_at = excluded.updated_at, json = excluded.json,
                last_changed = CASE WHEN items.content_hash = excluded.content_hash THEN items.last_changed ELSE excluded.last_changed END;
            """, transaction);
        var id = write.Slot("$id", SqliteType.Text);
        var source = write.Slot("$source", SqliteType.Text);
        var location = write.Slot("$location", SqliteType.Text);
        var hash = write.Slot("$hash", SqliteType.Text);
        var created = write.Slot("$created", SqliteType.Text);
        var updated = write.Slot("$updated", SqliteType.Text);
        write.Slot("$now", SqliteType.Text).Value = now;
        var json = write.Slot("$json", SqliteType.Text);
        write.Prepare();

        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            var itemHash = item.ContentHash;
            var itemJson = StoredJson.To(item);

            readId.Value = item.Id;
            string? storedHash = null, storedJson = null;
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct))
                {
                    storedHash = reader.GetString(0);
                    storedJson = reader.GetString(1);
                }
            }

            var change = storedHash is null ? ItemChange.New
                : storedHash == itemHash ? ItemChange.Unchanged
                : ItemChange.Updated;
            // The same id twice in one batch: the first verdict that is not Unchanged wins.
            if (!changes.TryGetValue(item.Id, out var earlier) || earlier == ItemChange.Unchanged) changes[item.Id] = change;
            if (storedJson == itemJson) continue;

            id.Value = item.Id;
            source.Value = item.Source.Name();
            location.Value = item.Location;
            hash.Value = itemHash;
            created.Value = SqliteValues.ToDb(item.CreatedAt);
            updated.Value = SqliteValues.ToDb(item.UpdatedAt == default ? item.CreatedAt : item.UpdatedAt);
            json.Value = itemJson;
            await write.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return changes;
    }

    public async Task<FeedbackItem?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT json FROM items WHERE id = $id;").With("$id", id);
        return await command.ExecuteScalarAsync(ct) is string json ? StoredJson.From<FeedbackItem>(json) : null;
    }

    /// <summary>Every item, oldest first (then by id), so callers see a stable order.</summary>
    public async Task<IReadOnlyList<FeedbackItem>> GetAllAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT json FROM items ORDER BY created_at, id;");
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
