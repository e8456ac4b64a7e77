using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Agent;
using TriageBot.Clients.Linear;
using TriageBot.Diagnostics;
using TriageBot.Domain;
using TriageBot.Storage;
using TriageBot.Text;

namespace TriageBot.Dispatch;

/// <summary>
/// What dispatch did with one small fix; the run report's <c>dispatch</c> field. No pull request URL: the agent opens the
/// pull request after the run, so the report's <c>pr_url</c> stays null.
/// </summary>
public sealed record DispatchResult(string Status, string Reason)
{
    public const string DryRun = "dry-run", Opened = "opened", Skipped = "skipped", Failed = "failed";
}

/// <summary>
/// Hands the run's small fixes to a coding agent (opt-in, <see cref="DispatchOptions"/>): each ticket the agent judged
/// a small fix is delegated in Linear to the configured agent user, with a comment saying what to fix; the agent opens a
/// draft pull request. A ticket is delegated once in its life (recorded in the store), the most-reported first, at most
/// <see cref="DispatchOptions.MaxPerRun"/> per run. Not delegated: an urgent ticket (a person takes it), and a theme one
/// of whose reports addresses an AI (feedback text must never steer an agent that writes code).
/// </summary>
public sealed class SmallFixDispatcher(
    LinearGraphQLClient linear,
    ICursorStore cursors,
    IAuditLog audit,
    RunContext run,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<SmallFixDispatcher> logger)
{
    private const string CursorSource = "dispatch";

    /// <returns>A result per small-fix theme with a ticket, by theme id (none when dispatch is off).</returns>
    public async Task<IReadOnlyDictionary<string, DispatchResult>> DispatchAsync(IReadOnlyList<ThemeContext> themes,
        IReadOnlyDictionary<string, ThemeDraft> drafts, IReadOnlyDictionary<string, TicketOutcome> tickets, CancellationToken ct)
    {
        var o = options.Value;
        var results = new Dictionary<string, DispatchResult>(StringComparer.Ordinal);
        if (o.Mode == DispatchMode.Off) return results;

        var agent = o.Agent ?? "";
        LinearUser? agentUser = null;
        var handedOff = 0;
        var candidates = themes
            .Where(c => drafts.TryGetValue(c.Theme.Id, out var d) && d.SmallFix && tickets.ContainsKey(c.Theme.Id))
            .OrderByDescending(c => c.Items.Count).ThenBy(c => c.Theme.Id, StringComparer.Ordinal);
        foreach (var context in candidates)
        {
            var (draft, ticket) = (drafts[context.Theme.Id], tickets[context.Theme.Id].Ticket);
            if (await cursors.GetAsync(CursorSource, context.Theme.Id, ct) is { } earlier)
                results[context.Theme.Id] = new(DispatchResult.Skipped, $"delegated to {earlier} in an earlier run");
            else if (draft.Priority == TicketPriority.Urgent)
                results[context.Theme.Id] = new(DispatchResult.Skipped, "urgent: a person should take it");
            else if (context.Items.Any(i => Cues.SpeaksToTheBot(i.FullText)))
                results[context.Theme.Id] = new(DispatchResult.Skipped, "a report in it addresses an AI; a person should read it first");
            else if (handedOff >= o.MaxPerRun)
                results[context.Theme.Id] = new(DispatchResult.Skipped, $"over Dispatch:MaxPerRun ({o.MaxPerRun}) this run; next run");
            else if (o.Mode == DispatchMode.DryRun)
            {
                handedOff++;
                results[context.Theme.Id] = new(DispatchResult.DryRun, $"would delegate {ticket.Identifier} to {agent}");
            }
            else
            {
                handedOff++;
                try
                {
                    agentUser ??= await FindAgentAsync(agent, ct);
                    results[context.Theme.Id] = agentUser is null
                        ? new(DispatchResult.Failed, $"no active agent user named '{agent}' in the Linear workspace")
                        : await DelegateAsync(context, draft, ticket, agentUser, ct);
                }
                catch (Exception ex) when (ex is LinearApiException or HttpRequestException)
                {
                    logger.LogWarning(ex, "Delegating {Ticket} to {Agent} failed; the next run tries again", ticket.Identifier, agent);
                    results[context.Theme.Id] = new(DispatchResult.Failed, ex.Message);
                }
            }
        }
        return results;
    }

    private async Task<LinearUser?> FindAgentAsync(string agent, CancellationToken ct) =>
        (await linear.GetUsersAsync(ct)).FirstOrDefault(u => u.App && u.Active
            && (string.Equals(u.Name, agent, StringComparison.OrdinalIgnoreCase) || string.Equals(u.DisplayName, agent, StringComparison.OrdinalIgnoreCase)));

    private async Task<DispatchResult> DelegateAsync(ThemeContext context, ThemeDraft draft, TicketRef ticket, LinearUser agent, CancellationToken ct)
    {
        if (!await linear.DelegateIssueAsync(ticket.IssueId, agent.Id, ct))
            return new(DispatchResult.Failed, $"Linear did not delegate {ticket.Identifier} to {agent.Name}");
        // Recorded before the comment: a comment that fails must not make the next run delegate (and comment) again.
        await cursors.SetAsync(CursorSource, context.Theme.Id, $"{agent.Name} ({ticket.Identifier})", ct);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), run.RunId, "linear", ticket.Identifier,
            $"issueUpdate delegateId={agent.Id}", $"small fix: {draft.SmallFixReason}"), ct);
        await linear.CreateCommentAsync(ticket.IssueId, DispatchBrief.For(draft, context.Items.Count, agent.Name), ct);
        return new(DispatchResult.Opened, $"delegated {ticket.Identifier} to {agent.Name}, which opens a draft pull request");
    }
}
