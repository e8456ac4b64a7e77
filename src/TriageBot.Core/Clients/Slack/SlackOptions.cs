using System.ComponentModel.DataAnnotations;
using TriageBot.Ingest.Resilience;

namespace TriageBot.Clients.Slack;

/// <summary>Section <c>Slack</c>.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public bool Enabled { get; set; }

    [Required]
    public string BaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Bot (<c>xoxb-</c>) or user (<c>xoxp-</c>) token. A user token also reads thread replies outside DMs.</summary>
    public string? Token { get; set; }

    /// <summary>https://acme.slack.com: permalinks are derived from it without a call; empty = asked once through chat.getPermalink.</summary>
    public string? WorkspaceUrl { get; set; }

    /// <summary>Channel names or ids; empty = every channel the token's user is a member of.</summary>
    public List<string> Channels { get; set; } = [];

    public SlackBudgetOptions Budget { get; set; } = new();

    public string? DigestChannel { get; set; }

    public ServiceHttpOptions Http { get; set; } = new();
}

/// <summary>
/// Requests per minute per Web API method. A preset gives the defaults; any number set here overrides it.
/// "Tier3": normal apps (about 50/min history and replies, 20/min list). "NonMarketplace": commercially
/// distributed apps outside the Marketplace (1/min history and replies, 15 messages a page).
/// "Unlimited": no client-side budget (benchmarks, the sandbox with limits off).
/// </summary>
public sealed class SlackBudgetOptions
{
    [RegularExpression("^(Tier3|NonMarketplace|Unlimited)$", ErrorMessage = "Slack:Budget:Preset must be Tier3, NonMarketplace or Unlimited")]
    public string Preset { get; set; } = "Tier3";

    public double? HistoryPerMinute { get; set; }
    public double? RepliesPerMinute { get; set; }
    public double? ListPerMinute { get; set; }
    public double? UsersPerMinute { get; set; }

    /// <summary>Messages per page (history and replies).</summary>
    [Range(1, 1000)]
    public int? PageSize { get; set; }

    /// <summary>The longest the run waits for budget; a longer wait stops the run cleanly, to go on next run.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How far back history is re-walked to notice new replies in older threads (Slack shows them only in the
    /// parent's latest_reply). Zero: only messages after the watermark, replies to older threads are not noticed.
    /// </summary>
    public TimeSpan? ThreadWindow { get; set; }

    public SlackBudget Resolve()
    {
        var p = Preset switch
        {
            "NonMarketplace" => new SlackBudget(1, 1, 20, 100, 15, TimeSpan.FromDays(2)),
            "Unlimited" => new SlackBudget(0, 0, 0, 0, 200, TimeSpan.FromDays(7)),
            _ => new SlackBudget(50, 50, 20, 100, 200, TimeSpan.FromDays(7)),
        };
        return new SlackBudget(
            HistoryPerMinute ?? p.HistoryPerMinute,
            RepliesPerMinute ?? p.RepliesPerMinute,
            ListPerMinute ?? p.ListPerMinute,
            UsersPerMinute ?? p.UsersPerMinute,
            PageSize ?? p.PageSize,
            ThreadWindow ?? p.ThreadWindow);
    }
}

/// <summary>Effective budget; a rate of 0 means unlimited.</summary>
public sealed record SlackBudget(
    double HistoryPerMinute, double RepliesPerMinute, double ListPerMinute, double UsersPerMinute,
    int PageSize, TimeSpan ThreadWindow);
