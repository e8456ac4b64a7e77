namespace TriageBot.Domain;

public enum TicketAction { Created, Updated, Unchanged }

/// <summary>The Linear issue that tracks a theme.</summary>
public sealed record TicketRef(string IssueId, string Identifier, string Url);

/// <summary>What filing did for one theme this run.</summary>
public sealed record TicketOutcome(string ThemeId, TicketRef Ticket, TicketAction Action, int AttachmentsAdded);
