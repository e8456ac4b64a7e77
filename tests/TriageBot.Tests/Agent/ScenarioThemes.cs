using System.Text.Json;
using TriageBot.Agent;
using TriageBot.Agent.Offline;
using TriageBot.Agent.Text;
using TriageBot.Domain;

namespace TriageBot.Tests.Agent;

/// <summary>
/// Reads a scenario file's items and truth themes directly (no sandbox), so the offline agent can be
/// measured on hand-labelled themes. Tests may read truth; the bot never does.
/// </summary>
internal sealed class ScenarioThemes
{
    public required IReadOnlyDictionary<string, FeedbackItem> Items { get; init; }
    public required IReadOnlyList<TruthTheme> Truth { get; init; }
    public required IReadOnlyList<Goal> Goals { get; init; }
    public required DateTimeOffset Now { get; init; }

    public sealed record TruthTheme(string Id, string Title, bool SmallFix, string? Goal, IReadOnlyList<string> Items);

    /// <summary>The repository root: the first folder up from the binaries that holds TriageBot.sln.</summary>
    public static DirectoryInfo? RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TriageBot.sln"))) dir = dir.Parent;
        return dir;
    }

    /// <summary>Whether ../shared/<paramref name="parts"/> exists (tests skip their shared cases quietly when it does not).</summary>
    public static bool SharedExists(params string[] parts)
    {
        try { SharedPath(parts); return true; }
        catch (FileNotFoundException) { return false; }
    }

    public static string SharedPath(params string[] parts)
    {
        var dir = RepoRoot();
        for (var up = dir?.Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine([up.FullName, "shared", .. parts]);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("shared file not found: " + string.Join('/', parts));
    }

    /// <summary>A scenario from ../shared/scenario, or (prefix "repo:") from the repository's scenarios/ folder.</summary>
    public static ScenarioThemes Load(string name)
    {
        var path = name.StartsWith("repo:", StringComparison.Ordinal)
            ? Path.Combine(RepoRoot()!.FullName, "scenarios", name["repo:".Length..])
            : SharedPath("scenario", name);
        return LoadFile(path);
    }

    /// <summary>A scenario file at <paramref name="path"/>.</summary>
    public static ScenarioThemes LoadFile(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var items = new Dictionary<string, FeedbackItem>(StringComparer.Ordinal);
        foreach (var ch in root.GetProperty("slack").GetProperty("channels").EnumerateArray())
        {
            var channel = ch.GetProperty("id").GetString()!;
            foreach (var m in ch.GetProperty("messages").EnumerateArray())
            {
                var ts = m.GetProperty("ts").GetString()!;
                var replies = m.TryGetProperty("replies", out var r) && r.ValueKind == JsonValueKind.Array
                    ? r.EnumerateArray().Select(x => new FeedbackReply(x.GetProperty("ts").GetString()!, Str(x, "user"), Str(x, "text"), FromTs(x.GetProperty("ts").GetString()!))).ToList()
                    : [];
                items[$"slack:{channel}:{ts}"] = new FeedbackItem
                {
                    Id = $"slack:{channel}:{ts}", Source = FeedbackSource.Slack, Location = channel,
                    Body = System.Net.WebUtility.HtmlDecode(Str(m, "text")), Replies = replies,
                    Url = $"https://acme.slack.com/archives/{channel}/p{ts.Replace(".", "", StringComparison.Ordinal)}",
                    Author = Str(m, "user"), CreatedAt = FromTs(ts), Reactions = Int(m, "reactions"),
                };
            }
        }
        foreach (var repo in root.GetProperty("github").GetProperty("repos").EnumerateArray())
        {
            var full = repo.GetProperty("owner").GetString() + "/" + repo.GetProperty("name").GetString();
            foreach (var i in repo.GetProperty("issues").EnumerateArray())
            {
                var n = i.GetProperty("number").GetInt32();
                var comments = i.TryGetProperty("comments", out var c) && c.ValueKind == JsonValueKind.Array
                    ? c.EnumerateArray().Select(x => new FeedbackReply(x.GetProperty("id").ToString(), Str(x, "user"), Str(x, "body"), DateTimeOffset.Parse(x.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture))).ToList()
                    : [];
                items[$"github:{full}#{n}"] = new FeedbackItem
                {
                    Id = $"github:{full}#{n}", Source = FeedbackSource.GitHub, Location = full,
                    Title = Str(i, "title"), Body = Str(i, "body"), Replies = comments,
                    Url = $"https://github.com/{full}/issues/{n}", Author = Str(i, "user"),
                    CreatedAt = DateTimeOffset.Parse(i.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    Reactions = Int(i, "reactions"),
                    Labels = i.TryGetProperty("labels", out var l) ? l.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
                };
            }
        }
        var users = root.GetProperty("x").GetProperty("users").EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!, u => u.GetProperty("username").GetString()!);
        foreach (var p in root.GetProperty("x").GetProperty("posts").EnumerateArray())
        {
            var id = p.GetProperty("id").GetString()!;
            var user = users.GetValueOrDefault(Str(p, "author_id"), "someone");
            items["x:" + id] = new FeedbackItem
            {
                Id = "x:" + id, Source = FeedbackSource.X, Location = "q1", Body = Str(p, "text"),
                Url = $"https://x.com/{user}/status/{id}", Author = user,
                CreatedAt = DateTimeOffset.Parse(p.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                Reactions = Int(p, "like_count") + Int(p, "retweet_count"), Language = p.TryGetProperty("lang", out var lang) ? lang.GetString() : null,
            };
        }
        var truth = root.GetProperty("truth").GetProperty("themes").EnumerateArray().Select(t => new TruthTheme(
            t.GetProperty("id").GetString()!, Str(t, "title"), t.GetProperty("small_fix").GetBoolean(),
            t.TryGetProperty("goal", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null,
            t.GetProperty("items").EnumerateArray().Select(x => x.GetString()!).ToList())).ToList();
        var goals = root.TryGetProperty("goals", out var gs)
            ? gs.EnumerateArray().Select(g => new Goal(g.GetProperty("id").GetString()!, Str(g, "title"), Str(g, "description"),
                DateOnly.Parse(g.GetProperty("starts").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(g.GetProperty("ends").GetString()!, System.Globalization.CultureInfo.InvariantCulture))).ToList()
            : [];
        return new ScenarioThemes
        {
            Items = items, Truth = truth, Goals = goals,
            Now = DateTimeOffset.Parse(root.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public IReadOnlyList<FeedbackItem> ItemsOf(TruthTheme theme) => theme.Items.Where(Items.ContainsKey).Select(id => Items[id]).ToList();

    /// <summary>Small-fix and goal counts of the offline agent on these truth themes, as SCORING.md defines them.</summary>
    public sealed record OfflineScore(int Themes, int TruePositives, int FalsePositives, int FalseNegatives, int GoalsRight)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);
        public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalseNegatives);
        public double GoalAccuracy => Themes == 0 ? 1.0 : (double)GoalsRight / Themes;
    }

    /// <summary>
    /// Drafts every truth theme with the offline agent (no clustering in between) and counts. <paramref name="each"/>
    /// sees every theme's draft, for printing.
    /// </summary>
    public OfflineScore ScoreOffline(TimeProvider time, Action<TruthTheme, IReadOnlyList<FeedbackItem>, ThemeDraft, CorpusStatistics>? each = null)
    {
        var summarizer = new OfflineThemeSummarizer(time);
        var corpus = new CorpusStatistics(Items.Values);
        int tp = 0, fp = 0, fn = 0, goalsRight = 0;
        foreach (var truth in Truth)
        {
            var items = ItemsOf(truth);
            var theme = new Theme { Id = truth.Id, ItemIds = items.Select(i => i.Id).ToList() };
            var draft = summarizer.Summarize(new ThemeContext(theme, items, ThemeTrend.New, Goals, ["Bug", "Feature", "Docs", "Performance"]), corpus);
            if (draft.SmallFix && truth.SmallFix) tp++;
            if (draft.SmallFix && !truth.SmallFix) fp++;
            if (!draft.SmallFix && truth.SmallFix) fn++;
            if (draft.GoalId == truth.Goal) goalsRight++;
            each?.Invoke(truth, items, draft, corpus);
        }
        return new OfflineScore(Truth.Count, tp, fp, fn, goalsRight);
    }

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
    private static DateTimeOffset FromTs(string ts) => DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(ts, System.Globalization.CultureInfo.InvariantCulture) * 1000));
}
