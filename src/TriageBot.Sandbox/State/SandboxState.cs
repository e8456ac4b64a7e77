namespace TriageBot.Sandbox;

/// <summary>
/// Everything the sandbox serves and everything clients wrote, in memory. One lock guards it all:
/// take <see cref="Sync"/> around every read or write (requests are short; contention is not a concern).
/// </summary>
public sealed class SandboxState
{
    public Lock Sync { get; } = new();
    public DateTimeOffset ScenarioNow { get; }
    /// <summary>The sandbox clock (SandboxOptions.TimeProvider): stamp created_at/updated_at of writes with it.</summary>
    public TimeProvider Clock { get; internal set; } = TimeProvider.System;
    public SlackState Slack { get; }
    public GitHubState GitHub { get; } = new();
    public XState X { get; } = new();
    public LinearState Linear { get; } = new();
    public List<ScenarioGoal> Goals { get; } = [];

    public SandboxState(Scenario scenario, string slackWorkspace = "sandbox")
    {
        ScenarioNow = scenario.Now;
        Slack = new SlackState(slackWorkspace);
        Goals.AddRange(scenario.Goals ?? []);
        ScenarioAppender.Apply(this, scenario);
    }

    /// <summary>Adds a partial scenario's items while the sandbox runs (new messages, replies, issues, comments, posts...).</summary>
    public AppendResult Append(Scenario partial)
    {
        lock (Sync)
        {
            return ScenarioAppender.Apply(this, partial);
        }
    }
}

/// <summary>What an append added or changed.</summary>
public sealed record AppendResult(
    int SlackMessages,
    int SlackReplies,
    [property: System.Text.Json.Serialization.JsonPropertyName("github_issues")] int GitHubIssues,
    [property: System.Text.Json.Serialization.JsonPropertyName("github_comments")] int GitHubComments,
    int XPosts,
    int LinearIssues);
