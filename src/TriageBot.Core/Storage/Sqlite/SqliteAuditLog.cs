namespace TriageBot.Storage.Sqlite;

/// <summary>Append-only: entries are never updated or deleted.</summary>
public sealed class SqliteAuditLog(SqliteConnectionFactory factory) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO audit (at, run_id, kind, target, what, why, detail) VALUES ($at, $run, $kind, $target, $what, $why, $detail);
            """).With("$at", SqliteValues.ToDb(entry.At)).With("$run", entry.RunId).With("$kind", entry.Kind)
            .With("$target", entry.Target).With("$what", entry.What).With("$why", entry.Why).With("$detail", entry.Detail);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Entries at or after <paramref name="since"/> (all when null), in the order they were appended.</summary>
    public async Task<IReadOnlyList<AuditEntry>> GetAsync(DateTimeOffset? since, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT at, run_id, kind, target, what, why, detail FROM audit WHERE $since IS NULL OR at >= $since ORDER BY seq;")
            .With("$since", since is null ? null : SqliteValues.ToDb(since.Value));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(ct))
            entries.Add(new AuditEntry(SqliteValues.FromDb(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetNullableString(6)));
        return entries;
    }
}
