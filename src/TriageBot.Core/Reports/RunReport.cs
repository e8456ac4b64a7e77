using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Reports;

// The run report: a contract read by tools (../shared/report/FORMAT.md). Fields may be added,
// never renamed or dropped. Property names are written in snake_case by RunReport.JsonOptions.

public sealed record RunReport
{
    public required string RunId { get; init; }
    public string? Scenario { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required DateTimeOffset Finished { get; init; }
    public required ReportItems Items { get; init; }
    public required IReadOnlyList<ReportTheme> Themes { get; init; }
    public required IReadOnlyDictionary<string, long> ApiCalls { get; init; }
    public required ReportTokens LlmTokens { get; init; }
    public required IReadOnlyDictionary<string, long> TimingsMs { get; init; }

    // Additions beyond FORMAT.md.
    public IReadOnlyDictionary<string, ReportSourceCounts>? Sources { get; init; }
    public IReadOnlyDictionary<string, string>? PromptVersions { get; init; }
    public double? NoiseShare { get; init; }
    public IReadOnlyList<string>? Warnings { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
    public static RunReport FromJson(string json) =>
        JsonSerializer.Deserialize<RunReport>(json, JsonOptions) ?? throw new JsonException("empty run report");
}

public sealed record ReportItems
{
    public required int Fetched { get; init; }
    public required IReadOnlyDictionary<string, int> BySource { get; init; }
    public required IReadOnlyList<string> Noise { get; init; }
}

/// <summary>Read, new, updated and skipped per source: the ingest side of the report.</summary>
public sealed record ReportSourceCounts(int Read, int New, int Updated, int Skipped, bool Complete, string? StopReason);

public sealed record ReportTheme
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Items { get; init; }
    public required string Trend { get; init; }
    public ReportTicket? Ticket { get; init; }
    public bool SmallFix { get; init; }
    public ReportDispatch? Dispatch { get; init; }
    public string? Goal { get; init; }

    // Additions beyond FORMAT.md.
    public int? Priority { get; init; }
    public IReadOnlyList<string>? Labels { get; init; }
    public IReadOnlyDictionary<string, int>? BySource { get; init; }

    /// <summary>Set when the theme got no ticket because it is too small to stand apart from this larger theme it reads like.</summary>
    public string? ReadsLike { get; init; }
}

public sealed record ReportTicket(string Identifier, string Url, string Action)
{
    // Additions beyond FORMAT.md: the ticket's workflow state when the run read it ("In Review", type "started").
    public string? State { get; init; }

    /// <summary>Linear's type of <see cref="State"/>: triage, backlog, unstarted, started, completed or canceled.</summary>
    public string? StateType { get; init; }
}

public sealed record ReportDispatch(string Status, string? PrUrl, string? Reason);

public sealed record ReportTokens(long Input, long Output);
