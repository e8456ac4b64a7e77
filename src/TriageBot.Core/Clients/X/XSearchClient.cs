using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TriageBot.Ingest.Resilience;

namespace TriageBot.Clients.X;

/// <summary>X API v2 recent search (typed HttpClient, app bearer token).</summary>
public sealed class XSearchClient(HttpClient http, IOptionsMonitor<XOptions> options, TimeProvider time)
{
    private const string TweetFields = "created_at,author_id,conversation_id,lang,public_metrics,referenced_tweets";
    private const int MalformedReadAttempts = 3;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
    };

    /// <summary>One page, newest first. Throws <see cref="XRateLimitedException"/> on a 429 the pipeline did not absorb.</summary>
    public async Task<XSearchPage> SearchRecentAsync(string query, string? sinceId, string? nextToken, int maxResults, CancellationToken ct)
    {
        var sb = new StringBuilder("2/tweets/search/recent?query=").Append(Uri.EscapeDataString(query))
            .Append("&max_results=").Append(Math.Clamp(maxResults, 10, 100).ToString(CultureInfo.InvariantCulture))
            .Append("&tweet.fields=").Append(Uri.EscapeDataString(TweetFields))
            .Append("&expansions=author_id&user.fields=").Append(Uri.EscapeDataString("username,name"));
        if (!string.IsNullOrEmpty(sinceId)) sb.Append("&since_id=").Append(Uri.EscapeDataString(sinceId));
        if (!string.IsNullOrEmpty(nextToken)) sb.Append("&next_token=").Append(Uri.EscapeDataString(nextToken));
        var uri = sb.ToString();

        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.BearerToken);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                throw new XRateLimitedException(RateLimitHeaders.RequestedDelay(response, time.GetUtcNow()) ?? TimeSpan.FromMinutes(15));
            response.EnsureSuccessStatusCode();
            try
            {
                var page = await response.Content.ReadFromJsonAsync<XSearchPage>(Json, ct);
                return page ?? throw new JsonException("X search: empty body");
            }
            catch (JsonException) when (attempt < MalformedReadAttempts)
            {
                // A garbled body on a read: ask again.
            }
        }
    }
}

public sealed class XRateLimitedException(TimeSpan retryAfter) : Exception($"X rate limit: retry after {retryAfter}")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

public sealed record XSearchPage
{
    public IReadOnlyList<XPost>? Data { get; init; }
    public XIncludes? Includes { get; init; }
    public XMeta? Meta { get; init; }
}

public sealed record XIncludes
{
    public IReadOnlyList<XUser>? Users { get; init; }
}

public sealed record XMeta
{
    public string? NewestId { get; init; }
    public string? OldestId { get; init; }
    public int ResultCount { get; init; }
    public string? NextToken { get; init; }
}

public sealed record XUser(string Id, string Username, string? Name);

public sealed record XPost
{
    public string Id { get; init; } = "";
    public string Text { get; init; } = "";
    public string? AuthorId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? ConversationId { get; init; }
    public string? Lang { get; init; }
    public XPublicMetrics? PublicMetrics { get; init; }
    public IReadOnlyList<XReferencedTweet>? ReferencedTweets { get; init; }

    public bool IsRepost => ReferencedTweets?.Any(r => r.Type == "retweeted") == true;
}

public sealed record XPublicMetrics
{
    public int LikeCount { get; init; }
    public int RetweetCount { get; init; }
    public int ReplyCount { get; init; }
    public int QuoteCount { get; init; }
}

public sealed record XReferencedTweet(string Type, string Id);
