using NpgsqlTypes;

namespace TriageBot.Storage.Postgres;

/// <summary>Vectors as real[], keyed by model and item content hash.</summary>
public sealed class PostgresEmbeddingStore(PostgresConnectionFactory factory) : IEmbeddingStore
{
    // Hashes per lookup: one array parameter each, so a 100,000-item backlog is 20 round trips.
    private const int LookupChunk = 5000;

    public async Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken ct)
    {
        var found = new Dictionary<string, float[]>(contentHashes.Count, StringComparer.Ordinal);
        if (contentHashes.Count == 0) return found;
        await using var connection = await factory.OpenAsync(ct);
        foreach (var chunk in contentHashes.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            await using var command = connection.Command(
                "SELECT content_hash, vector FROM embeddings WHERE model = @model AND content_hash = ANY(@hashes);")
                .With("model", model).With("hashes", chunk);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) found[reader.GetString(0)] = reader.GetFieldValue<float[]>(1);
        }
        return found;
    }

    /// <summary>
    /// Binary COPY into a temporary table, then one upsert from it: the fast way into PostgreSQL, and an upsert because
    /// two nodes may embed the same text at once.
    /// </summary>
    public async Task PutManyAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken ct)
    {
        if (vectors.Count == 0) return;
        await using var connection = await factory.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var create = connection.Command(
            "CREATE TEMP TABLE embeddings_in (content_hash text NOT NULL, dimensions integer NOT NULL, vector real[] NOT NULL) ON COMMIT DROP;",
            transaction))
            await create.ExecuteNonQueryAsync(ct);
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY embeddings_in (content_hash, dimensions, vector) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (hash, values) in vectors)
            {
                await import.StartRowAsync(ct);
                await import.WriteAsync(hash, NpgsqlDbType.Text, ct);
                await import.WriteAsync(values.Length, NpgsqlDbType.Integer, ct);
                await import.WriteAsync(values, NpgsqlDbType.Array | NpgsqlDbType.Real, ct);
            }
            await import.CompleteAsync(ct);
        }
        await using (var upsert = connection.Command("""
            INSERT INTO embeddings (model, content_hash, dimensions, vector)
            SELECT @model, content_hash, dimensions, vector FROM embeddings_in
            ON CONFLICT (model, content_hash) DO UPDATE SET dimensions = excluded.dimensions, vector = excluded.vector;
            """, transaction))
            await upsert.With("model", model).ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
