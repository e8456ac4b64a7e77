using TriageBot.Agent;
using TriageBot.Domain;

namespace TriageBot.Tickets;

/// <summary>
/// Files one Linear ticket per actionable theme, exactly once: an existing ticket (ours, or one a
/// person filed that already links the evidence) gets new evidence instead of a duplicate.
/// </summary>
public interface ITicketWriter
{
    /// <summary>
    /// Called once per run with every theme about to be filed, before any <see cref="FileAsync"/>: a writer may
    /// look up all their evidence in a few batched requests instead of one per theme. Optional; never throws.
    /// </summary>
    Task PrepareAsync(IReadOnlyList<ThemeContext> contexts, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Which of these evidence URLs are already attached to an open ticket (by a person or an earlier run):
    /// URL to the ticket's identifier. Lets the pipeline place items people already filed.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> FindTicketedAsync(IReadOnlyList<string> urls, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    /// <summary>Null when the theme is not filed (not actionable, or suggest mode).</summary>
    Task<TicketOutcome?> FileAsync(ThemeContext context, ThemeDraft draft, CancellationToken ct);

    /// <summary>
    /// Called once per run after every theme was filed: the ticket of a theme a person merged into another
    /// (<paramref name="mergedByPerson"/>: absorbed theme to the live theme holding its reports) is marked a duplicate of
    /// that theme's ticket, with a comment saying so, and is no longer the ticket of any theme. Optional; a failure
    /// leaves the mappings for the next run.
    /// </summary>
    Task<IReadOnlyList<DuplicateTicket>> MarkMergedAsync(IReadOnlyList<ThemeContext> live, IReadOnlyDictionary<string, TicketOutcome> filed,
        IReadOnlyDictionary<string, string> mergedByPerson, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DuplicateTicket>>([]);

    /// <summary>
    /// Where each of <paramref name="tickets"/> stands in its workflow, by issue id, read in a few batched requests after
    /// filing, for the goal board's progress. Optional; tickets it cannot read are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, TicketState>> ReadStatesAsync(IReadOnlyCollection<TicketRef> tickets, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, TicketState>>(new Dictionary<string, TicketState>());

    /// <summary>Files a draft a person approved (<c>tickets approve</c>), whatever the ticket mode says.</summary>
    Task<TicketOutcome?> FileApprovedAsync(ThemeContext context, ThemeDraft draft, CancellationToken ct);
}
