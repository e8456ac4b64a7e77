using Npgsql;
using TriageBot.Hosting;
using TriageBot.Reports;
using TriageBot.Sandbox;
using TriageBot.Tests.Storage;
using TriageBot.Tests.Support;

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
        var scenario = SandboxConfiguration.WithDigestChannel(ScenarioFile.Load(Path.Combine(SandboxFixture.RepoRoot, "scenarios", "demo.json")));
        var now = scenario.Now.ToString("O");

        RunReport onSqlite;
        await using (var sandbox = await SandboxHost.StartAsync(scenario, SandboxConfiguration.OptionsFor(scenario, 0), CancellationToken.None))
        {
            var dir = CliRunner.TempDir();
            var config = await CliRunner.WriteRunConfigAsync(sandbox, scenario, dir);
            onSqlite = await RunAsync(config, dir, "sqlite", now);
        }

        await using var pgSandbox = await SandboxHost.StartAsync(scenario, SandboxConfiguration.OptionsFor(scenario, 0), CancellationToken.None);
        var pgDir = CliRunner.TempDir();
        var connectionString = server.NewSchema();
        var pgConfig = await CliRunner.WriteRunConfigAsync(pgSandbox, scenario, pgDir, settings =>
        {
            settings["Storage:Provider"] = "Postgres";
            settings["Storage:ConnectionString"] = connectionString;
        });
        var first = await RunAsync(pgConfig, pgDir, "r1", now);

        Assert.Equal(Describe(onSqlite), Describe(first));
        Assert.Contains(first.Themes, t => t.Ticket?.Action == "created");
        Assert.False(File.Exists(Path.Combine(pgDir, "store.db")), "a Postgres run must not write a SQLite file");

        var ticketed = first.Themes.Where(t => t.Ticket is not null).OrderByDescending(t => t.Items.Count).ToList();
        var (stays, absorbed) = (ticketed[0], ticketed[1]);
        var (exitMerge, outMerge, errMerge) = await CliRunner.RunAsync("themes", "merge", stays.Id, absorbed.Id, "--config", pgConfig);
        Assert.True(exitMerge == 0, errMerge + outMerge);
        Assert.Equal(1, await CountOverridesAsync(connectionString));

        var second = await RunAsync(pgConfig, pgDir, "r2", now);
        Assert.DoesNotContain(second.Themes, t => t.Id == absorbed.Id);
        Assert.Superset(absorbed.Items.ToHashSet(), second.Themes.Single(t => t.Id == stays.Id).Items.ToHashSet());
        Assert.DoesNotContain(second.Themes, t => t.Ticket?.Action == "created");
    }

    [Fact]
    public async Task A_run_or_an_approval_by_hand_while_another_node_runs_stops_before_reading_anything()
    {
        var scenario = ScenarioFile.Load(Path.Combine(SandboxFixture.RepoRoot, "scenarios", "demo.json"));
        await using var sandbox = await SandboxHost.StartAsync(scenario, SandboxConfiguration.OptionsFor(scenario, 0), CancellationToken.None);
        var dir = CliRunner.TempDir();
        var connectionString = server.NewSchema();
        var config = await CliRunner.WriteRunConfigAsync(sandbox, scenario, dir, settings =>
        {
            settings["Storage:Provider"] = "Postgres";
            settings["Storage:ConnectionString"] = connectionString;
        });
        await using var otherNode = new TriageBot.Storage.Postgres.PostgresConnectionFactory(connectionString);
        await using var held = await new TriageBot.Storage.Postgres.PostgresRunLock(otherNode).TryAcquireAsync(CancellationToken.None);
        Assert.NotNull(held);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("run", "--config", config, "--now", scenario.Now.ToString("O"), "--out", Path.Combine(dir, "r1"));
        var (approveExit, approveOut, approveErr) = await CliRunner.RunAsync("tickets", "approve", "th-03de41ba79", "--config", config);

        Assert.Equal(1, exit);
        Assert.Contains("another run holds the run lock", stderr + stdout);
        Assert.Equal(1, approveExit);
        Assert.Contains("another run holds the run lock", approveErr + approveOut);
        Assert.Empty(sandbox.RequestLog.Entries);
    }

    private static async Task<RunReport> RunAsync(string config, string dir, string name, string now)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("run", "--config", config, "--now", now, "--out", Path.Combine(dir, name));
        Assert.True(exit == 0, stderr + stdout);
        return RunReport.FromJson(await File.ReadAllTextAsync(Path.Combine(dir, name, "report.json")));
    }

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
