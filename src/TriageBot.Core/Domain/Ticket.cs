namespace TriageBot.Domain;

public enum TicketAction { Created, Updated, Unchanged }

/// <summary>The Linear issue that tracks a theme.</summary>
public sealed record TicketRef(string IssueId, string Identifier, string Url);

/// <summary>What filing did for one theme this run.</summary>
public sealed record TicketOutcome(string ThemeId, TicketRef Ticket, TicketAction Action, int AttachmentsAdded)
{
    /// <summary>Where the ticket stands in its team's workflow, read after filing; null when it could not be read.</summary>
    public TicketState? State { get; init; }
}

/// <summary>
/// A ticket's workflow state: its name in the team ("In Review") and Linear's type for it (triage, backlog, unstarted,
/// started, completed, canceled), which is what progress is counted by.
/// </summary>
public sealed record TicketState(string Name, string Type);

/// <summary>
/// A ticket whose theme is gone, marked a duplicate of the ticket of the theme that now holds most of its evidence
/// (<see cref="Shared"/> of its <see cref="Evidence"/> links).
/// </summary>
public sealed record DuplicateTicket(string ThemeId, TicketRef Ticket, string SurvivorThemeId, TicketRef DuplicateOf, int Shared, int Evidence);
