using TriageBot.Domain;
using TriageBot.Sandbox;

namespace TriageBot.Tests.Tickets;

/// <summary>The ticket writer against the sandbox's Linear, seeded with dev-small.</summary>
public sealed class LinearTicketWriterTests
{
    [Fact]
    public async Task Creates_a_ticket_with_one_attachment_per_evidence_item_and_a_second_call_sends_nothing()
    {
        await using var h = await TicketHarness.StartAsync();
        var before = h.Issues().Count;
        var (context, draft) = h.Theme("windows-path-spaces");

        var outcome = await h.Writer.FileAsync(context, draft, CancellationToken.None);

        Assert.NotNull(outcome);
        Assert.Equal(TicketAction.Created, outcome.Action);
        Assert.Equal(before + 1, h.Issues().Count);
        var issue = h.Issue(outcome.Ticket.Identifier);
        Assert.StartsWith("AGT-", issue.Identifier, StringComparison.Ordinal);
        Assert.Equal(draft.Title, issue.Title);
        Assert.Equal((int)draft.Priority, issue.Priority);
        Assert.Equal(context.Items.Select(i => i.Url).Order(), issue.Attachments.Select(a => a.Url).Order());
        Assert.All(issue.Attachments, a => Assert.False(string.IsNullOrWhiteSpace(a.Title)));
        Assert.Contains(issue.Attachments, a => a.Title.StartsWith("GitHub cinder-labs/", StringComparison.Ordinal));
        Assert.Contains("### What users say", issue.Description, StringComparison.Ordinal);
        Assert.Contains("Windows is a first-class platform", issue.Description, StringComparison.Ordinal);
        Assert.Contains("lbl-agt-bug", issue.LabelIds);
        Assert.Contains(h.Audit.Entries, e => e.Kind == "linear.issueCreate" && e.Target == issue.Identifier && e.Why.Contains("windows-path-spaces", StringComparison.Ordinal));
        Assert.Equal(context.Items.Count, h.Audit.Entries.Count(e => e.Kind == "linear.attachmentCreate"));
        Assert.Null(await h.Store.GetIntentAsync("windows-path-spaces", CancellationToken.None));

        var calls = h.LinearCalls;
        var again = await h.Writer.FileAsync(context, draft, CancellationToken.None);
        Assert.Equal(TicketAction.Unchanged, again!.Action);
        Assert.Equal(outcome.Ticket, again.Ticket);
        Assert.Equal(calls, h.LinearCalls);
    }

    [Fact]
    public async Task A_ticket_that_already_links_the_evidence_is_reused_not_duplicated()
    {
        await using var h = await TicketHarness.StartAsync();
        var before = h.Issues().Count;

        var outcome = await h.FileAsync("login-loop");

        Assert.Equal("AGT-343", outcome!.Ticket.Identifier);
        Assert.Equal(TicketAction.Updated, outcome.Action);
        Assert.Equal(before, h.Issues().Count);
        var (context, _) = h.Theme("login-loop");
        Assert.Equal(context.Items.Select(i => i.Url).Order(), h.Issue("AGT-343").Attachments.Select(a => a.Url).Distinct().Order());
        Assert.Contains(h.Audit.Entries, e => e.Kind == "linear.link" && e.Target == "AGT-343");
    }

    [Fact]
    public async Task A_report_that_moved_to_another_theme_does_not_make_that_theme_an_update_of_the_ticket_it_left()
    {
        await using var h = await TicketHarness.StartAsync();
        var (paths, pathsDraft) = h.Theme("windows-path-spaces");
        var first = await h.Writer.FileAsync(paths, pathsDraft, CancellationToken.None);
        Assert.Equal(TicketAction.Created, first!.Action);

        // The next run: one report of the path theme (attached to its ticket) now sits in the MCP theme, and both are live.
        var (mcp, _) = h.Theme("mcp-server-timeout");
        var moved = paths.Items[^1];
        var items = mcp.Items.Append(moved).ToList();
        var next = h.Context("mcp-server-timeout", items);
        await h.Writer.PrepareAsync([paths, next], CancellationToken.None);

        var outcome = await h.Writer.FileAsync(next, h.Agent.Summarize(next), CancellationToken.None);

        Assert.Equal(TicketAction.Created, outcome!.Action);
        Assert.NotEqual(first.Ticket.Identifier, outcome.Ticket.Identifier);
        Assert.DoesNotContain(h.Audit.Entries, e => e.Kind == "linear.link" && e.Target == first.Ticket.Identifier);
    }

