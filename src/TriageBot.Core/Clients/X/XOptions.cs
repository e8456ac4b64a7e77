using System.ComponentModel.DataAnnotations;
using TriageBot.Ingest.Resilience;

namespace TriageBot.Clients.X;

/// <summary>Section <c>X</c>.</summary>
public sealed class XOptions
{
    public const string Section = "X";

    public bool Enabled { get; set; }

    [Required]
    public string BaseUrl { get; set; } = "https://api.x.com/";

    /// <summary>App-only bearer token.</summary>
    public string? BearerToken { get; set; }

    public List<XQuery> Queries { get; set; } = [];

    /// <summary>Posts read per run at most (every post read is billed); 0 = no cap.</summary>
    [Range(0, int.MaxValue)]
    public int MaxPostsPerRun { get; set; } = 1000;

    /// <summary>Posts read per UTC day at most, across runs; 0 = no cap.</summary>
    [Range(0, int.MaxValue)]
    public int MaxPostsPerDay { get; set; } = 5000;

    /// <summary>max_results per request (X allows 10–100).</summary>
    [Range(10, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>The longest a rate limit (429 with x-rate-limit-reset) is waited out; longer stops the run cleanly.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    public ServiceHttpOptions Http { get; set; } = new();
}

public sealed class XQuery
{
    /// <summary>Stable name: keys the since_id cursor and routes tickets.</summary>
    [Required]
    public string Name { get; set; } = "";

    [Required]
    [MaxLength(512)]
    public string Query { get; set; } = "";
}
