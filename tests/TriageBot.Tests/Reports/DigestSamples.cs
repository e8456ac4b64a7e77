using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Domain;
using TriageBot.Reports;

namespace TriageBot.Tests.Reports;

/// <summary>Small hand-made runs for digest and report tests.</summary>
internal static class DigestSamples
{
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The Slack post's blocks as JSON whose text reads as written (no \u escapes), to assert on what the post says.</summary>
    public static string Readable(JsonArray blocks) => blocks.ToJsonString(ReadableJson);

    public static readonly DateTimeOffset Finished = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    public static FeedbackItem Item(string id, string body, int reactions = 0, string title = "") => new()
    {
        Id = id,
        Source = id.StartsWith("github:", StringComparison.Ordinal) ? FeedbackSource.GitHub
            : id.StartsWith("x:", StringComparison.Ordinal) ? FeedbackSource.X : FeedbackSource.Slack,
        Location = "C01",
        Title = title,
        Body = body,
        Url = id.StartsWith("github:", StringComparison.Ordinal) ? $"https://github.com/acme/app/issues/{id.Split('#')[1]}"
            : id.StartsWith("x:", StringComparison.Ordinal) ? $"https://x.com/someone/status/{id[2..]}"
            : $"https://acme.slack.com/archives/C01/p{id.Split(':')[2].Replace(".", "", StringComparison.Ordinal)}",
        Author = "someone",
        CreatedAt = Finished.AddDays(-2),
        Reactions = reactions,
    };

    public static ReportTheme Theme(string id, string title, IReadOnlyList<string> items, string trend = "steady",
        int priority = 3, string? goal = null, ReportTicket? ticket = null, bool smallFix = false) => new()
    {
        Id = id,
        Title = title,
        Summary = $"Summary of {title}.",
        Items = items,
        Trend = trend,
        Ticket = ticket,
        SmallFix = smallFix,
        Goal = goal,
        Priority = priority,
    };

    public static RunReport Report(IReadOnlyList<ReportTheme> themes, IReadOnlyList<string>? noise = null)
    {
        var all = themes.SelectMany(t => t.Items).Concat(noise ?? []).ToList();
        var bySource = new Dictionary<string, int> { ["slack"] = 0, ["github"] = 0, ["x"] = 0 };
        foreach (var id in all) bySource[id[..id.IndexOf(':', StringComparison.Ordinal)]]++;
        return new RunReport
        {
            RunId = "run-1",
            Scenario = "dev-small",
            Started = Finished.AddMinutes(-2),
            Finished = Finished,
            Items = new ReportItems { Fetched = all.Count, BySource = bySource, Noise = noise ?? [] },
            Themes = themes,
            ApiCalls = new Dictionary<string, long> { ["slack"] = 3, ["github"] = 2, ["x"] = 1, ["linear"] = 5, ["llm"] = 0 },
            LlmTokens = new ReportTokens(0, 0),
            TimingsMs = new Dictionary<string, long> { ["ingest"] = 1, ["cluster"] = 2, ["summarize"] = 3, ["file"] = 4, ["digest"] = 5, ["total"] = 15 },
        };
    }

    public static ReportTicket Ticket(string identifier, string action = "created") =>
        new(identifier, $"https://linear.app/acme/issue/{identifier}", action);

    public static Goal Goal(string id, string title) =>
        new(id, title, "", new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 27));
}