    [Fact]
    public async Task A_theme_whose_reports_carry_the_ticket_of_a_theme_gone_from_the_run_takes_that_ticket()
    {
        await using var h = await TicketHarness.StartAsync();
        var first = await h.FileAsync("windows-path-spaces", take: 8);
        Assert.Equal(TicketAction.Created, first!.Action);

        // The theme that filed the ticket is not among this run's themes (its reports are all in another): the ticket is reused.
        var (paths, _) = h.Theme("windows-path-spaces");
        var renamed = h.Context("th-renamed", paths.Items);
        await h.Writer.PrepareAsync([renamed], CancellationToken.None);

        var outcome = await h.Writer.FileAsync(renamed, h.Agent.Summarize(renamed), CancellationToken.None);

        Assert.Equal(first.Ticket.Identifier, outcome!.Ticket.Identifier);
        Assert.Contains(h.Audit.Entries, e => e.Kind == "linear.link" && e.Target == first.Ticket.Identifier);
    }

    [Fact]
    public async Task A_theme_held_beside_a_larger_one_gets_no_ticket_until_it_stands_apart()
    {
        await using var h = await TicketHarness.StartAsync();
        var before = h.Issues().Count;
        var (context, draft) = h.Theme("windows-path-spaces");
        var held = context with { ReadsLike = new NearestTheme("th-larger", 0.31) };

        Assert.Null(await h.Writer.FileAsync(held, draft, CancellationToken.None));
        Assert.Equal(before, h.Issues().Count);
        Assert.DoesNotContain(h.Audit.Entries, e => e.Kind == "linear.issueCreate");

        // A later run in which it no longer reads like the larger theme files it.
        var filed = await h.Writer.FileAsync(context, draft, CancellationToken.None);
        Assert.Equal(TicketAction.Created, filed!.Action);
        Assert.Equal(before + 1, h.Issues().Count);
    }

    [Fact]
    public async Task A_held_theme_still_reaches_a_ticket_that_already_carries_its_evidence()
    {
        await using var h = await TicketHarness.StartAsync();
        var (loginLoop, loginDraft) = h.Theme("login-loop");
        var (paths, pathsDraft) = h.Theme("windows-path-spaces", take: 5);
        var first = await h.Writer.FileAsync(paths, pathsDraft, CancellationToken.None);
        var before = h.Issues().Count;
        var like = new NearestTheme("th-larger", 0.31);

        // A person's ticket (AGT-343) links login-loop's evidence; windows-path-spaces was filed by an earlier run.
        var linked = await h.Writer.FileAsync(loginLoop with { ReadsLike = like }, loginDraft, CancellationToken.None);
        var (allPaths, _) = h.Theme("windows-path-spaces");
        var updated = await h.Writer.FileAsync(allPaths with { ReadsLike = like }, pathsDraft, CancellationToken.None);

        Assert.Equal(("AGT-343", TicketAction.Updated), (linked!.Ticket.Identifier, linked.Action));
        Assert.Equal((first!.Ticket, TicketAction.Updated), (updated!.Ticket, updated.Action));
        Assert.Equal(before, h.Issues().Count);
    }

    [Fact]
    public async Task A_run_killed_after_issueCreate_is_reconciled_by_the_next_into_exactly_one_ticket()
    {
        await using var h = await TicketHarness.StartAsync();
        var before = h.Issues().Count;
        h.Kill.KillAfterOperation = "TriageBotIssueCreate";

        await Assert.ThrowsAnyAsync<Exception>(() => h.FileAsync("slow-first-token"));
        Assert.Equal(before + 1, h.Issues().Count);
        Assert.NotNull(await h.Store.GetIntentAsync("slow-first-token", CancellationToken.None));
        Assert.Null(await h.Store.GetAsync("slow-first-token", CancellationToken.None));
        Assert.Empty(h.Issues().Last().Attachments);

        h.Kill.Revive();
        var outcome = await h.FileAsync("slow-first-token");

        Assert.Equal(before + 1, h.Issues().Count);
        var issue = h.Issue(outcome!.Ticket.Identifier);
        Assert.Same(h.Issues().Last(), issue);
        var (context, _) = h.Theme("slow-first-token");
        Assert.Equal(context.Items.Count, issue.Attachments.Count);
        Assert.Null(await h.Store.GetIntentAsync("slow-first-token", CancellationToken.None));
        Assert.Contains(h.Audit.Entries, e => e.Kind == "linear.reconcile" && e.Target == issue.Identifier);
    }

