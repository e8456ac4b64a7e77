namespace TriageBot.Storage.Postgres;

/// <summary>Append-only: entries are never updated or deleted.</summary>
public sealed class PostgresAuditLog(PostgresConnectionFactory factory) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO audit (at, run_id, kind, target, what, why, detail) VALUES (@at, @run, @kind, @target, @what, @why, @detail);
            """).With("at", PostgresValues.Utc(entry.At)).With("run", entry.RunId).With("kind", entry.Kind)
            .With("target", entry.Target).With("what", entry.What).With("why", entry.Why).With("detail", entry.Detail);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Entries at or after <paramref name="since"/> (all when null), in the order they were appended.</summary>
    public async Task<IReadOnlyList<AuditEntry>> GetAsync(DateTimeOffset? since, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command(since is null
            ? "SELECT at, run_id, kind, target, what, why, detail FROM audit ORDER BY seq;"
            : "SELECT at, run_id, kind, target, what, why, detail FROM audit WHERE at >= @since ORDER BY seq;");
        if (since is not null) command.With("since", PostgresValues.Utc(since.Value));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(ct))
            entries.Add(new AuditEntry(reader.GetTime(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetNullableString(6)));
        return entries;
    }
}
