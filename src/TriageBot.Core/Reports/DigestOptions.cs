using System.ComponentModel.DataAnnotations;

namespace TriageBot.Reports;

/// <summary>The <c>Digest</c> configuration section.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Slack channel (id or name) the digest is posted to; no post when empty.</summary>
    public string? SlackChannel { get; set; }

    /// <summary>How many themes the digest shows in full.</summary>
    [Range(1, 40)]
    public int TopThemes { get; set; } = 10;

    [Range(0, 2)]
    public int QuotesPerTheme { get; set; } = 2;

    /// <summary>Longest quote, in characters; longer feedback is cut at a word and marked with an ellipsis.</summary>
    [Range(40, 1000)]
    public int QuoteLength { get; set; } = 200;

    /// <summary>
    /// How often a goal linked to a Linear project (<c>Goals[].LinearProject</c>) gets a project update with its part of the
    /// goal board, in days; 0: never. A week by default, so the project's feed reads as a weekly note, not a daily echo.
    /// </summary>
    [Range(0, 90)]
    public int ProjectUpdateEveryDays { get; set; } = 7;

    /// <summary>Longest theme summary shown, in characters.</summary>
    [Range(80, 2000)]
    public int SummaryLength { get; set; } = 400;
}
