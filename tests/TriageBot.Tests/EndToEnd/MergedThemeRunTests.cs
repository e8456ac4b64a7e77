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
        await using var demo = await DemoSandbox.StartAsync();
        var sandbox = demo.Sandbox;

        var first = await demo.RunAsync("r1");
        var ticketed = first.Themes.Where(t => t.Ticket is not null).OrderByDescending(t => t.Items.Count).ToList();
        Assert.True(ticketed.Count >= 2);
        var (stays, absorbed) = (ticketed[0], ticketed[1]);

        var (exitMerge, outMerge, errMerge) = await CliRunner.RunAsync("themes", "merge", stays.Id, absorbed.Id, "--config", demo.Config);
        Assert.True(exitMerge == 0, errMerge + outMerge);
        var second = await demo.RunAsync("r2");

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

        // A person can read afterwards why the theme grew: its history names the merge, the absorbed theme and who did it.
        var (exitHistory, history, errHistory) = await CliRunner.RunAsync("themes", "history", stays.Id, "--config", demo.Config);
        Assert.True(exitHistory == 0, errHistory + history);
        var lines = history.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.Contains($"created   {stays.Id}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"merged    {stays.Id} <- {absorbed.Id}", StringComparison.Ordinal) && l.Contains("merged by a person", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("  created ", StringComparison.Ordinal) && !l.Contains(stays.Id, StringComparison.Ordinal));
        // Ids are named by what they are about: the absorbed theme by the last run that still had it.
        // (Both runs here start at the scenario's time, so which of them is the latest is a matter of milliseconds.)
        Assert.Contains(lines, l => l.StartsWith($"{stays.Id}  ", StringComparison.Ordinal) && l.EndsWith($" · {stays.Ticket.Identifier}", StringComparison.Ordinal));
        Assert.Contains($"{absorbed.Id}  {absorbed.Title} · {absorbed.Ticket!.Identifier}", lines);
        var (_, later, _) = await CliRunner.RunAsync("themes", "history", "--since", "2099-01-01", "--config", demo.Config);
        Assert.Equal("0 events", later.Trim());
    }
}
