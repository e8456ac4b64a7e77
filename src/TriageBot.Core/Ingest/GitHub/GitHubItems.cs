using System.Globalization;
using System.Text.RegularExpressions;
using Octokit;
using TriageBot.Domain;

namespace TriageBot.Ingest.GitHub;

// The reader's response shapes: only the fields it reads (Octokit's Issue maps ~60 more, by reflection).
// Property names follow GitHub's JSON in snake_case, as both Octokit's SimpleJson and GitHubJsonContext map them.

/// <summary>A comment from the repository-wide comments endpoint; <c>issue_url</c> names its issue (Octokit's IssueComment drops it).</summary>
public sealed class GitHubRepoComment
{
    public long Id { get; set; }
    public string? HtmlUrl { get; set; }
    public string? IssueUrl { get; set; }
    public string? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public GitHubUser? User { get; set; }
}

/// <summary>An issue (or a pull request, which the issues endpoints list too: <see cref="PullRequest"/> set).</summary>
public sealed class GitHubIssue
{
    public int Number { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? HtmlUrl { get; set; }
    public GitHubUser? User { get; set; }
    public List<GitHubLabel>? Labels { get; set; }
    public GitHubReactions? Reactions { get; set; }
    public GitHubPullRequestRef? PullRequest { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

public sealed class GitHubUser
{
    public string? Login { get; set; }
}

public sealed class GitHubLabel
{
    public string? Name { get; set; }
}

public sealed class GitHubReactions
{
    public int TotalCount { get; set; }
}

public sealed class GitHubPullRequestRef
{
    public string? Url { get; set; }
}

internal static partial class GitHubItems
{
    [GeneratedRegex(@"/issues/(\d+)")]
    private static partial Regex IssueNumber();

    public static string ItemId(string repo, int number) => $"github:{repo}#{number}";

    public static bool IsBot(GitHubUser? user) =>
        user?.Login is { } login && login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase);

    public static int? IssueNumberOf(GitHubRepoComment c)
    {
        foreach (var url in new[] { c.IssueUrl, c.HtmlUrl })
        {
            if (url is null) continue;
            var tail = url.TrimEnd('/');
            var last = tail[(tail.LastIndexOf('/') + 1)..];
            if (url == c.IssueUrl && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            var m = IssueNumber().Match(url);
            if (m.Success) return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    public static FeedbackReply ToReply(GitHubRepoComment c) =>
        new(c.Id.ToString(CultureInfo.InvariantCulture), c.User?.Login ?? "", c.Body ?? "", c.CreatedAt, c.HtmlUrl);

    public static FeedbackItem FromIssue(string repo, GitHubIssue issue, IReadOnlyList<FeedbackReply> replies) => new()
    {
        Id = ItemId(repo, issue.Number),
        Source = FeedbackSource.GitHub,
        Location = repo,
        Title = issue.Title ?? "",
        Body = issue.Body ?? "",
        RawBody = issue.Body ?? "",
        Replies = replies,
        Url = issue.HtmlUrl ?? "",
        Author = issue.User?.Login ?? "",
        CreatedAt = issue.CreatedAt,
        UpdatedAt = issue.UpdatedAt ?? issue.CreatedAt,
        Reactions = issue.Reactions?.TotalCount ?? 0,
        Labels = issue.Labels?.Select(l => l.Name ?? "").ToList() ?? [],
    };

    /// <summary>Nothing a later stage looks at changed: not worth a write, nor a re-cluster.</summary>
    public static bool SameAs(this FeedbackItem stored, FeedbackItem fresh) =>
        stored.ContentHash == fresh.ContentHash
        && stored.Reactions == fresh.Reactions
        && stored.Labels.SequenceEqual(fresh.Labels)
        && stored.Replies.Count == fresh.Replies.Count;
}

/// <summary>A rate limit (or an outage) that ends this run's reading; the cursors keep what was read.</summary>
internal sealed class GitHubStopException(string reason) : Exception(reason);
