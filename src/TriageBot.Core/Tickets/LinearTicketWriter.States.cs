using TriageBot.Domain;

namespace TriageBot.Tickets;

public sealed partial class LinearTicketWriter
{
    /// <summary>Where the run's tickets stand (<see cref="ITicketWriter.ReadStatesAsync"/>): one query per hundred tickets.</summary>
    public async Task<IReadOnlyDictionary<string, TicketState>> ReadStatesAsync(IReadOnlyCollection<TicketRef> tickets, CancellationToken ct)
    {
        if (tickets.Count == 0) return new Dictionary<string, TicketState>();
        var states = await linear.GetIssueStatesAsync(tickets.Select(t => t.IssueId).ToList(), ct);
        return states.ToDictionary(kv => kv.Key, kv => new TicketState(kv.Value.Name, kv.Value.Type), StringComparer.Ordinal);
    }
}
