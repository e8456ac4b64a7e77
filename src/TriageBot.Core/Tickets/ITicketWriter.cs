using TriageBot.Agent;
using TriageBot.Domain;

namespace TriageBot.Tickets;

/// <summary>
/// Files one Linear ticket per actionable theme, exactly once: an existing ticket (ours, or one a
/// person filed that already links the evidence) gets new evidence instead of a duplicate.
/// </summary>
public interface ITicketWriter
{
    /// <summary>Null when the theme is not filed (not actionable, or suggest mode).</summary>
    Task<TicketOutcome?> FileAsync(ThemeContext context, ThemeDraft draft, CancellationToken ct);

    /// <summary>Files a draft a person approved (<c>tickets approve</c>), whatever the ticket mode says.</summary>
    Task<TicketOutcome?> FileApprovedAsync(ThemeContext context, ThemeDraft draft, CancellationToken ct);
}
