using TriageBot.Hosting;
using TriageBot.Sandbox;
using TriageBot.Reports;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.EndToEnd;

/// <summary>
/// `sandbox --write-config` then `run` twice with the same --now: the second run reads only
/// cursors, files nothing and asks the model nothing.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class IncrementalRunTests
{
    [Fact]
    public async Task Second_run_with_nothing_new_reads_only_cursors_creates_nothing_and_calls_no_model()
    {
        var scenario = SandboxConfiguration.WithDigestChannel(SandboxFixture.LoadDevSmall());
        await using var sandbox = await SandboxHost.StartAsync(scenario, SandboxConfiguration.OptionsFor(scenario, 0), CancellationToken.None);
        var dir = CliRunner.TempDir();
        // The model path, against the sandbox's OpenAI-compatible endpoint, so "no model call" means something.
        var config = await CliRunner.WriteRunConfigAsync(sandbox, scenario, dir, settings =>
        {
            settings["Agent:Provider"] = "OpenAI";
            settings["Agent:Endpoint"] = sandbox.OpenAIUrl.ToString();
            settings["Agent:Model"] = "sandbox-model";
            settings["Agent:ApiKey"] = sandbox.Credentials.OpenAIKey;
        });
        var now = scenario.Now.ToString("O");

        var (exit1, out1, err1) = await CliRunner.RunAsync("run", "--config", config, "--now", now, "--out", Path.Combine(dir, "r1"));
        Assert.True(exit1 == 0, err1 + out1);
        var first = RunReport.FromJson(await File.ReadAllTextAsync(Path.Combine(dir, "r1", "report.json")));
        Assert.True(first.Items.Fetched > 0);
        Assert.Contains(first.Themes, t => t.Ticket?.Action == "created");
        Assert.True(first.ApiCalls["llm"] > 0, "the first run should have asked the model");

        var served = sandbox.RequestLog.Entries.Count;
        var (exit2, out2, err2) = await CliRunner.RunAsync("run", "--config", config, "--now", now, "--out", Path.Combine(dir, "r2"));
        Assert.True(exit2 == 0, err2 + out2);
        var second = RunReport.FromJson(await File.ReadAllTextAsync(Path.Combine(dir, "r2", "report.json")));

        Assert.Equal(0, second.Items.Fetched);
        Assert.DoesNotContain(second.Themes, t => t.Ticket?.Action is "created" or "updated");
        Assert.Equal(0, second.ApiCalls["llm"]);
        // Linear: only the reads every run makes (teams, labels, projects, and the tickets' states for the goal board); no
        // look-ups, no writes.
        var linearOps = sandbox.RequestLog.Entries.Skip(served).Where(e => e.Service == "linear").Select(e => e.Operation).ToList();
        Assert.DoesNotContain(linearOps, op => op.Contains("Create", StringComparison.OrdinalIgnoreCase)
            || op.Contains("Update", StringComparison.OrdinalIgnoreCase) || op.Contains("attachmentsForURL", StringComparison.OrdinalIgnoreCase));
        // Themes and their tickets are still all in the report: the store carries them.
        Assert.Equal(first.Themes.Count(t => t.Ticket is not null), second.Themes.Count(t => t.Ticket is not null));

        var secondRun = sandbox.RequestLog.Entries.Skip(served).ToList();
        Assert.DoesNotContain(secondRun, e => e.Service == "slack" && e.Path.EndsWith("conversations.replies", StringComparison.Ordinal));
        Assert.All(secondRun.Where(e => e.Service == "github"), e => Assert.Equal(304, e.StatusCode));
        Assert.Equal(1, secondRun.Count(e => e.Service == "x"));
        Assert.Equal(scenario.Slack!.Channels.Count - 1,
            secondRun.Count(e => e.Service == "slack" && e.Path.EndsWith("conversations.history", StringComparison.Ordinal)));
    }
}
