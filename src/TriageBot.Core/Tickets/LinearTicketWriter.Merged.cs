using Microsoft.Extensions.Logging;
using TriageBot.Agent;
using TriageBot.Domain;

namespace TriageBot.Tickets;

public sealed partial class LinearTicketWriter
{
    /// <summary>
    /// Marks the tickets of themes a person merged into another as duplicates (<see cref="ITicketWriter.MarkMergedAsync"/>).
    /// The ticket is related, commented and left open, never closed: a person decides, and Linear shows the relation.
    /// A survivor that already tracks the same ticket (it took the ticket over when it had none) only drops the stale mapping.
    /// Only a person's merge: the clusterer's own merges at volume come apart again within days often enough that a ticket
    /// marked a duplicate would then take new reports (docs/benchmarks.md, sessions 24 and 26), so their tickets are left
    /// as they are.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateTicket>> MarkMergedAsync(IReadOnlyList<ThemeContext> live, IReadOnlyDictionary<string, TicketOutcome> filed,
        IReadOnlyDictionary<string, string> mergedByPerson, CancellationToken ct)
    {
        if (_options.Mode != TicketMode.Create || mergedByPerson.Count == 0) return [];
        var liveIds = live.Select(c => c.Theme.Id).ToHashSet(StringComparer.Ordinal);
        var themeOfUrl = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var context in live)
            foreach (var item in context.Items) themeOfUrl[item.Url] = context.Theme.Id;

        var marked = new List<DuplicateTicket>();
        foreach (var mapping in await store.GetAllAsync(ct))
        {
            if (liveIds.Contains(mapping.ThemeId) || !mergedByPerson.TryGetValue(mapping.ThemeId, out var survivor)
                || !filed.TryGetValue(survivor, out var outcome)) continue;
            var shared = mapping.EvidenceUrls.Count(u => themeOfUrl.GetValueOrDefault(u) == survivor);
            if (outcome.Ticket.IssueId == mapping.Ticket.IssueId)
            {
                await store.DeleteAsync(mapping.ThemeId, ct);
                continue;
            }
            var why = $"a person merged theme {mapping.ThemeId} into theme {survivor}, which holds {shared} of its {mapping.EvidenceUrls.Count} evidence links";
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
