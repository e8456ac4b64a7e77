using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;
using Polly.Timeout;
using TriageBot.Domain;
using TriageBot.Ingest.Resilience;
using TriageBot.Storage;

namespace TriageBot.Ingest.GitHub;

/// <summary>
/// Reads GitHub issues incrementally: per repository, issues updated since the watermark (state all, oldest
/// update first) and the repository-wide comments since the comment watermark, merged into their issues. Pull
/// requests are skipped. With conditional requests on, a run with nothing new costs only 304s.
/// </summary>
public sealed class GitHubIssueReader(
    GitHubClientFactory factory,
    IItemStore items,
    ICursorStore cursors,
    IOptionsMonitor<GitHubOptions> options,
    TimeProvider time,
    ILogger<GitHubIssueReader> log) : IFeedbackReader
{
    private const int MaxRateLimitWaits = 3;
    private const int StoreBatch = 200;

    public FeedbackSource Source => FeedbackSource.GitHub;
    public bool Enabled => options.CurrentValue.Enabled;

    public async Task<SourceReadResult> ReadAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        var tally = new ReadTally();
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var stops = new System.Collections.Concurrent.ConcurrentQueue<string>();
        // GitHub asks for serial requests (concurrent ones trip the secondary limit), so one repository at a
        // time unless configured otherwise (benchmarks, Enterprise Server without limits).
        await Parallel.ForEachAsync(o.Repositories, new ParallelOptions { MaxDegreeOfParallelism = o.MaxConcurrentRepositories, CancellationToken = ct },
            async (repo, token) =>
            {
                if (!stops.IsEmpty) return;
                // A client (and response cache) per repository: the cache tracks its last request.
                var cache = o.ConditionalRequests ? new GitHubResponseCache() : null;
                try
                {
                    await ReadRepositoryAsync(factory.Create(cache), cache, repo.Trim(), tally, token);
                }
                catch (GitHubStopException e)
                {
                    stops.Enqueue(e.Message);
                }
                catch (NotFoundException)
                {
                    problems.Enqueue($"GitHub repository {repo} not found");
                }
            });
        var stop = stops.TryPeek(out var s) ? s : null;
        if (stop is not null) log.LogWarning("GitHub read stopped early: {Reason}", stop);
        return tally.ToResult(Source, stop ?? (problems.IsEmpty ? null : string.Join("; ", problems)));
    }

    private async Task ReadRepositoryAsync(GitHubClient client, GitHubResponseCache? cache, string repo, ReadTally tally, CancellationToken ct)
    {
        var (owner, name) = Split(repo);
        if (cache is not null)
        {
            await cache.LoadAsync(cursors, repo + ":issues:etag", ct);
            await cache.LoadAsync(cursors, repo + ":comments:etag", ct);
        }
        var issueMark = await GetTimeAsync(repo + ":issues", ct);
        var commentMark = await GetTimeAsync(repo + ":comments", ct);
        var pulls = (await cursors.GetAsync("github", repo + ":pulls", ct) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();

        var issues = new Dictionary<int, GitHubIssue>();
        var comments = new Dictionary<long, GitHubRepoComment>();
        var newIssueMark = issueMark;
        var newCommentMark = commentMark;
        string? issuesKey = null, commentsKey = null;
        GitHubStopException? stopped = null;
        try
        {
            // Walk again from the new watermark until it stops moving: the last request then repeats next run's
            // first one, so its ETag makes a quiet next run a single 304.
            for (var pass = 0; pass < 3; pass++)
            {
                var from = newIssueMark;
                issuesKey = await WalkAsync<GitHubIssue>(client, cache, ApiUrls.Issues(owner, name), Params(from, "state", "all"), page =>
                {
                    foreach (var i in page)
                    {
                        newIssueMark = Max(newIssueMark, i.UpdatedAt ?? i.CreatedAt);
                        if (i.PullRequest is not null) { if (pulls.Add(i.Number)) tally.Skip(); }
                        else issues[i.Number] = i;
                    }
                }, ct);
                if (newIssueMark == from) break;
            }
            for (var pass = 0; pass < 3; pass++)
            {
                var from = newCommentMark;
                commentsKey = await WalkAsync<GitHubRepoComment>(client, cache, ApiUrls.IssueComments(owner, name), Params(from), page =>
                {
                    foreach (var c in page)
                    {
                        newCommentMark = Max(newCommentMark, c.UpdatedAt ?? c.CreatedAt);
                        comments[c.Id] = c;
                    }
                }, ct);
                if (newCommentMark == from) break;
            }
        }
        catch (GitHubStopException e)
        {
            stopped = e; // store what was read; the watermarks cover only complete pages
        }

        // Before the first complete run nothing of this repository can be stored yet: skip the look-ups.
        var firstRead = issueMark is null && commentMark is null;
        await StoreAsync(client, repo, owner, name, issues, comments.Values, pulls, firstRead, tally, ct);
        if (newIssueMark != issueMark) await SetTimeAsync(repo + ":issues", newIssueMark!.Value, ct);
        if (newCommentMark != commentMark) await SetTimeAsync(repo + ":comments", newCommentMark!.Value, ct);
        await cursors.SetAsync("github", repo + ":pulls", string.Join(',', pulls.Order()), ct);
        if (stopped is not null) throw stopped;
        if (cache is not null)
        {
            await cache.SaveAsync(cursors, repo + ":issues:etag", issuesKey, ct);
            await cache.SaveAsync(cursors, repo + ":comments:etag", commentsKey, ct);
        }
    }

    private async Task StoreAsync(GitHubClient client, string repo, string owner, string name, Dictionary<int, GitHubIssue> issues,
        IEnumerable<GitHubRepoComment> comments, HashSet<int> pulls, bool firstRead, ReadTally tally, CancellationToken ct)
    {
        var byIssue = comments.Where(c => !GitHubItems.IsBot(c.User))
            .Select(c => (Number: GitHubItems.IssueNumberOf(c), Comment: c))
            .Where(x => x.Number is not null)
            .GroupBy(x => x.Number!.Value)
            .ToDictionary(g => g.Key, g => g.Select(x => GitHubItems.ToReply(x.Comment)).ToList());

        var numbers = issues.Keys.Union(byIssue.Keys).Where(n => !pulls.Contains(n)).Order().ToList();
        var batch = new List<FeedbackItem>();
        foreach (var n in numbers)
        {
            var stored = firstRead ? null : await items.GetAsync(GitHubItems.ItemId(repo, n), ct);
            var issue = issues.GetValueOrDefault(n);
            if (issue is null && stored is null)
            {
                // A new comment on an issue we never stored (older than our first run): fetch it once.
                issue = (await CallAsync(() => client.Connection.Get<GitHubIssue>(ApiUrls.Issue(owner, name, n), null, null, ct), ct)).Body;
                if (issue.PullRequest is not null) { pulls.Add(n); continue; }
            }
            if (issue is not null && GitHubItems.IsBot(issue.User))
            {
                if (stored is null) tally.Skip();
                continue;
            }
            var replies = ReplyMerge.Merge(stored?.Replies ?? [], byIssue.GetValueOrDefault(n) ?? []);
            var item = issue is not null
                ? GitHubItems.FromIssue(repo, issue, replies)
                : stored! with { Replies = replies, UpdatedAt = replies.Select(r => r.CreatedAt).Append(stored.UpdatedAt).Max() };
            if (stored is not null && stored.SameAs(item)) continue;
            batch.Add(item);
            if (batch.Count >= StoreBatch)
            {
                tally.Add(await items.UpsertAsync(batch, ct));
                batch = [];
            }
        }
        if (batch.Count > 0) tally.Add(await items.UpsertAsync(batch, ct));
    }

    /// <summary>Follows Link: next from the first page; returns the first request's cache key.</summary>
    private async Task<string?> WalkAsync<T>(GitHubClient client, GitHubResponseCache? cache, Uri endpoint,
        Dictionary<string, string> parameters, Action<List<T>> onPage, CancellationToken ct)
    {
        var response = await CallAsync(() => client.Connection.Get<List<T>>(endpoint, parameters, null, ct), ct);
        var firstKey = cache?.LastRequestKey;
        onPage(response.Body);
        while (response.HttpResponse.ApiInfo.Links.TryGetValue("next", out var next))
        {
            response = await CallAsync(() => client.Connection.Get<List<T>>(next, null, null, ct), ct);
            onPage(response.Body);
        }
        return firstKey;
    }

    private async Task<IApiResponse<T>> CallAsync<T>(Func<Task<IApiResponse<T>>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (ApiException e) when (IsRateLimited(e))
            {
                var wait = RateLimitHeaders.RequestedDelay(e.HttpResponse.Headers, time.GetUtcNow())
                    ?? (e is RateLimitExceededException r ? r.Reset - time.GetUtcNow() : TimeSpan.FromMinutes(1));
                if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
                if (wait > options.CurrentValue.MaxRateLimitWait || attempt >= MaxRateLimitWaits)
                    throw new GitHubStopException($"GitHub rate limit (reset in {wait:g}); continuing next run");
                log.LogInformation("GitHub rate limit: waiting {Wait}", wait);
                await Task.Delay(wait, time, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested
                && (e is HttpRequestException or TimeoutRejectedException || (e is ApiException a && (int)a.StatusCode >= 500)))
            {
                throw new GitHubStopException($"GitHub unavailable ({e.GetType().Name}); continuing next run");
            }
        }
    }

    private static bool IsRateLimited(ApiException e) =>
        e is RateLimitExceededException or SecondaryRateLimitExceededException
        || e.StatusCode == HttpStatusCode.TooManyRequests
        || (e.StatusCode == HttpStatusCode.Forbidden && e.HttpResponse?.Headers is { } h
            && (h.Any(kv => string.Equals(kv.Key, "Retry-After", StringComparison.OrdinalIgnoreCase))
                || h.Any(kv => string.Equals(kv.Key, "x-ratelimit-remaining", StringComparison.OrdinalIgnoreCase) && kv.Value == "0")));

    private Dictionary<string, string> Params(DateTimeOffset? since, params string[] extra)
    {
        var p = new Dictionary<string, string>
        {
            ["sort"] = "updated",
            ["direction"] = "asc",
            ["per_page"] = options.CurrentValue.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i + 1 < extra.Length; i += 2) p[extra[i]] = extra[i + 1];
        if (since is { } s) p["since"] = s.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return p;
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset b) => a is null || b > a ? b : a;

    private async Task<DateTimeOffset?> GetTimeAsync(string key, CancellationToken ct) =>
        await cursors.GetAsync("github", key, ct) is { Length: > 0 } s
            ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;

    private Task SetTimeAsync(string key, DateTimeOffset value, CancellationToken ct) =>
        cursors.SetAsync("github", key, value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), ct);

    internal static (string Owner, string Name) Split(string repo)
    {
        var parts = repo.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new ArgumentException($"GitHub:Repositories entry '{repo}' must be owner/name");
        return (parts[0], parts[1]);
    }
}
