using System.Text;
using Microsoft.Extensions.Options;
using TriageBot.Domain;
using TriageBot.Text;

namespace TriageBot.Reports;

/// <summary>The three renderings of one digest.</summary>
public sealed record Digest(DigestModel Model, string Markdown, string Html, SlackDigest Slack);

/// <summary>
/// Builds the PM's daily digest from a run: headline numbers, the top themes with quotes and ticket links,
/// small fixes, the eight-week goal board with the hot themes no goal covers, and the noise share.
/// </summary>
public sealed class DigestBuilder(IOptions<DigestOptions> options)
{
    private readonly DigestOptions _options = options.Value;

    public DigestBuilder() : this(Options.Create(new DigestOptions())) { }

    public Digest Build(RunReport report, IReadOnlyDictionary<string, FeedbackItem> items, IReadOnlyList<Goal> goals,
        IReadOnlyList<ThemeDraft>? drafts = null)
    {
        var model = BuildModel(report, items, goals, drafts);
        return new Digest(model, MarkdownDigestRenderer.Render(model), HtmlDigestRenderer.Render(model), SlackDigestRenderer.Render(model));
    }

    public DigestModel BuildModel(RunReport report, IReadOnlyDictionary<string, FeedbackItem> items, IReadOnlyList<Goal> goals,
        IReadOnlyList<ThemeDraft>? drafts = null)
    {
        var draftById = (drafts ?? []).GroupBy(d => d.ThemeId).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var goalById = goals.GroupBy(g => g.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var reportThemeById = report.Themes.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var themes = report.Themes
            .Select(t => ToDigestTheme(t, items, goalById, draftById.GetValueOrDefault(t.Id), reportThemeById))
            .OrderBy(t => PriorityRank(t.Priority))
            .ThenByDescending(t => t.ItemCount)
            .ThenBy(t => TrendRank(t.Trend))
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();

        var noise = report.Items.Noise.Count;
        var themed = report.Themes.Sum(t => t.Items.Count);
        var headline = new DigestHeadline(
            report.Items.Fetched,
            report.Items.BySource.OrderBy(kv => SourceRank(kv.Key)).Select(kv => new SourceCount(kv.Key, SourceLabel(kv.Key), kv.Value)).ToList(),
            themes.Count,
            themes.Count(t => t.Trend == "new"),
            themes.Count(t => t.Trend == "rising"),
            report.Themes.Count(t => t.Ticket?.Action == "created"),
            report.Themes.Count(t => t.Ticket?.Action == "updated"),
            noise,
            report.NoiseShare ?? (noise + themed == 0 ? 0 : (double)noise / (noise + themed)))
        {
            TicketsHeld = themes.Count(t => t.HeldBeside is not null),
        };

        var board = goals
            .OrderBy(g => g.Starts).ThenBy(g => g.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var served = themes.Where(t => t.GoalId == g.Id).ToList();
                // Whether the goal's pain is growing: its reports of the last seven days, by when they were written.
                var weekAgo = report.Finished.AddDays(-7);
                var lastWeek = served.SelectMany(t => reportThemeById[t.Id].Items)
                    .Count(id => items.TryGetValue(id, out var item) && item.CreatedAt > weekAgo);
                return new DigestGoal(g, GoalProgress(g, DateOnly.FromDateTime(report.Finished.UtcDateTime)), served, served.Sum(t => t.ItemCount))
                {
                    LastWeekItems = lastWeek,
                };
            })
            .ToList();

        var top = themes.Take(_options.TopThemes).ToList();
        return new DigestModel
        {
            RunId = report.RunId,
            Date = report.Finished,
            Headline = headline,
            TopThemes = top,
            OtherThemes = themes.Count - top.Count,
            SmallFixes = themes.Where(t => t.SmallFix).ToList(),
            Goals = board,
            UncoveredHotThemes = themes
                .Where(t => (t.GoalId is null || !goalById.ContainsKey(t.GoalId)) && IsHot(t))
                .Take(_options.TopThemes)
                .ToList(),
        };
    }

    private DigestTheme ToDigestTheme(ReportTheme theme, IReadOnlyDictionary<string, FeedbackItem> items,
        Dictionary<string, Goal> goals, ThemeDraft? draft, Dictionary<string, ReportTheme> reportThemes)
    {
        var bySource = theme.Items
            .GroupBy(SourceOf)
            .OrderBy(g => SourceRank(g.Key))
            .Select(g => new SourceCount(g.Key, SourceLabel(g.Key), g.Count()))
            .ToList();
        var goal = theme.Goal is null ? null : goals.GetValueOrDefault(theme.Goal);
        return new DigestTheme
        {
            Id = theme.Id,
            Title = theme.Title,
            Summary = Shorten(theme.Summary, _options.SummaryLength),
            Trend = theme.Trend,
            ItemCount = theme.Items.Count,
            BySource = bySource,
            Quotes = PickQuotes(theme.Items, items),
            Ticket = theme.Ticket,
            Priority = theme.Priority is { } p && Enum.IsDefined(typeof(TicketPriority), p) ? (TicketPriority)p : draft?.Priority ?? TicketPriority.None,
            GoalId = theme.Goal,
            GoalTitle = goal?.Title,
            SmallFix = theme.SmallFix,
            SmallFixReason = string.IsNullOrWhiteSpace(draft?.SmallFixReason) ? null : Shorten(draft.SmallFixReason, _options.QuoteLength),
            Dispatch = theme.Dispatch,
            HeldBeside = HeldBeside(theme, reportThemes),
        };
    }

