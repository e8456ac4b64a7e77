using Microsoft.Extensions.Logging;
using TriageBot.Agent;
using TriageBot.Clients.Linear;
using TriageBot.Domain;
using TriageBot.Storage;

namespace TriageBot.Tickets;

/// <summary>
/// Evidence that left a ticket's theme for another. The clusterer places an earlier run's loose reports again, and splits a
/// small fix off its area's problem with the reports earlier runs placed (and a person splits themes): the report is then
/// evidence of another theme, whose ticket attaches it, and left on the ticket it came from it tells the engineer reading
/// that ticket about a problem that is not theirs. So TriageBot's own attachment of it is detached there, once its new
/// theme has a ticket. A report that went to noise stays attached: noise today may be placed again tomorrow, and until
/// another theme claims it the report is this ticket's evidence.
/// </summary>
public sealed partial class LinearTicketWriter
{
    /// <summary>Per evidence URL, the theme of this run that holds it (<see cref="PrepareAsync"/>).</summary>
    private readonly Dictionary<string, string> _themeOfUrl = new(StringComparer.Ordinal);

    /// <summary>
    /// Fills <see cref="_themeOfUrl"/> from the run's themes that have a ticket or get one now: a report that moved to a theme
    /// held beside a larger one, or too small for a ticket, would be on no ticket if detached, and stays where it is.
    /// </summary>
    private void RecordWhereEvidenceIs(IEnumerable<ThemeContext> contexts)
    {
        foreach (var context in contexts)
            foreach (var item in context.Items)
                if (item.Url.Length > 0) _themeOfUrl[item.Url] = context.Theme.Id;
    }

    /// <summary>The issue each of the run's themes that has a ticket is mapped to (<see cref="PrepareAsync"/>).</summary>
    private readonly Dictionary<string, string> _issueOfTheme = new(StringComparer.Ordinal);

    /// <summary>
    /// The evidence <paramref name="mapping"/> records that another theme of this run holds now, with that theme. Not when
    /// that theme's ticket is this one: a theme that came back with its old ticket can share it with the theme that took it
    /// over meanwhile, and a report moving between the two stays on the one ticket they share.
    /// </summary>
    private List<(string Url, string Theme)> MovedAway(TicketMapping mapping) =>
        [.. mapping.EvidenceUrls
            .Select(url => (Url: url, Theme: _themeOfUrl.GetValueOrDefault(url)))
            .Where(m => m.Theme is not null && m.Theme != mapping.ThemeId && _issueOfTheme.GetValueOrDefault(m.Theme) != mapping.Ticket.IssueId)
            .Select(m => (m.Url, m.Theme!))];

    /// <summary>
    /// Detaches <paramref name="moved"/> from <paramref name="ticket"/> and returns the URLs the mapping no longer records.
    /// Only TriageBot's own attachments are removed: one a person attached (to a ticket they filed, which a theme then
    /// linked) is their call and stays, as does one a person already removed. A failure is logged and costs only this run:
    /// what stays recorded is detached on the next.
    /// </summary>
    private async Task<HashSet<string>> DetachMovedAsync(TicketRef ticket, List<(string Url, string Theme)> moved, string themeId, CancellationToken ct)
    {
        var detached = new HashSet<string>(StringComparer.Ordinal);
        if (moved.Count == 0) return detached;
        try
        {
            var found = await linear.FindAttachmentsAsync(moved.Select(m => m.Url).ToList(), ct);
            foreach (var (url, theme) in moved)
            {
                foreach (var attachment in (found.GetValueOrDefault(url) ?? []).Where(a => a.Issue?.Id == ticket.IssueId && a.CreatedByMe))
                {
                    if (!await linear.DeleteAttachmentAsync(attachment.Id, ct)) throw new LinearApiException($"attachmentDelete of {attachment.Id} did not succeed");
                    await AuditAsync("linear.attachmentDelete", ticket.Identifier, $"detached {url}",
                        $"the report left theme {themeId} for theme {theme}, whose ticket carries it", ct);
                }
                detached.Add(url);
            }
        }
        catch (Exception ex) when (ex is LinearApiException or HttpRequestException)
        {
            logger.LogWarning("Detaching {Count} reports that left theme {Theme} from {Issue} failed ({Error}); the next run tries again",
                moved.Count - detached.Count, themeId, ticket.Identifier, ex.Message);
        }
        return detached;
    }
}
