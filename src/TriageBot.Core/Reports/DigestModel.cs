using TriageBot.Domain;

namespace TriageBot.Reports;

/// <summary>
/// Everything the PM's daily digest says, independent of format: the Markdown, HTML and Slack renderers
/// only lay it out. Text in here is raw (unescaped); each renderer escapes for its own format.
/// </summary>
public sealed record DigestModel
{
    public required string RunId { get; init; }
    public required DateTimeOffset Date { get; init; }
    public required DigestHeadline Headline { get; init; }
    /// <summary>The themes shown in full, by priority then volume.</summary>
    public required IReadOnlyList<DigestTheme> TopThemes { get; init; }
    /// <summary>How many themes the run has beyond <see cref="TopThemes"/>.</summary>
    public required int OtherThemes { get; init; }
    public required IReadOnlyList<DigestTheme> SmallFixes { get; init; }
    public required IReadOnlyList<DigestGoal> Goals { get; init; }
    /// <summary>New, rising or high-priority themes that serve none of the goals.</summary>
    public required IReadOnlyList<DigestTheme> UncoveredHotThemes { get; init; }
}

public sealed record DigestHeadline(
    int ItemsFetched,
    IReadOnlyList<SourceCount> BySource,
    int Themes,
    int NewThemes,
    int RisingThemes,
    int TicketsCreated,
    int TicketsUpdated,
    int NoiseItems,
    double NoiseShare)
{
    /// <summary>Themes that got no ticket because they read like a larger theme of this run (<see cref="DigestTheme.HeldBeside"/>).</summary>
    public int TicketsHeld { get; init; }
}

public sealed record SourceCount(string Source, string Label, int Count);

public sealed record DigestTheme
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required string Trend { get; init; }
    public required int ItemCount { get; init; }
    public required IReadOnlyList<SourceCount> BySource { get; init; }
    public required IReadOnlyList<DigestQuote> Quotes { get; init; }
    public ReportTicket? Ticket { get; init; }
    public TicketPriority Priority { get; init; }
    public string? GoalId { get; init; }
    public string? GoalTitle { get; init; }
    public bool SmallFix { get; init; }
    /// <summary>Why the agent judged it a small fix, when it said.</summary>
    public string? SmallFixReason { get; init; }
    /// <summary>What dispatch did with it this run (<c>Dispatch:Mode</c>), when it did anything.</summary>
    public ReportDispatch? Dispatch { get; init; }
    /// <summary>
    /// Set when the theme has no ticket because it is a few reports that read like this larger theme: the reader sees
    /// where its reports are looked after instead of a theme that seems to have been dropped.
    /// </summary>
    public DigestHeldBeside? HeldBeside { get; init; }
}

/// <summary>The larger theme a held theme reads like, with that theme's ticket when it has one.</summary>
public sealed record DigestHeldBeside(string ThemeId, string Title, ReportTicket? Ticket);

public sealed record DigestQuote(string Text, string Url, string SourceLabel, string Author);

/// <summary>One eight-week goal on the board: where it stands and what users say about it.</summary>
public sealed record DigestGoal(
    Goal Goal,
    string Progress,
    IReadOnlyList<DigestTheme> Themes,
    int FeedbackItems)
{
    /// <summary>How many of <see cref="FeedbackItems"/> were written in the seven days before the run.</summary>
    public int LastWeekItems { get; init; }

    public IEnumerable<DigestTheme> Ticketed => Themes.Where(t => t.Ticket is not null);
}
