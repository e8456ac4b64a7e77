using TriageBot.Agent;
using TriageBot.Domain;
using TriageBot.Storage;

namespace TriageBot.Tests.Tickets;

/// <summary>
/// A report that left its theme for another between runs is evidence of the other theme only: its ticket attaches it, and
/// the ticket it left detaches it. One that went to noise stays where it was.
/// </summary>
public sealed class MovedEvidenceTicketTests
{
    /// <summary>Files the path theme's ticket; then, as on the next run, the theme without its last report.</summary>
    private static async Task<(TicketOutcome First, ThemeContext Stayed, FeedbackItem Left)> FileThenLoseLastReportAsync(TicketHarness h)
    {
        var (paths, draft) = h.Theme("windows-path-spaces");
        var first = await h.Writer.FileAsync(paths, draft, CancellationToken.None);
        Assert.Equal(TicketAction.Created, first!.Action);
        return (first, h.Context("windows-path-spaces", paths.Items.SkipLast(1).ToList()), paths.Items[^1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_report_that_moved_to_another_theme_leaves_the_ticket_it_was_attached_to(bool leftThemeFiledFirst)
    {
        await using var h = await TicketHarness.StartAsync();
        var (first, stayed, moved) = await FileThenLoseLastReportAsync(h);

        // The next run: the report sits in the MCP theme, and the path theme holds the rest.
        var (mcp, _) = h.Theme("mcp-server-timeout");
        var took = h.Context("mcp-server-timeout", mcp.Items.Append(moved).ToList());
        await h.Writer.PrepareAsync([stayed, took], CancellationToken.None);
        var order = leftThemeFiledFirst ? new[] { stayed, took } : [took, stayed];
        var outcomes = new Dictionary<string, TicketOutcome>();
        foreach (var context in order)
            outcomes[context.Theme.Id] = (await h.Writer.FileAsync(context, h.Agent.Summarize(context), CancellationToken.None))!;

        Assert.Equal(TicketAction.Updated, outcomes["windows-path-spaces"].Action);
        Assert.Equal(TicketAction.Created, outcomes["mcp-server-timeout"].Action);
        var left = h.Issue(first.Ticket.Identifier);
        Assert.DoesNotContain(left.Attachments, a => a.Url == moved.Url);
        Assert.Equal(stayed.Items.Select(i => i.Url).Order(), left.Attachments.Select(a => a.Url).Order());
        Assert.Contains(h.Issue(outcomes["mcp-server-timeout"].Ticket.Identifier).Attachments, a => a.Url == moved.Url);
        var detach = Assert.Single(h.Audit.Entries, e => e.Kind == "linear.attachmentDelete");
        Assert.Equal(first.Ticket.Identifier, detach.Target);
        Assert.Contains("mcp-server-timeout", detach.Why, StringComparison.Ordinal);
        var mapping = await h.Store.GetAsync("windows-path-spaces", CancellationToken.None);
        Assert.DoesNotContain(moved.Url, mapping!.EvidenceUrls);

        // The run after that sees the same themes: nothing left to send.
        var calls = h.LinearCalls;
        await h.Writer.PrepareAsync([stayed, took], CancellationToken.None);
        foreach (var context in order)
            Assert.Equal(TicketAction.Unchanged, (await h.Writer.FileAsync(context, h.Agent.Summarize(context), CancellationToken.None))!.Action);
        Assert.Equal(calls, h.LinearCalls);
    }

    [Fact]
    public async Task A_report_that_moved_to_a_theme_with_no_ticket_stays_attached()
    {
        await using var h = await TicketHarness.StartAsync();
        var (first, stayed, moved) = await FileThenLoseLastReportAsync(h);

        // Its new theme is held beside a larger one it reads like, so it gets no ticket this run.
        var (mcp, _) = h.Theme("mcp-server-timeout", take: 3);
        var held = h.Context("mcp-server-timeout", mcp.Items.Append(moved).ToList()) with { ReadsLike = new NearestTheme("windows-path-spaces", 0.5) };
        await h.Writer.PrepareAsync([stayed, held], CancellationToken.None);

        Assert.Null(await h.Writer.FileAsync(held, h.Agent.Summarize(held), CancellationToken.None));
        Assert.Equal(TicketAction.Unchanged, (await h.Writer.FileAsync(stayed, h.Agent.Summarize(stayed), CancellationToken.None))!.Action);
        Assert.Contains(h.Issue(first.Ticket.Identifier).Attachments, a => a.Url == moved.Url);
    }

    [Fact]
    public async Task A_report_that_moved_between_two_themes_sharing_one_ticket_stays_on_it()
    {
        await using var h = await TicketHarness.StartAsync();
        var (first, stayed, moved) = await FileThenLoseLastReportAsync(h);
        // A theme that took the path ticket over while the path theme was gone from a run, which then came back with it.
        var (mcp, _) = h.Theme("mcp-server-timeout");
        var shares = h.Context("th-took-over", mcp.Items.Append(moved).ToList());
        await h.Store.SaveAsync(new TicketMapping("th-took-over", first.Ticket, [.. shares.Items.Select(i => i.Url)], "key", shares.Items.Count),
            CancellationToken.None);
        await h.Writer.PrepareAsync([stayed, shares], CancellationToken.None);

        foreach (var context in new[] { stayed, shares })
            await h.Writer.FileAsync(context, h.Agent.Summarize(context), CancellationToken.None);

        Assert.Contains(h.Issue(first.Ticket.Identifier).Attachments, a => a.Url == moved.Url);
        Assert.DoesNotContain(h.Audit.Entries, e => e.Kind == "linear.attachmentDelete");
    }

    [Fact]
    public async Task A_report_a_person_attached_stays_on_their_ticket_when_it_moves()
    {
        await using var h = await TicketHarness.StartAsync();
        // AGT-343 is a ticket a person filed, with some of the login-loop reports attached by hand; the theme links it.
        var byHand = h.Issue("AGT-343").Attachments.Select(a => a.Url).ToHashSet();
        var (loop, draft) = h.Theme("login-loop");
        Assert.Equal("AGT-343", (await h.Writer.FileAsync(loop, draft, CancellationToken.None))!.Ticket.Identifier);
        var theirs = loop.Items.First(i => byHand.Contains(i.Url));
        var ours = loop.Items.First(i => !byHand.Contains(i.Url));

        // The next run: both reports sit in the MCP theme.
        var stayed = h.Context("login-loop", loop.Items.Where(i => i != theirs && i != ours).ToList());
        var (mcp, _) = h.Theme("mcp-server-timeout");
        var took = h.Context("mcp-server-timeout", mcp.Items.Append(theirs).Append(ours).ToList());
        await h.Writer.PrepareAsync([stayed, took], CancellationToken.None);
        foreach (var context in new[] { stayed, took })
            await h.Writer.FileAsync(context, h.Agent.Summarize(context), CancellationToken.None);

        var ticket = h.Issue("AGT-343");
        Assert.Contains(ticket.Attachments, a => a.Url == theirs.Url);
        Assert.DoesNotContain(ticket.Attachments, a => a.Url == ours.Url);
        Assert.Single(h.Audit.Entries, e => e.Kind == "linear.attachmentDelete");
    }

    [Fact]
    public async Task A_report_that_went_to_noise_stays_attached()
    {
        await using var h = await TicketHarness.StartAsync();
        var (first, stayed, gone) = await FileThenLoseLastReportAsync(h);

        await h.Writer.PrepareAsync([stayed], CancellationToken.None);
        var outcome = await h.Writer.FileAsync(stayed, h.Agent.Summarize(stayed), CancellationToken.None);

        Assert.Equal(TicketAction.Unchanged, outcome!.Action);
        Assert.Contains(h.Issue(first.Ticket.Identifier).Attachments, a => a.Url == gone.Url);
        Assert.DoesNotContain(h.Audit.Entries, e => e.Kind == "linear.attachmentDelete");
    }
}
