using System.Text.RegularExpressions;
using TriageBot.Agent.Text;
using TriageBot.Domain;

namespace TriageBot.Agent.Offline;

/// <summary>The goal a theme serves (null: none), its score, why, and every goal's score for diagnostics.</summary>
public sealed record GoalMatch(string? GoalId, double Score, string Reason, string Scores = "");

/// <summary>
/// Maps a theme to the eight-week goal whose title and description its reports talk about.
/// A goal term counts by the share of the theme's reports that use it, weighted by how specific
/// the term is among the goals; nothing close enough means no goal. A goal's sentences that say what it does
/// not cover ("disputes are out of scope") count against it: a theme that talks more about those than about the
/// goal's own words is not the goal's work.
/// </summary>
public static partial class GoalMatcher
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

        var itemTerms = ThemeTerms(items);
        double Share(string term)
        {
            var share = (double)itemTerms.Count(s => s.Contains(term)) / itemTerms.Count;
            if (corpus is null || share == 0) return share;
            // Lift over the whole feedback: a word most reports use says little about this theme.
            var lift = share / Math.Max(corpus.Share(term), 1.0 / Math.Max(1, corpus.Documents));
            return share * Math.Clamp(Math.Log2(lift) / 3.0, 0, 1);
        }

        var goalText = live.ToDictionary(g => g, Read);
        var goalTerms = live.ToDictionary(g => g, g => new HashSet<string>(TextTokens.TermsWithBigrams(WithoutIdentifiers(goalText[g].Scope)), StringComparer.Ordinal));
        var goalDf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in goalTerms.Values)
        {
            foreach (var t in terms) goalDf[t] = goalDf.GetValueOrDefault(t) + 1;
        }

        (double Score, List<string> Terms) Score(IEnumerable<string> goalWords, Func<string, int> goalsUsing)
        {
            var terms = goalWords.Where(t => t.Contains('_') || !WeakWords.Contains(t)).ToHashSet(StringComparer.Ordinal);
            var contributions = terms
                .Select(t => (Term: t, Weight: Share(t) * Math.Log(1.0 + (double)live.Count / goalsUsing(t)) * (t.Contains('_') ? 2.0 : 1.0)))
                .Where(x => x.Weight > 0)
                .OrderByDescending(x => x.Weight)
                .ToList();
            var score = contributions.Sum(x => x.Weight) / Math.Sqrt(Math.Max(4, terms.Count(t => !t.Contains('_'))));
            return (score, contributions.Take(3).Select(x => x.Term.Replace('_', ' ')).ToList());
        }

        var scored = live.Select(g =>
        {
            var (score, terms) = Score(goalTerms[g], t => goalDf[t]);
            // Only the words the goal's own sentences do not use: "account" in "a verified account" and in "a shared
            // account is not part of this goal" says nothing either way.
            var excluded = TextTokens.TermsWithBigrams(goalText[g].Excluded).Where(t => !goalTerms[g].Contains(t)).ToList();
            var (against, excludedTerms) = Score(excluded, t => goalDf.GetValueOrDefault(t) + 1);
            return against > score ? new GoalScore(g, 0.0, against, excludedTerms, excluded) : new GoalScore(g, score, 0.0, terms, excluded);
        }).OrderByDescending(x => x.Score).ToList();

        var scores = string.Join(" ", scored.Select(x => x.Against > 0
            ? $"{x.Goal.Id}=out of scope {x.Against:0.00}[{string.Join("|", x.Terms)}]"
            : $"{x.Goal.Id}={x.Score:0.00}[{string.Join("|", x.Terms)}]"));
        var best = scored[0];
        // A goal that says the theme's subject is someone else's work is a rival like a second goal: the theme goes to
        // another goal only if that one is clearly closer ("notifications are owned by other teams" must not send a
        // notification problem to the next goal that mentions payments).
        // But a fence around what the best goal itself names points at that goal ("the listing syndication feeds, which other
        // teams own" beside a goal of "syndicated listings that come down when a unit is leased"): only the fenced words
        // the best goal does not claim make it a rival.
        bool Claimed(string term) => term.Split('_').All(part => goalTerms[best.Goal].Any(own => SharesStem(part, own)));
        double Fence(GoalScore x) =>
            x.Against <= 0 || x.Goal == best.Goal ? 0 : Score(x.Excluded.Where(t => !Claimed(t)), t => goalDf.GetValueOrDefault(t) + 1).Score;
        var runnerUp = Math.Max(scored.Count > 1 ? scored[1].Score : 0, scored.Max(Fence));
        if (best.Score < Threshold || best.Score < runnerUp * Margin)
        {
            return new(null, best.Score, $"no goal close enough (best {best.Goal.Id} at {best.Score:0.00})", scores);
        }
        return new(best.Goal.Id, best.Score, $"reports talk about {string.Join(", ", best.Terms)}", scores);
    }

    /// <summary>
    /// Splits a goal into the text of what it covers (title and description) and the sentences that say what it does
    /// not ("… are out of scope", "… is a separate roadmap item", "… belong to the Fraud plan"). Leads write these to
    /// fence a goal off from its neighbours' work, so they mark exactly the near-misses its words would otherwise pull in.
    /// </summary>
    public static (string Scope, string Excluded) Read(Goal goal)
    {
        var scope = new List<string>();
        var excluded = new List<string>();
        foreach (var sentence in SentenceEnd().Split(goal.Description))
        {
            if (OutOfScope().Match(sentence) is not { Success: true } marker)
            {
                scope.Add(sentence);
                continue;
            }
            // "Faster refunds, but chargebacks are out of scope": the clause before the turn is still the goal's.
            var turn = ClauseTurn().Matches(sentence[..marker.Index]).LastOrDefault();
            if (turn is not null) scope.Add(sentence[..turn.Index]);
            excluded.Add(turn is null ? sentence : sentence[turn.Index..]);
        }
        return (goal.Title + ". " + string.Join(" ", scope), string.Join(" ", excluded));
    }

    /// <summary>A goal's score for a theme; or, when the theme talks more about what the goal fences off, 0 and that fence's score.</summary>
    private sealed record GoalScore(Goal Goal, double Score, double Against, List<string> Terms, List<string> Excluded);

    /// <summary>Whether two stemmed words are one ("syndication" and "syndicat", "list" and "listing"): one starts the other, which has four letters or more, and is at most four letters longer.</summary>
    private static bool SharesStem(string a, string b) =>
        a == b || (Math.Min(a.Length, b.Length) >= 4 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)) && Math.Max(a.Length, b.Length) - Math.Min(a.Length, b.Length) <= 4);

    /// <summary>
    /// Each report's terms. The words of a dotted name (an event such as "lesson.completed", a file, a domain) count only
    /// where the theme's reports also use them outside such names: "every lesson.completed webhook arrives twice" is
    /// about webhooks, not about completing lessons, while "payouts stuck … `payout.paid` never fires" is about payouts.
    /// </summary>
    internal static List<HashSet<string>> ThemeTerms(IReadOnlyList<FeedbackItem> items)
    {
        var prose = items.Select(i => FeedbackText.Prose(i.FullText)).ToList();
        // Most reports name nothing dotted: they are read once.
        var named = prose.Select(p => DottedIdentifier().IsMatch(p)).ToList();
        var own = prose.Select((p, k) => new HashSet<string>(TextTokens.TermsWithBigrams(named[k] ? WithoutIdentifiers(p) : p), StringComparer.Ordinal)).ToList();
        var themeWords = new HashSet<string>(own.SelectMany(t => t), StringComparer.Ordinal);
        for (var k = 0; k < prose.Count; k++)
        {
            if (named[k]) own[k].UnionWith(TextTokens.TermsWithBigrams(prose[k]).Where(themeWords.Contains));
        }
        return own;
    }

    /// <summary>
    /// <paramref name="text"/> without dotted identifiers ("lesson.completed", "invoice.paid", "config.yml"): an event, file
    /// or domain name is made of words of other areas of the product, so "every lesson.completed webhook arrives twice"
    /// would read as the goal about completing lessons rather than the one about webhooks.
    /// </summary>
    internal static string WithoutIdentifiers(string text) => DottedIdentifier().Replace(text, " ");

    [GeneratedRegex(@"(?<![\w.])\p{L}[\w-]*(\.\p{L}[\w-]*)+(?!\w)")]
    private static partial Regex DottedIdentifier();

    [GeneratedRegex(@"(?<=[.;!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@",\s*(but|while|whereas)\s|\s[—–]\s|\s-\s")]
    private static partial Regex ClauseTurn();

    [GeneratedRegex(@"\b(out of (the )?scope|not in scope|non-goals?|not (a )?part of (this|the|these) goals?|(is|are) not (covered|included)( here| by this goal)?\b|(does|do) not (include|cover)\b|excluded|(owned|handled|covered) by (an)?other teams?|belongs? to (the |another |a different )?[\w&' -]{0,40}\b(plan|team|goal|roadmap|project)|(a |its own |their own )?separate (roadmap item|goal|project|plan|effort|initiative)|tracked separately|(we are|we're) not (tackling|addressing|touching)|(wait|waits) for (a later|the next) (quarter|cycle))", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfScope();
}
