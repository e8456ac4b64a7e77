using TriageBot.Domain;

namespace TriageBot.Pipeline;

/// <summary>
/// A theme's trend from when its items were reported: the last seven days against the seven before.
/// Based on the items' own times (not on when we first read them), so a first run over a backlog
/// still tells rising from falling.
/// </summary>
public static class ThemeTrendCalculator
{
    public static ThemeTrend Compute(IEnumerable<FeedbackItem> items, DateTimeOffset now)
    {
        var week = TimeSpan.FromDays(7);
        int recent = 0, prior = 0, older = 0;
        foreach (var item in items)
        {
            var last = item.Replies.Count > 0 ? item.Replies.Max(r => r.CreatedAt) : item.CreatedAt;
            var age = now - (last > item.CreatedAt ? last : item.CreatedAt);
            if (age <= week) recent++;
            else if (age <= week * 2) prior++;
            else older++;
        }
        if (prior == 0 && older == 0) return ThemeTrend.New;
        if (recent > prior * 1.5 && recent >= 2) return ThemeTrend.Rising;
        if (recent * 1.5 < prior) return ThemeTrend.Falling;
        return ThemeTrend.Steady;
    }
}
