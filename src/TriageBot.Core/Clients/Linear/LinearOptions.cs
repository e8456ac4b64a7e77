using System.ComponentModel.DataAnnotations;

namespace TriageBot.Clients.Linear;

/// <summary>The <c>Linear</c> configuration section.</summary>
public sealed class LinearOptions
{
    public const string Section = "Linear";

    [Required]
    public string Endpoint { get; set; } = "https://api.linear.app/graphql";

    /// <summary>A personal API key (sent without "Bearer") or an OAuth token (send it as "Bearer …").</summary>
    public string? ApiKey { get; set; }

    /// <summary>Team key ("APP") or id used when no route matches.</summary>
    public string? DefaultTeam { get; set; }

    /// <summary>Per source location (Slack channel id or name, owner/repo, X query name) → team key or id.</summary>
    public List<LinearRoute> Routes { get; set; } = [];

    /// <summary>Create labels the team lacks; off by default so the bot never litters a workspace.</summary>
    public bool CreateMissingLabels { get; set; }

    /// <summary>How often a RATELIMITED answer is retried before giving up.</summary>
    [Range(0, 10)]
    public int MaxRateLimitRetries { get; set; } = 3;

    /// <summary>Wait before retrying a RATELIMITED answer when Linear names no reset time.</summary>
    public TimeSpan RateLimitDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Upper bound for any wait, whatever reset time Linear names.</summary>
    public TimeSpan MaxRateLimitDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class LinearRoute
{
    [Required]
    public string Match { get; set; } = "";

    [Required]
    public string Team { get; set; } = "";
}
