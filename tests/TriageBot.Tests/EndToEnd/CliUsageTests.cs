namespace TriageBot.Tests.EndToEnd;

/// <summary>Bad arguments and configuration: one line naming the problem, exit code 2, no stack trace.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliUsageTests
{
    [Fact]
    public async Task Unknown_option_exits_2()
    {
        var (exit, _, err) = await CliRunner.RunAsync("demo", "--no-such-option");
        Assert.Equal(2, exit);
        Assert.Contains("--no-such-option", err);
    }

    [Fact]
    public async Task Missing_scenario_file_exits_2_naming_the_option()
    {
        var (exit, _, err) = await CliRunner.RunAsync("demo", "--scenario", "/nonexistent/scenario.json", "--out", CliRunner.TempDir());
        Assert.Equal(2, exit);
        Assert.StartsWith("error: --scenario", err.Trim());
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public async Task Malformed_now_exits_2()
    {
        var (exit, _, err) = await CliRunner.RunAsync("run", "--now", "yesterday-ish", "--out", CliRunner.TempDir());
        Assert.Equal(2, exit);
        Assert.Contains("--now", err);
    }

    [Fact]
    public async Task Invalid_configuration_exits_2_naming_the_setting()
    {
        var dir = CliRunner.TempDir();
        var config = Path.Combine(dir, "bad.json");
        await File.WriteAllTextAsync(config, """
            { "Slack": { "Enabled": true, "Token": "" }, "GitHub": { "Enabled": false }, "X": { "Enabled": false },
              "Storage": { "ConnectionString": "Data Source=DIR/t.db" } }
            """.Replace("DIR", dir));
        var (exit, _, err) = await CliRunner.RunAsync("run", "--config", config, "--out", dir);
        Assert.Equal(2, exit);
        Assert.Contains("Slack:Token", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public async Task Invalid_goal_dates_exit_2_naming_the_setting()
    {
        var dir = CliRunner.TempDir();
        var config = Path.Combine(dir, "goals.json");
        await File.WriteAllTextAsync(config, """
            { "Goals": [ { "Id": "g1", "Title": "Fast", "Starts": "2026-13-45", "Ends": "2027-01-01" } ] }
            """);
        var (exit, _, err) = await CliRunner.RunAsync("run", "--config", config, "--out", dir);
        Assert.Equal(2, exit);
        Assert.Contains("Goals:0:Starts", err);
    }
}
