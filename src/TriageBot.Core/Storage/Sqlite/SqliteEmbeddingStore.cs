using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>Vectors as little-endian float BLOBs, keyed by model and item content hash.</summary>
public sealed class SqliteEmbeddingStore(SqliteConnectionFactory factory) : IEmbeddingStore
{
    // Hashes per statement: the list travels as one JSON array, not as N parameters.
    private const int LookupChunk = 5000;

    /// <summary>Measured on a 500 MB store of 100,000 vectors: a key lookup costs about as much as reading 7 pages in order.</summary>
    internal int PagesPerLookup { get; init; } = 7;

    public async Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken ct)
    {
        var found = new Dictionary<string, float[]>(contentHashes.Count, StringComparer.Ordinal);
        if (contentHashes.Count == 0) return found;

        await using var connection = await factory.OpenAsync(ct);
        var wanted = contentHashes.ToHashSet(StringComparer.Ordinal);
        var buffer = new byte[4096];
        // Each lookup reads a page the cache rarely holds, while reading the table in order is sequential I/O:
        // for a large share of the store (a first run over a backlog) one pass over the model's rows is several
        // times faster (100,000 vectors: 0.8 s against 4.5 s). The file's page count bounds that pass's cost.
        await using (var pages = connection.Command("PRAGMA page_count;"))
        {
            if ((long)(await pages.ExecuteScalarAsync(ct) ?? 0L) < (long)wanted.Count * PagesPerLookup)
            {
                await using var scan = connection.Command("SELECT content_hash, vector FROM embeddings WHERE model = $model;").With("$model", model);
                await using var rows = await scan.ExecuteReaderAsync(ct);
                while (await rows.ReadAsync(ct))
                {
                    var hash = rows.GetString(0);
                    if (wanted.Contains(hash)) found[hash] = ReadVector(rows, ref buffer);
                }
                return found;
            }
        }
        foreach (var chunk in wanted.Chunk(LookupChunk))
        {
            await using var command = connection.Command("""
                SELECT content_hash, vector FROM embeddings
                WHERE model = $model AND content_hash IN (SELECT value FROM json_each($hashes));
                """).With("$model", model).With("$hashes", System.Text.Json.JsonSerializer.Serialize(chunk));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                found[reader.GetString(0)] = ReadVector(reader, ref buffer);
        }
        return found;
    }

    /// <summary>Through one reused buffer: a byte[] per vector would be as much garbage as the vectors themselves.</summary>
    private static float[] ReadVector(SqliteDataReader reader, ref byte[] buffer)
    {
        var length = (int)reader.GetBytes(1, 0, null, 0, 0);
        if (length > buffer.Length) buffer = new byte[length];
        reader.GetBytes(1, 0, buffer, 0, length);
        return SqliteValues.FromBlob(buffer.AsSpan(0, length));
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