    [Fact]
    public async Task Rate_limited_answers_are_retried_without_losing_or_duplicating_a_ticket()
    {
        await using var h = await TicketHarness.StartAsync(new() { ["Linear:MaxRateLimitRetries"] = "6" });
        var before = h.Issues().Count;
        h.Sandbox.Faults.Add(new FaultRule("linear", FaultKind.RateLimit, Rate: 0.3, Count: 12));

        var outcome = await h.FileAsync("mcp-server-timeout");

        Assert.Equal(TicketAction.Created, outcome!.Action);
        Assert.Equal(before + 1, h.Issues().Count);
        var (context, _) = h.Theme("mcp-server-timeout");
        Assert.Equal(context.Items.Count, h.Issue(outcome.Ticket.Identifier).Attachments.Count);
        Assert.True(h.Metrics.Get("linear.ratelimited") > 0, "no rate limit was injected");
    }

    [Fact]
    public async Task New_evidence_becomes_attachments_and_one_comment_when_the_theme_grew()
    {
        await using var h = await TicketHarness.StartAsync();
        var first = await h.FileAsync("windows-path-spaces", take: 8);
        Assert.Equal(TicketAction.Created, first!.Action);

        var small = await h.FileAsync("windows-path-spaces", take: 9);
        Assert.Equal(TicketAction.Updated, small!.Action);
        Assert.Equal(1, small.AttachmentsAdded);
        Assert.Empty(h.Issue(first.Ticket.Identifier).Comments);

        var grown = await h.FileAsync("windows-path-spaces");
        Assert.Equal(TicketAction.Updated, grown!.Action);
        Assert.Equal(12, grown.AttachmentsAdded);
        var issue = h.Issue(first.Ticket.Identifier);
        Assert.Equal(21, issue.Attachments.Count);
        var comment = Assert.Single(issue.Comments);
        Assert.Contains("12 new reports", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_ticket_whose_theme_returns_gets_a_regression_ticket()
    {
        await using var h = await TicketHarness.StartAsync();
        var first = await h.FileAsync("diff-large-files", take: 5);
        lock (h.Sandbox.State.Sync) h.Sandbox.State.Linear.FindIssue(first!.Ticket.IssueId)!.State = "Done";

        var back = await h.FileAsync("diff-large-files");

        Assert.Equal(TicketAction.Created, back!.Action);
        Assert.NotEqual(first.Ticket.Identifier, back.Ticket.Identifier);
        var issue = h.Issue(back.Ticket.Identifier);
        Assert.StartsWith("Regression: ", issue.Title, StringComparison.Ordinal);
        Assert.Contains(first.Ticket.Identifier, issue.Description, StringComparison.Ordinal);
        Assert.Equal(back.Ticket, (await h.Store.GetAsync("diff-large-files", CancellationToken.None))!.Ticket);
    }

    [Fact]
    public async Task Suggest_mode_writes_nothing()
    {
        await using var h = await TicketHarness.StartAsync(new() { ["Tickets:Mode"] = "Suggest" });
        var before = h.Issues().Count;

        Assert.Null(await h.FileAsync("jetbrains-plugin"));
        Assert.Equal(0, h.LinearCalls);
        Assert.Equal(before, h.Issues().Count);

        var (context, draft) = h.Theme("jetbrains-plugin");
        var approved = await h.Writer.FileApprovedAsync(context, draft, CancellationToken.None);
        Assert.Equal(TicketAction.Created, approved!.Action);
    }

    [Fact]
    public async Task A_goal_linked_to_a_project_files_into_it_and_routes_pick_the_team()
    {
        await using var h = await TicketHarness.StartAsync(new()
        {
            ["Linear:Routes:0:Match"] = "cinder-labs/cinder-desktop",
            ["Linear:Routes:0:Team"] = "SUR",
        });
        var (context, draft) = h.Theme("diff-large-files");
        var goals = context.Goals.Select(g => g.Id == "g2" ? g with { LinearProjectId = "Latency sprint" } : g).ToList();
        Assert.Equal("g2", draft.GoalId);

        var outcome = await h.Writer.FileAsync(context with { Goals = goals }, draft, CancellationToken.None);

        var issue = h.Issue(outcome!.Ticket.Identifier);
        Assert.Equal("prj-latency", issue.ProjectId);
        Assert.Equal("team-surfaces", issue.TeamId);
    }
}
