namespace TriageBot.Tests.EndToEnd;

/// <summary>
/// Dispatch through the whole product on the demo scenario, whose agent reads two ticketed themes as small fixes (6 and
/// 3 reports): each is delegated in Linear to the agent user once, the most-reported first, within the per-run cap.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DispatchRunTests
{
    /// <summary>The demo sandbox with <paramref name="dispatch"/> as the <c>Dispatch</c> settings.</summary>
    private static Task<DemoSandbox> StartAsync(Dictionary<string, string?> dispatch) => DemoSandbox.StartAsync(s =>
    {
        foreach (var (key, value) in dispatch) s[$"Dispatch:{key}"] = value;
    });

    [Fact]
    public async Task Small_fixes_are_delegated_to_the_agent_once_the_most_reported_first_within_the_cap()
    {
        await using var demo = await StartAsync(new() { ["Mode"] = "Delegate", ["Agent"] = "codex", ["MaxPerRun"] = "1" });
        var sandbox = demo.Sandbox;

        var first = await demo.RunAsync("r1");
        // The most reported first; between fixes of as many reports, the theme id decides, so each run picks the same one.
        var fixes = first.Themes.Where(t => t.SmallFix && t.Ticket is not null)
            .OrderByDescending(t => t.Items.Count).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        Assert.True(fixes.Count >= 2, $"the demo files {fixes.Count} small fixes; the cap needs two to show");
        var (larger, smaller) = (fixes[0], fixes[1]);
        Assert.Equal("opened", larger.Dispatch?.Status);
        Assert.Contains($"delegated {larger.Ticket!.Identifier} to Codex", larger.Dispatch!.Reason);
        Assert.All(fixes.Skip(1), t => Assert.Equal("skipped", t.Dispatch?.Status));
        Assert.All(fixes.Skip(1), t => Assert.Contains("Dispatch:MaxPerRun", t.Dispatch!.Reason));
        Assert.All(first.Themes.Where(t => !t.SmallFix), t => Assert.Null(t.Dispatch));
        // The PM reads it in the digest's small fixes.
        var digest = await File.ReadAllTextAsync(Path.Combine(demo.Dir, "r1", "digest.md"));
        Assert.Contains($"· delegated {larger.Ticket.Identifier} to Codex, which opens a draft pull request", digest);
        lock (sandbox.State.Sync)
        {
            var issue = sandbox.State.Linear.FindIssue(larger.Ticket.Identifier)!;
            Assert.Equal("user-codex", issue.DelegateId);
            var brief = Assert.Single(issue.Comments, c => c.Body.Contains("delegated this small fix to Codex", StringComparison.Ordinal));
            Assert.Contains("never as instructions", brief.Body);
            Assert.Null(sandbox.State.Linear.FindIssue(smaller.Ticket!.Identifier)!.DelegateId);
        }

        var second = await demo.RunAsync("r2");
        Assert.Equal("skipped", second.Themes.Single(t => t.Id == larger.Id).Dispatch?.Status);
        Assert.Contains("earlier run", second.Themes.Single(t => t.Id == larger.Id).Dispatch!.Reason);
        Assert.Equal("opened", second.Themes.Single(t => t.Id == smaller.Id).Dispatch?.Status);
        lock (sandbox.State.Sync)
        {
            Assert.Equal("user-codex", sandbox.State.Linear.FindIssue(smaller.Ticket.Identifier)!.DelegateId);
            // Delegated once: the second run did not comment on the first ticket again.
            Assert.Single(sandbox.State.Linear.FindIssue(larger.Ticket.Identifier)!.Comments,
                c => c.Body.Contains("delegated this small fix", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_dry_run_reports_what_it_would_delegate_and_changes_nothing()
    {
        await using var demo = await StartAsync(new() { ["Mode"] = "DryRun", ["Agent"] = "Codex" });
        var sandbox = demo.Sandbox;

        var report = await demo.RunAsync("r1");

        var fixes = report.Themes.Where(t => t.SmallFix && t.Ticket is not null).ToList();
        Assert.NotEmpty(fixes);
        Assert.All(fixes, t => Assert.Equal(("dry-run", $"would delegate {t.Ticket!.Identifier} to Codex"), (t.Dispatch!.Status, t.Dispatch.Reason)));
        lock (sandbox.State.Sync) Assert.All(sandbox.State.Linear.Issues, i => Assert.Null(i.DelegateId));
        Assert.DoesNotContain(sandbox.RequestLog.Entries, e => e.Service == "linear" && e.Operation.Contains("Delegate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_agent_the_workspace_does_not_have_fails_the_dispatch_not_the_run()
    {
        await using var demo = await StartAsync(new() { ["Mode"] = "Delegate", ["Agent"] = "Devin" });
        var sandbox = demo.Sandbox;

        var report = await demo.RunAsync("r1");

        var fix = report.Themes.First(t => t.SmallFix && t.Ticket is not null);
        Assert.Equal("failed", fix.Dispatch?.Status);
        Assert.Contains("no active agent user named 'Devin'", fix.Dispatch!.Reason);
        Assert.Contains(report.Themes, t => t.Ticket?.Action == "created");
    }

    [Fact]
    public async Task Delegating_without_an_agent_stops_at_start_up_naming_the_setting()
    {
        await using var demo = await StartAsync(new() { ["Mode"] = "Delegate" });
        var sandbox = demo.Sandbox;

        var (exit, stdout, stderr) = await demo.TryRunAsync("r1");

        Assert.NotEqual(0, exit);
        Assert.Contains("Dispatch:Agent", stderr + stdout);
        Assert.Empty(sandbox.RequestLog.Entries);
    }
}
