namespace TriageBot.Storage.Sqlite;

/// <summary>Run history: a run is recorded as "running" when it starts, so a crashed run stays visible.</summary>
public sealed class SqliteRunStore(SqliteConnectionFactory factory) : IRunStore
{
    /// <summary>Idempotent: starting a run id twice keeps the first record.</summary>
    public async Task StartAsync(string runId, DateTimeOffset started, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO runs (run_id, started, status) VALUES ($id, $started, $status) ON CONFLICT (run_id) DO NOTHING;
            """).With("$id", runId).With("$started", SqliteValues.ToDb(started)).With("$status", RunRecord.Running);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records the outcome; a run never started (a crash before StartAsync) is recorded anyway.</summary>
    public async Task FinishAsync(string runId, DateTimeOffset finished, string status, string reportJson, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO runs (run_id, started, finished, status, report_json) VALUES ($id, $finished, $finished, $status, $report)
            ON CONFLICT (run_id) DO UPDATE SET finished = excluded.finished, status = excluded.status, report_json = excluded.report_json;
            """).With("$id", runId).With("$finished", SqliteValues.ToDb(finished)).With("$status", status).With("$report", reportJson);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The latest <paramref name="count"/> runs, newest first.</summary>
    public async Task<IReadOnlyList<RunRecord>> GetRecentAsync(int count, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT run_id, started, finished, status, report_json FROM runs ORDER BY started DESC, rowid DESC LIMIT $n;")
            .With("$n", Math.Max(0, count));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var runs = new List<RunRecord>();
        while (await reader.ReadAsync(ct))
        {
            var finished = reader.GetNullableString(2);
            runs.Add(new RunRecord(reader.GetString(0), SqliteValues.FromDb(reader.GetString(1)),
                finished is null ? null : SqliteValues.FromDb(finished), reader.GetString(3), reader.GetNullableString(4)));
        }
        return runs;
    }
}
