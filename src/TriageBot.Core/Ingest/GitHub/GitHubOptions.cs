using System.ComponentModel.DataAnnotations;
using TriageBot.Ingest.Resilience;

namespace TriageBot.Ingest.GitHub;

/// <summary>Section <c>GitHub</c>.</summary>
public sealed class GitHubOptions
{
    public const string Section = "GitHub";

    public bool Enabled { get; set; }

    /// <summary>https://api.github.com/ or a GitHub Enterprise Server URL (Octokit's api/v3/ prefix is added).</summary>
    [Required]
    public string BaseUrl { get; set; } = "https://api.github.com/";

    public string? Token { get; set; }

    /// <summary>"owner/name" entries.</summary>
    public List<string> Repositories { get; set; } = [];

    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>Conditional requests (ETag, If-None-Match): a run with nothing new costs only 304s, which are free.</summary>
    public bool ConditionalRequests { get; set; } = true;

    /// <summary>The longest a primary or secondary rate limit is waited out; a longer one stops the run cleanly, cursors kept.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Repositories read at once. GitHub asks for serial requests; raise it only where limits are off.</summary>
    [Range(1, 16)]
    public int MaxConcurrentRepositories { get; set; } = 1;

    public ServiceHttpOptions Http { get; set; } = new();
}
