using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using TriageBot.Clients.X;
using TriageBot.Diagnostics;
using TriageBot.Domain;
using TriageBot.Ingest.GitHub;
using TriageBot.Storage;

namespace TriageBot.Ingest.X;

/// <summary>
/// Reads X posts per configured query from its since_id, newest first through next_token. Every post read is
/// billed, so reads are capped per run and per UTC day (counted in the store), an interrupted walk resumes
/// from its next_token instead of starting over, and since_id only moves once a walk is complete.
/// </summary>
public sealed class XPostReader(
    XSearchClient x,
    IItemStore items,
    ICursorStore cursors,
    IOptionsMonitor<XOptions> options,
    TimeProvider time,
    RunMetrics metrics,
    ILogger<XPostReader> log) : IFeedbackReader
{
    private const int MinPage = 10;
    private const int MaxRateLimitWaits = 3;

    public FeedbackSource Source => FeedbackSource.X;
    public bool Enabled => options.CurrentValue.Enabled;

    /// <summary>Posts read (billed) by the last run, reposts included.</summary>
    public int PostsRead { get; private set; }

    public async Task<SourceReadResult> ReadAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        var tally = new ReadTally();
        var run = new RunState(o.MaxPostsPerRun > 0 ? o.MaxPostsPerRun : int.MaxValue, DayKey(),
            int.TryParse(await cursors.GetAsync("x", DayKey(), ct), CultureInfo.InvariantCulture, out var used) ? used : 0);
        string? stop = null;
        try
        {
            foreach (var q in o.Queries)
            {
                stop = await ReadQueryAsync(q, run, tally, ct);
                if (stop is not null) break;
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TimeoutRejectedException or System.Text.Json.JsonException)
        {
            stop = $"X unavailable ({e.GetType().Name}); continuing next run";
        }
        PostsRead = run.PostsRead;
        metrics.Add("x.posts_read", run.PostsRead);
        if (stop is not null) log.LogWarning("X read stopped early: {Reason}", stop);
        log.LogInformation("X: {Posts} posts read (billed)", run.PostsRead);
        return tally.ToResult(Source, stop);
    }

    private async Task<string?> ReadQueryAsync(XQuery q, RunState run, ReadTally tally, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var sinceId = await cursors.GetAsync("x", q.Name + ":since_id", ct);
        var walk = await cursors.GetAsync("x", q.Name + ":walk", ct);
        string? nextToken = null, newest = null;
        if (walk?.Split('|') is [var token, var top] && token.Length > 0) (nextToken, newest) = (token, top.Length > 0 ? top : null);

        // A query's first walk cannot meet its own posts in the store; other queries' are caught by run.Seen.
        var firstWalk = sinceId is null && nextToken is null;
        do
        {
            var dayLeft = o.MaxPostsPerDay > 0 ? o.MaxPostsPerDay - run.DayUsed : int.MaxValue;
            var allowance = Math.Min(run.RunLeft, dayLeft);
            if (allowance < MinPage)
            {
                await SaveWalkAsync(q, nextToken, newest, ct);
                return allowance == dayLeft
                    ? $"X daily cap of {o.MaxPostsPerDay} posts reached; continuing tomorrow"
                    : $"X per-run cap of {o.MaxPostsPerRun} posts reached; continuing next run";
            }

            var page = await SearchAsync(q, sinceId, nextToken, Math.Min(o.PageSize, allowance), ct);
            if (page is null)
            {
                await SaveWalkAsync(q, nextToken, newest, ct);
                return "X rate limit with a long reset; continuing next run";
            }
            var posts = page.Data ?? [];
            run.Count(posts.Count);
            await cursors.SetAsync("x", run.DayKey, run.DayUsed.ToString(CultureInfo.InvariantCulture), ct);
            newest ??= page.Meta?.NewestId ?? posts.FirstOrDefault()?.Id;

            var users = page.Includes?.Users?.ToDictionary(u => u.Id, StringComparer.Ordinal) ?? [];
            var batch = new List<FeedbackItem>();
            foreach (var post in posts)
            {
                if (post.IsRepost) { tally.Skip(); continue; }
                if (!run.Seen.Add(post.Id)) continue; // matched by two queries
                var item = ToItem(q, post, post.AuthorId is null ? null : users.GetValueOrDefault(post.AuthorId));
                var stored = firstWalk ? null : await items.GetAsync(item.Id, ct);
                if (stored is not null && stored.SameAs(item)) continue;
                batch.Add(stored is null ? item : item with { Location = stored.Location });
            }
            if (batch.Count > 0) tally.Add(await items.UpsertAsync(batch, ct));

            nextToken = page.Meta?.NextToken;
            if (nextToken is not null) await SaveWalkAsync(q, nextToken, newest, ct);
        } while (nextToken is not null);

        if (newest is not null && (sinceId is null || CompareIds(newest, sinceId) > 0))
            await cursors.SetAsync("x", q.Name + ":since_id", newest, ct);
        await SaveWalkAsync(q, null, null, ct);
        return null;
    }

    private async Task<XSearchPage?> SearchAsync(XQuery q, string? sinceId, string? nextToken, int max, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await x.SearchRecentAsync(q.Query, sinceId, nextToken, max, ct);
            }
            catch (XRateLimitedException e)
            {
                if (e.RetryAfter > options.CurrentValue.MaxRateLimitWait || attempt >= MaxRateLimitWaits) return null;
                await Task.Delay(e.RetryAfter, time, ct);
            }
        }
    }

    private Task SaveWalkAsync(XQuery q, string? nextToken, string? newest, CancellationToken ct) =>
        cursors.SetAsync("x", q.Name + ":walk", nextToken is null ? "" : $"{nextToken}|{newest}", ct);

    private static FeedbackItem ToItem(XQuery q, XPost post, XUser? author)
    {
        var username = author?.Username ?? post.AuthorId ?? "i";
        var created = post.CreatedAt ?? DateTimeOffset.UnixEpoch;
        return new FeedbackItem
        {
            Id = "x:" + post.Id,
            Source = FeedbackSource.X,
            Location = q.Name,
            Body = System.Net.WebUtility.HtmlDecode(post.Text),
            RawBody = post.Text,
            Url = $"https://x.com/{username}/status/{post.Id}",
            Author = username,
            CreatedAt = created,
            UpdatedAt = created,
            Reactions = (post.PublicMetrics?.LikeCount ?? 0) + (post.PublicMetrics?.RetweetCount ?? 0),
            Language = post.Lang,
        };
    }

    /// <summary>Post ids are 64-bit numbers in strings: compare by length, then digits.</summary>
    internal static int CompareIds(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private string DayKey() => "posts:" + time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class RunState(int runCap, string dayKey, int dayUsed)
    {
        public string DayKey { get; } = dayKey;
        public int DayUsed { get; private set; } = dayUsed;
        public int PostsRead { get; private set; }
        public int RunLeft => runCap - PostsRead;
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public void Count(int posts)
        {
            PostsRead += posts;
            DayUsed += posts;
        }
    }
}
