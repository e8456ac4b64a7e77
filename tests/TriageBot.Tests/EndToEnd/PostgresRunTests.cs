using Npgsql;
using TriageBot.Reports;
using TriageBot.Tests.Storage;

namespace TriageBot.Tests.EndToEnd;

/// <summary>
/// The whole product on PostgreSQL (<c>Storage:Provider</c> "Postgres"): a first run files what the same run files on
/// SQLite, a person's merge is kept in the database (not in a file of one node) and holds on the next run, which creates
/// nothing.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PostgresRunTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_run_on_postgres_files_what_sqlite_files_and_a_merge_made_there_holds()
    {
        RunReport onSqlite;
        await using (var sqlite = await DemoSandbox.StartAsync())
            onSqlite = await sqlite.RunAsync("sqlite");

        var connectionString = server.NewSchema();
        await using var demo = await DemoSandbox.StartAsync(OnPostgres(connectionString));
        var first = await demo.RunAsync("r1");

        Assert.Equal(Describe(onSqlite), Describe(first));
        Assert.Contains(first.Themes, t => t.Ticket?.Action == "created");
        Assert.False(File.Exists(Path.Combine(demo.Dir, "store.db")), "a Postgres run must not write a SQLite file");

        var ticketed = first.Themes.Where(t => t.Ticket is not null).OrderByDescending(t => t.Items.Count).ToList();
        var (stays, absorbed) = (ticketed[0], ticketed[1]);
        var (exitMerge, outMerge, errMerge) = await CliRunner.RunAsync("themes", "merge", stays.Id, absorbed.Id, "--config", demo.Config);
        Assert.True(exitMerge == 0, errMerge + outMerge);
        Assert.Equal(1, await CountOverridesAsync(connectionString));

        var second = await demo.RunAsync("r2");
        Assert.DoesNotContain(second.Themes, t => t.Id == absorbed.Id);
        Assert.Superset(absorbed.Items.ToHashSet(), second.Themes.Single(t => t.Id == stays.Id).Items.ToHashSet());
        Assert.DoesNotContain(second.Themes, t => t.Ticket?.Action == "created");
    }

    [Fact]
    public async Task A_run_or_an_approval_by_hand_while_another_node_runs_stops_before_reading_anything()
    {
        var connectionString = server.NewSchema();
        await using var demo = await DemoSandbox.StartAsync(OnPostgres(connectionString));
        var sandbox = demo.Sandbox;
        await using var otherNode = new TriageBot.Storage.Postgres.PostgresConnectionFactory(connectionString);
        await using var held = await new TriageBot.Storage.Postgres.PostgresRunLock(otherNode).TryAcquireAsync(CancellationToken.None);
        Assert.NotNull(held);

        var (exit, stdout, stderr) = await demo.TryRunAsync("r1");
        var (approveExit, approveOut, approveErr) = await CliRunner.RunAsync("tickets", "approve", "th-03de41ba79", "--config", demo.Config);

        Assert.Equal(1, exit);
        Assert.Contains("another run holds the run lock", stderr + stdout);
        Assert.Equal(1, approveExit);
        Assert.Contains("another run holds the run lock", approveErr + approveOut);
        Assert.Empty(sandbox.RequestLog.Entries);
    }

    /// <summary>The settings that put a run's store in <paramref name="connectionString"/>'s PostgreSQL schema.</summary>
    private static Action<Dictionary<string, string?>> OnPostgres(string connectionString) => settings =>
    {
        settings["Storage:Provider"] = "Postgres";
        settings["Storage:ConnectionString"] = connectionString;
    };

    /// <summary>What a run decided: each theme with its items and ticket action, and the noise.</summary>
    private static List<string> Describe(RunReport report) =>
    [
        .. report.Themes.OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => $"{t.Id} [{string.Join(",", t.Items.Order(StringComparer.Ordinal))}] {t.Ticket?.Action} {t.Ticket?.Identifier}"),
        "noise " + string.Join(",", report.Items.Noise.Order(StringComparer.Ordinal)),
    ];

    private static async Task<int> CountOverridesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM theme_overrides;", connection);
        return Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
