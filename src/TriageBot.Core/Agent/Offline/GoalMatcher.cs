using TriageBot.Agent.Text;
using TriageBot.Domain;

namespace TriageBot.Agent.Offline;

/// <summary>The goal a theme serves (null: none), its score, why, and every goal's score for diagnostics.</summary>
public sealed record GoalMatch(string? GoalId, double Score, string Reason, string Scores = "");

/// <summary>
/// Maps a theme to the eight-week goal whose title and description its reports talk about.
/// A goal term counts by the share of the theme's reports that use it, weighted by how specific
/// the term is among the goals; nothing close enough means no goal.
/// </summary>
public static class GoalMatcher
{
    /// <summary>Minimum score to map at all; below it the theme serves no goal.</summary>
    public const double Threshold = 0.34;

    /// <summary>The best goal must beat the runner-up by this factor, or the call is too close to make.</summary>
    public const double Margin = 1.2;

    /// <summary>
    /// Words goals are written with that say nothing about a topic ("cut", "first", "without"). They
    /// still form phrases ("first token"), but alone they do not tie a theme to a goal.
    /// </summary>
    private static readonly HashSet<string> WeakWords = new(StringComparer.Ordinal)
    {
        "run", "new", "first", "work", "without", "change", "stay", "close", "between", "long", "large", "default",
        "minute", "hour", "useful", "cut", "gap", "ten", "goe", "able", "good", "better", "right", "best", "easy",
        "class", "way", "platform", "trust", "keep", "start", "end", "go", "come", "give", "take", "less", "full",
        // The kind of defect, not its topic: a broken link, a crash, a wrong number or label can sit in any
        // area of a product, so these words alone must not pull a theme to a goal that happens to use them.
        "link", "typo", "crash", "crashe", "error", "bug", "fix", "broken", "never", "number", "count", "label",
        // Terms are stemmed (TextTokens.Stem), so "fail" stands for "failed" and "failing" too.
        "text", "copy", "message", "button", "page", "screen", "feature", "request", "wrong", "fail", "failure",
    };

    /// <summary>
    /// Whether <paramref name="goal"/> is running on <paramref name="today"/>: a theme is mapped only to a goal whose
    /// window holds the day. A missing start or end (a goal configured without dates) leaves that side open.
    /// </summary>
    public static bool IsLive(Goal goal, DateOnly? today) =>
        today is not { } day || ((goal.Starts == default || goal.Starts <= day) && (goal.Ends == default || day <= goal.Ends));

    public static GoalMatch Match(IReadOnlyList<FeedbackItem> items, IReadOnlyList<Goal> goals, DateOnly? today = null, CorpusStatistics? corpus = null)
    {
        var live = goals.Where(g => IsLive(g, today)).ToList();
        if (live.Count == 0 || items.Count == 0) return new(null, 0, "no goals");

        var itemTerms = items.Select(i => new HashSet<string>(TextTokens.TermsWithBigrams(FeedbackText.Prose(i.FullText)), StringComparer.Ordinal)).ToList();
        double Share(string term)
        {
            var share = (double)itemTerms.Count(s => s.Contains(term)) / itemTerms.Count;
            if (corpus is null || share == 0) return share;
            // Lift over the whole feedback: a word most reports use says little about this theme.
            var lift = share / Math.Max(corpus.Share(term), 1.0 / Math.Max(1, corpus.Documents));
            return share * Math.Clamp(Math.Log2(lift) / 3.0, 0, 1);
        }

        var goalTerms = live.ToDictionary(g => g, g => new HashSet<string>(TextTokens.TermsWithBigrams(g.Title + ". " + g.Description), StringComparer.Ordinal));
        var goalDf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in goalTerms.Values)
        {
            foreach (var t in terms) goalDf[t] = goalDf.GetValueOrDefault(t) + 1;
        }

        var scored = live.Select(g =>
        {
            var terms = goalTerms[g].Where(t => t.Contains('_') || !WeakWords.Contains(t)).ToHashSet(StringComparer.Ordinal);
            var contributions = terms
                .Select(t => (Term: t, Weight: Share(t) * Math.Log(1.0 + (double)live.Count / goalDf[t]) * (t.Contains('_') ? 2.0 : 1.0)))
                .Where(x => x.Weight > 0)
                .OrderByDescending(x => x.Weight)
                .ToList();
            var score = contributions.Sum(x => x.Weight) / Math.Sqrt(Math.Max(4, terms.Count(t => !t.Contains('_'))));
            return (Goal: g, Score: score, Terms: contributions.Take(3).Select(x => x.Term.Replace('_', ' ')).ToList());
        }).OrderByDescending(x => x.Score).ToList();

        var scores = string.Join(" ", scored.Select(x => $"{x.Goal.Id}={x.Score:0.00}[{string.Join("|", x.Terms)}]"));
        var best = scored[0];
        var runnerUp = scored.Count > 1 ? scored[1].Score : 0;
        if (best.Score < Threshold || best.Score < runnerUp * Margin)
        {
            return new(null, best.Score, $"no goal close enough (best {best.Goal.Id} at {best.Score:0.00})", scores);
        }
        return new(best.Goal.Id, best.Score, $"reports talk about {string.Join(", ", best.Terms)}", scores);
    }
}
