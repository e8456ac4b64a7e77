namespace TriageBot.Domain;

/// <summary>Linear priorities: 0 none, 1 urgent, 2 high, 3 medium, 4 low.</summary>
public enum TicketPriority { None = 0, Urgent = 1, High = 2, Medium = 3, Low = 4 }

/// <summary>What the agent wrote about a theme: everything a ticket and a digest line need.</summary>
public sealed record ThemeDraft
{
    public required string ThemeId { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public TicketPriority Priority { get; init; } = TicketPriority.Medium;
    public bool SmallFix { get; init; }
    public string? SmallFixReason { get; init; }
    /// <summary>Id of the eight-week goal the theme serves, or null.</summary>
    public string? GoalId { get; init; }
    /// <summary>Label names, matched to the team's existing labels when filed.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
    /// <summary>Whether it is worth a ticket at all (a theme of praise or chit-chat is not).</summary>
    public bool Actionable { get; init; } = true;
    /// <summary>Which agent wrote it: "offline" or the model id; and the prompt versions used.</summary>
    public string Author { get; init; } = "offline";
}

/// <summary>An eight-week goal a lead set.</summary>
public sealed record Goal(string Id, string Title, string Description, DateOnly Starts, DateOnly Ends, string? LinearProjectId = null);
