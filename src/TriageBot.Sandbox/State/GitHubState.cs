namespace TriageBot.Sandbox;

// Plain mutable classes the GitHub endpoints serve and write. Guard with SandboxState.Sync.

public sealed class GitHubState
{
    public List<GitHubRepoState> Repos { get; } = [];
    /// <summary>Next id for comments created at runtime (kept above every scenario comment id).</summary>
    public long NextCommentId { get; set; } = 1;

    public GitHubRepoState? FindRepo(string owner, string name) =>
        Repos.Find(r => string.Equals(r.Owner, owner, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}

public sealed class GitHubRepoState
{
    public string Owner { get; set; } = "";
    public string Name { get; set; } = "";
    public string DefaultBranch { get; set; } = "main";
    /// <summary>Issues and pull requests (which are issues too), sorted by number.</summary>
    public List<GitHubIssueState> Issues { get; } = [];
    /// <summary>Git refs, e.g. "refs/heads/main"; refs created through the API are added here.</summary>
    public List<GitHubRefState> Refs { get; } = [];
    /// <summary>Pull requests created through the API.</summary>
    public List<GitHubPullRequestState> PullRequests { get; } = [];

    public GitHubIssueState? FindIssue(int number) => Issues.Find(i => i.Number == number);

    /// <summary>
    /// Filtered and sorted listings by query (without page), so paging through ~10,000 issues does not filter and
    /// sort them all on every page request. Whatever changes this repository's issues or comments calls
    /// <see cref="Changed"/>, which drops them.
    /// </summary>
    internal Dictionary<string, object> Listings { get; } = new(StringComparer.Ordinal);

    /// <summary>Drops the cached listings; call after any change to <see cref="Issues"/> or their comments.</summary>
    public void Changed() => Listings.Clear();
}

public sealed class GitHubIssueState
{
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string User { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string State { get; set; } = "open";
    public List<string> Labels { get; set; } = [];
    public int Reactions { get; set; }
    public bool IsPullRequest { get; set; }
    public List<GitHubCommentState> Comments { get; } = [];
}

public sealed class GitHubCommentState
{
    public long Id { get; set; }
    public int IssueNumber { get; set; }
    public string User { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class GitHubRefState
{
    public string Ref { get; set; } = "";
    public string Sha { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class GitHubPullRequestState
{
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string Head { get; set; } = "";
    public string Base { get; set; } = "";
    public bool Draft { get; set; }
    public string State { get; set; } = "open";
    public string User { get; set; } = "triagebot";
    public DateTimeOffset CreatedAt { get; set; }
}
