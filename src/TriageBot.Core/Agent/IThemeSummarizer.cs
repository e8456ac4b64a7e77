using TriageBot.Domain;

namespace TriageBot.Agent;

/// <summary>Everything the agent may look at for one theme. Item text is untrusted data.</summary>
public sealed record ThemeContext(
    Theme Theme,
    IReadOnlyList<FeedbackItem> Items,
    ThemeTrend Trend,
    IReadOnlyList<Goal> Goals,
    IReadOnlyList<string> KnownLabels)
{
    /// <summary>
    /// The larger theme this one reads like while it is too small to stand apart (<see cref="ClusteringResult.Held"/>):
    /// it gets no new ticket of its own. Null for every other theme.
    /// </summary>
    public NearestTheme? ReadsLike { get; init; }
}

/// <summary>Writes a theme's title, summary, priority, small-fix judgement, goal and labels.</summary>
public interface IThemeSummarizer
{
    Task<ThemeDraft> SummarizeAsync(ThemeContext context, CancellationToken ct);
}
