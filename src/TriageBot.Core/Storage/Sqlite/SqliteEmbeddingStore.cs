using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>Vectors as little-endian float BLOBs, keyed by model and item content hash.</summary>
public sealed class SqliteEmbeddingStore(SqliteConnectionFactory factory) : IEmbeddingStore
{
    public async Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken ct)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (contentHashes.Count == 0) return found;

        await using var connection = await factory.OpenAsync(ct);
        // One statement for any number of hashes: the list travels as a JSON array, not as N parameters.
        await using var command = connection.Command("""
            SELECT content_hash, vector FROM embeddings
            WHERE model = $model AND content_hash IN (SELECT value FROM json_each($hashes));
            """).With("$model", model).With("$hashes", System.Text.Json.JsonSerializer.Serialize(contentHashes));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found[reader.GetString(0)] = SqliteValues.FromBlob(reader.GetFieldValue<byte[]>(1));
        return found;
    }

    public async Task PutManyAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken ct)
    {
        if (vectors.Count == 0) return;
        await using var connection = await factory.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO embeddings (model, content_hash, dimensions, vector) VALUES ($model, $hash, $dims, $vector)
            ON CONFLICT (model, content_hash) DO UPDATE SET dimensions = excluded.dimensions, vector = excluded.vector;
            """, transaction);
        command.Slot("$model", SqliteType.Text).Value = model;
        var hash = command.Slot("$hash", SqliteType.Text);
        var dims = command.Slot("$dims", SqliteType.Integer);
        var vector = command.Slot("$vector", SqliteType.Blob);
        command.Prepare();
        foreach (var (contentHash, values) in vectors)
        {
            ct.ThrowIfCancellationRequested();
            hash.Value = contentHash;
            dims.Value = values.Length;
            vector.Value = SqliteValues.ToBlob(values);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