    /// <summary>The larger theme a ticketless theme reads like; its own id stands in for a title the report lacks.</summary>
    private static DigestHeldBeside? HeldBeside(ReportTheme theme, Dictionary<string, ReportTheme> themes)
    {
        if (theme.Ticket is not null || theme.ReadsLike is not { } like) return null;
        var larger = themes.GetValueOrDefault(like);
        return new DigestHeldBeside(like, larger?.Title is { Length: > 0 } title ? title : like, larger?.Ticket);
    }

    /// <summary>The most reacted-to item, then the best one from another source, so a quote pair shows breadth.</summary>
    private List<DigestQuote> PickQuotes(IReadOnlyList<string> itemIds, IReadOnlyDictionary<string, FeedbackItem> items)
    {
        var candidates = itemIds
            .Select(id => items.GetValueOrDefault(id))
            .OfType<FeedbackItem>()
            .Where(i => !string.IsNullOrWhiteSpace(i.Title) || !string.IsNullOrWhiteSpace(i.Body))
            .OrderByDescending(i => i.Reactions)
            .ThenByDescending(i => i.Replies.Count)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        var picked = new List<FeedbackItem>();
        foreach (var item in candidates)
        {
            if (picked.Count >= _options.QuotesPerTheme) break;
            if (picked.Count == 0 || picked.All(p => p.Source != item.Source)) picked.Add(item);
        }
        foreach (var item in candidates)
        {
            if (picked.Count >= _options.QuotesPerTheme) break;
            if (!picked.Contains(item)) picked.Add(item);
        }
        return picked.Select(i => new DigestQuote(Shorten(QuoteText(i), _options.QuoteLength), i.Url, SourceLabel(SourceOf(i.Id)), i.Author)).ToList();
    }

    /// <summary>An issue's title and what its body shows (hidden comments left out), or a message as it reads.</summary>
    private static string QuoteText(FeedbackItem item)
    {
        var body = Markup.Visible(item.Body).Trim();
        return item.Title.Length > 0 && body.Length > 0 ? $"{item.Title}: {body}" : item.Title + body;
    }

    internal static bool IsHot(DigestTheme theme) =>
        theme.Trend is "new" or "rising" || theme.Priority is TicketPriority.Urgent or TicketPriority.High;

    private static string GoalProgress(Goal goal, DateOnly today)
    {
        var totalWeeks = Math.Max(1, (goal.Ends.DayNumber - goal.Starts.DayNumber + 7) / 7);
        if (today < goal.Starts) return $"starts {goal.Starts:yyyy-MM-dd}";
        if (today > goal.Ends) return $"ended {goal.Ends:yyyy-MM-dd}";
        var week = Math.Min(totalWeeks, (today.DayNumber - goal.Starts.DayNumber) / 7 + 1);
        return $"week {week} of {totalWeeks}";
    }

    private static int PriorityRank(TicketPriority p) => p == TicketPriority.None ? 5 : (int)p;
    private static int TrendRank(string trend) => trend switch { "rising" => 0, "new" => 1, "steady" => 2, _ => 3 };

    /// <summary>The source of a canonical id: <c>slack:…</c>, <c>github:…</c>, <c>x:…</c>.</summary>
    internal static string SourceOf(string canonicalId)
    {
        var colon = canonicalId.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? canonicalId[..colon] : "other";
    }

    internal static int SourceRank(string source) => source switch { "slack" => 0, "github" => 1, "x" => 2, _ => 3 };

    internal static string SourceLabel(string source) => source switch
    {
        "slack" => "Slack",
        "github" => "GitHub",
        "x" => "X",
        _ => source,
    };

    /// <summary>Whitespace collapsed to single spaces; cut at a word boundary with an ellipsis when too long.</summary>
    internal static string Shorten(string text, int max)
    {
        var sb = new StringBuilder(Math.Min(text.Length, max + 1));
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
            if (sb.Length > max) break;
        }
        if (sb.Length <= max) return sb.ToString();
        var cut = sb.ToString(0, max - 1);
        var lastSpace = cut.LastIndexOf(' ');
        if (lastSpace > max / 2) cut = cut[..lastSpace];
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1])) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }
}
