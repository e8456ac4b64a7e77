using TriageBot.Hosting;
using TriageBot.Reports;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.EndToEnd;

/// <summary>
/// A merge through the whole product: run, a person merges two ticketed themes (`themes merge`), run again. The absorbed
/// theme's ticket is marked a duplicate of the one that stays, with a comment, and is left open; nothing new is created.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class MergedThemeRunTests
{
    [Fact]
    public async Task After_a_merge_the_absorbed_themes_ticket_is_marked_a_duplicate_of_the_one_that_stays()
    {
        var scenario = SandboxConfiguration.WithDigestChannel(ScenarioFile.Load(Path.Combine(SandboxFixture.RepoRoot, "scenarios", "demo.json")));
        await using var sandbox = await SandboxHost.StartAsync(scenario, SandboxConfiguration.OptionsFor(scenario, 0), CancellationToken.None);
        var dir = CliRunner.TempDir();
        var config = await CliRunner.WriteRunConfigAsync(sandbox, scenario, dir);
        var now = scenario.Now.ToString("O");

        var (exit1, out1, err1) = await CliRunner.RunAsync("run", "--config", config, "--now", now, "--out", Path.Combine(dir, "r1"));
        Assert.True(exit1 == 0, err1 + out1);
        var first = RunReport.FromJson(await File.ReadAllTextAsync(Path.Combine(dir, "r1", "report.json")));
        var ticketed = first.Themes.Where(t => t.Ticket is not null).OrderByDescending(t => t.Items.Count).ToList();
        Assert.True(ticketed.Count >= 2);
        var (stays, absorbed) = (ticketed[0], ticketed[1]);

        var (exitMerge, outMerge, errMerge) = await CliRunner.RunAsync("themes", "merge", stays.Id, absorbed.Id, "--config", config);
        Assert.True(exitMerge == 0, errMerge + outMerge);
        var (exit2, out2, err2) = await CliRunner.RunAsync("run", "--config", config, "--now", now, "--out", Path.Combine(dir, "r2"));
        Assert.True(exit2 == 0, err2 + out2);
        var second = RunReport.FromJson(await File.ReadAllTextAsync(Path.Combine(dir, "r2", "report.json")));

        Assert.True(second.Themes.All(t => t.Id != absorbed.Id), $"{stays.Id} ({stays.Items.Count}) <- {absorbed.Id} ({absorbed.Items.Count}); after: " + string.Join(", ", second.Themes.Select(t => $"{t.Id} ({t.Items.Count})")));
        var merged = second.Themes.Single(t => t.Id == stays.Id);
        Assert.Equal(stays.Ticket!.Identifier, merged.Ticket!.Identifier);
        Assert.Superset(absorbed.Items.ToHashSet(), merged.Items.ToHashSet());
        Assert.DoesNotContain(second.Themes, t => t.Ticket?.Action == "created");
        lock (sandbox.State.Sync)
        {
            var left = sandbox.State.Linear.FindIssue(absorbed.Ticket!.Identifier)!;
            var survivor = sandbox.State.Linear.FindIssue(stays.Ticket.Identifier)!;
            var relation = Assert.Single(left.Relations);
            Assert.Equal(("duplicate", survivor.Id), (relation.Type, relation.RelatedIssueId));
            Assert.Contains(left.Comments, c => c.Body.Contains($"Duplicate of [{survivor.Identifier}]", StringComparison.Ordinal));
            Assert.Equal("Todo", left.State);
            // The absorbed theme's evidence now hangs on the ticket that stays.
            Assert.Superset(left.Attachments.Select(a => a.Url).ToHashSet(), survivor.Attachments.Select(a => a.Url).ToHashSet());
        }
    }
}
