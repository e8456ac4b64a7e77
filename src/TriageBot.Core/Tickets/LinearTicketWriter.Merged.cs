using Microsoft.Extensions.Logging;
using TriageBot.Agent;
using TriageBot.Domain;

namespace TriageBot.Tickets;

public sealed partial class LinearTicketWriter
{
    /// <summary>
    /// Marks the tickets of themes that merged into another as duplicates (<see cref="ITicketWriter.MarkMergedAsync"/>).
    /// The ticket is related, commented and left open, never closed: a person decides, and Linear shows the relation.
    /// A survivor that already tracks the same ticket (it took the ticket over when it had none) only drops the stale mapping.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateTicket>> MarkMergedAsync(IReadOnlyList<ThemeContext> live, IReadOnlyDictionary<string, TicketOutcome> filed, CancellationToken ct)
    {
        if (_options.Mode != TicketMode.Create) return [];
        var liveIds = live.Select(c => c.Theme.Id).ToHashSet(StringComparer.Ordinal);
        var themeOfUrl = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var context in live)
            foreach (var item in context.Items) themeOfUrl[item.Url] = context.Theme.Id;

        var marked = new List<DuplicateTicket>();
        foreach (var mapping in await store.GetAllAsync(ct))
        {
            if (liveIds.Contains(mapping.ThemeId) || mapping.EvidenceUrls.Count == 0) continue;
            var (survivor, shared) = mapping.EvidenceUrls.Where(themeOfUrl.ContainsKey).GroupBy(u => themeOfUrl[u], StringComparer.Ordinal)
                .Select(g => (Theme: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Theme, StringComparer.Ordinal)
                .FirstOrDefault();
            // Reports that scattered or went to noise say nothing about where the problem went: the ticket waits, and a
            // theme that forms from them again takes it back through its evidence.
            if (survivor is null || shared * 2 < mapping.EvidenceUrls.Count || !filed.TryGetValue(survivor, out var outcome)) continue;
            if (outcome.Ticket.IssueId == mapping.Ticket.IssueId)
            {
                await store.DeleteAsync(mapping.ThemeId, ct);
                continue;
            }
            var why = $"theme {mapping.ThemeId} is gone; {shared} of its {mapping.EvidenceUrls.Count} evidence links are now in theme {survivor}";
            await linear.MarkDuplicateAsync(mapping.Ticket.IssueId, outcome.Ticket.IssueId, ct);
            await AuditAsync("linear.issueRelationCreate", mapping.Ticket.Identifier, $"marked a duplicate of {outcome.Ticket.Identifier}", why, ct);
            await linear.CreateCommentAsync(mapping.Ticket.IssueId, TicketDescription.DuplicateComment(outcome.Ticket, shared, mapping.EvidenceUrls.Count), ct);
            await AuditAsync("linear.commentCreate", mapping.Ticket.Identifier, $"comment: duplicate of {outcome.Ticket.Identifier}", why, ct);
            await store.DeleteAsync(mapping.ThemeId, ct);
            logger.LogInformation("Ticket {Ticket} marked a duplicate of {Survivor}: {Why}", mapping.Ticket.Identifier, outcome.Ticket.Identifier, why);
            marked.Add(new DuplicateTicket(mapping.ThemeId, mapping.Ticket, survivor, outcome.Ticket, shared, mapping.EvidenceUrls.Count));
        }
        return marked;
    }
}
