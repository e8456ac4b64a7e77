using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TriageBot.Agent;
using TriageBot.Clients.Linear;

namespace TriageBot.Tickets;

/// <summary>
/// Before and while filing: which evidence each theme may attach this run (<see cref="EvidenceBudget"/>), and which
/// tickets already link it (attachmentsForURL, batched for the whole run in <see cref="PrepareAsync"/>).
/// </summary>
public sealed partial class LinearTicketWriter
{
    /// <summary>attachmentsForURL answers looked up by <see cref="PrepareAsync"/> for this run; each is used once.</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<LinearAttachment>> _prefetched = new(StringComparer.Ordinal);

    /// <summary>
    /// Per Linear issue id, the theme of this run (<see cref="PrepareAsync"/>) that the issue is the ticket of. A report
    /// can move from one theme to another between runs (the clusterer places an earlier run's loose members again), and
    /// its attachment then still sits on the ticket it left: that must not make its new theme an update of a ticket
    /// another live theme owns.
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _ownedByLiveTheme = new(StringComparer.Ordinal);

    /// <summary>What each theme of this run may attach (<see cref="PrepareAsync"/>).</summary>
    private EvidenceBudget _budget = EvidenceBudget.Unlimited;

    /// <summary>
    /// Each theme's evidence links as <see cref="PrepareAsync"/> built them for the budget, taken once by its filing: at
    /// 100,000 reports building them twice (a gist and a title per report) is work the run need not repeat.
    /// </summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<EvidenceLink>> _evidence = new(StringComparer.Ordinal);

    /// <summary>The theme's evidence links: those <see cref="PrepareAsync"/> built, or built now (a run that was not prepared).</summary>
    private IReadOnlyList<EvidenceLink> EvidenceOf(ThemeContext context) =>
        _evidence.TryRemove(context.Theme.Id, out var built) ? built : EvidenceLinks.For(context.Items);

    /// <summary>
    /// Looks up the evidence of every theme that has no ticket yet in batched requests (URLs belong to one theme
    /// each, so one run's answers cannot go stale through the run's own filings). A failure only costs the batching:
    /// <see cref="FileAsync"/> then looks up per theme.
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<ThemeContext> contexts, CancellationToken ct)
    {
        _prefetched.Clear();
        _ownedByLiveTheme.Clear();
        _evidence.Clear();
        _budget = EvidenceBudget.Unlimited;
        _themeOfUrl.Clear();
        _issueOfTheme.Clear();
        if (_options.Mode != TicketMode.Create) return;
        // One read of the mappings answers three questions: which of the run's themes have a ticket, whose it is, and
        // which evidence each has attached already.
        var live = contexts.Select(c => c.Theme.Id).ToHashSet(StringComparer.Ordinal);
        var attached = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var mapping in await store.GetAllAsync(ct))
        {
            if (!live.Contains(mapping.ThemeId)) continue;
            attached[mapping.ThemeId] = mapping.EvidenceUrls.ToHashSet(StringComparer.Ordinal);
            _ownedByLiveTheme[mapping.Ticket.IssueId] = mapping.ThemeId;
            _issueOfTheme[mapping.ThemeId] = mapping.Ticket.IssueId;
        }
        RecordWhereEvidenceIs(contexts.Where(c => attached.ContainsKey(c.Theme.Id) || (c.Items.Count >= _options.MinItems && c.ReadsLike is null)));
        var filed = contexts.Where(c => c.Items.Count >= _options.MinItems)
            .Select(c => (Id: c.Theme.Id, Evidence: _evidence[c.Theme.Id] = EvidenceLinks.For(c.Items))).ToList();
        _budget = EvidenceBudget.Share(_options.MaxEvidencePerRun, filed.ToDictionary(f => f.Id,
            f => attached.TryGetValue(f.Id, out var known) ? f.Evidence.Count(e => !known.Contains(e.Url)) : f.Evidence.Count, StringComparer.Ordinal));
        if (_budget.Granted < _budget.Wanted)
            logger.LogInformation("Attaching {Granted} of {Wanted} new evidence links this run (Tickets:MaxEvidencePerRun, within Linear's hourly limit); the next runs attach the rest",
                _budget.Granted, _budget.Wanted);
        var urls = filed.Where(f => !attached.ContainsKey(f.Id)).SelectMany(f => _budget.Take(f.Id, f.Evidence).Select(e => e.Url)).ToList();
        if (urls.Count == 0) return;
        try
        {
            foreach (var (url, attachments) in await linear.FindAttachmentsAsync(urls, ct)) _prefetched[url] = attachments;
        }
        catch (Exception ex) when (ex is LinearApiException or HttpRequestException)
        {
            logger.LogWarning("Looking up evidence for {Count} URLs ahead of filing failed ({Error}); each theme looks up its own", urls.Count, ex.Message);
            _prefetched.Clear();
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> FindTicketedAsync(IReadOnlyList<string> urls, CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (urls.Count == 0) return result;
        foreach (var (url, attachments) in await linear.FindAttachmentsAsync(urls.Distinct(StringComparer.Ordinal).ToList(), ct))
        {
            if (attachments.Select(a => a.Issue).FirstOrDefault(i => i is { IsClosed: false }) is { } issue) result[url] = issue.Identifier;
        }
        return result;
    }

    private async Task<(LinearIssue Issue, HashSet<string> AttachedUrls)?> FindExistingAsync(string themeId, IReadOnlyList<EvidenceLink> evidence, CancellationToken ct)
    {
        var hits = new Dictionary<string, (LinearIssue Issue, HashSet<string> Urls)>(StringComparer.Ordinal);
        // Answers prefetched for this run are used once; the rest in one batched lookup, which throws rather than
        // answer "none" for a URL it could not read.
        var found = new Dictionary<string, IReadOnlyList<LinearAttachment>>(StringComparer.Ordinal);
        foreach (var link in evidence)
        {
            if (_prefetched.TryRemove(link.Url, out var cached)) found[link.Url] = cached;
        }
        var missing = evidence.Select(e => e.Url).Where(u => !found.ContainsKey(u)).ToList();
        if (missing.Count > 0)
        {
            foreach (var (url, attachments) in await linear.FindAttachmentsAsync(missing, ct)) found[url] = attachments;
        }
        foreach (var link in evidence)
        {
            foreach (var attachment in found.GetValueOrDefault(link.Url) ?? [])
            {
                if (attachment.Issue is not { } issue) continue;
                if (_ownedByLiveTheme.TryGetValue(issue.Id, out var owner) && owner != themeId) continue;
                if (!hits.TryGetValue(issue.Id, out var hit)) hits[issue.Id] = hit = (issue, new HashSet<string>(StringComparer.Ordinal));
                hit.Urls.Add(link.Url);
            }
        }
        if (hits.Count == 0) return null;
        // Prefer an open ticket, then the one holding most of the evidence.
        var best = hits.Values.OrderBy(h => h.Issue.IsClosed).ThenByDescending(h => h.Urls.Count).ThenBy(h => h.Issue.Identifier, StringComparer.Ordinal).First();
        return (best.Issue, best.Urls);
    }
}
