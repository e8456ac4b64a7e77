namespace TriageBot.Sandbox;

public sealed class SandboxOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }
    /// <summary>The sandbox clock (posted ts, X's 7-day window, rate-limit windows, delays). Default: the
    /// scenario's <c>now</c>, advancing with real time from start.</summary>
    public TimeProvider? TimeProvider { get; set; }
    /// <summary>Seeds the fault injector's random draws.</summary>
    public int Seed { get; set; } = 1;
    /// <summary>Enforce each service's request rate limits (../shared/apis.md numbers).</summary>
    public bool EnforceRateLimits { get; set; }
    /// <summary>Slack's tier for conversations.history/replies. NonMarketplace always applies (1 request a
    /// minute, at most 15 messages a page), with or without <see cref="EnforceRateLimits"/>.</summary>
    public SlackTier SlackTier { get; set; } = SlackTier.Tier3;
    /// <summary>Workspace subdomain in permalinks: https://{SlackWorkspace}.slack.com/archives/...</summary>
    public string SlackWorkspace { get; set; } = "sandbox";
    /// <summary>How far back X recent search reaches from the sandbox clock; null (the default): no limit.
    /// The real X reaches back 7 days (set TimeSpan.FromDays(7) to test that). Not the default because the
    /// shared scenarios spread X posts over 14 days and their truth expects every post to be read.</summary>
    public TimeSpan? XSearchWindow { get; set; }

    /// <summary>X's own recent-search reach, for <see cref="XSearchWindow"/>.</summary>
    public static readonly TimeSpan XRecentSearchReach = TimeSpan.FromDays(7);
    /// <summary>
    /// Every X query returns every post. A scenario records what the team's X search returned, not the
    /// query itself, so the demo serves its posts to whatever query is configured; tests of query
    /// handling leave this off and get the query language matched.
    /// </summary>
    public bool XQueriesMatchAll { get; set; }
    public SandboxCredentials Credentials { get; set; } = new();
    /// <summary>Default dimension of /v1/embeddings vectors (a request's "dimensions" wins).</summary>
    public int EmbeddingDimensions { get; set; } = 256;
}

public enum SlackTier
{
    Tier3,
    NonMarketplace,
}

/// <summary>Credentials the sandbox accepts; anything else gets the service's own auth error.</summary>
public sealed record SandboxCredentials
{
    public string SlackBotToken { get; init; } = "xoxb-sandbox";
    public string SlackUserToken { get; init; } = "xoxp-sandbox";
    public string GitHubToken { get; init; } = "ghp_sandbox";
    public string XBearerToken { get; init; } = "x-sandbox-bearer";
    public string LinearApiKey { get; init; } = "lin_api_sandbox";
    public string OpenAIKey { get; init; } = "sk-sandbox";
}
