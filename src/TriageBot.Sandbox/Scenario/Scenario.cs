using System.Text.Json.Serialization;

namespace TriageBot.Sandbox;

// The scenario document of ../shared/scenario/FORMAT.md. Plain mutable classes: the sandbox
// copies them into its state, and a partial scenario (append) uses the same shapes.

public sealed class Scenario
{
    public string Name { get; set; } = "";
    public DateTimeOffset Now { get; set; }
    public ScenarioSlack? Slack { get; set; }
    [JsonPropertyName("github")] public ScenarioGitHub? GitHub { get; set; }
    public ScenarioX? X { get; set; }
    public ScenarioLinear? Linear { get; set; }
    public List<ScenarioGoal>? Goals { get; set; }
    /// <summary>Ground truth for evaluation. Parsed, never served by the sandbox.</summary>
    public ScenarioTruth? Truth { get; set; }
}

public sealed class ScenarioSlack
{
    public List<ScenarioSlackUser> Users { get; set; } = [];
    public List<ScenarioSlackChannel> Channels { get; set; } = [];
}

public sealed class ScenarioSlackUser
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? RealName { get; set; }
    public bool IsBot { get; set; }
}

public sealed class ScenarioSlackChannel
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Optional (not in FORMAT.md): whether the bot is a member; default true.</summary>
    public bool? IsMember { get; set; }
    /// <summary>Optional (not in FORMAT.md): a private channel (types=private_channel).</summary>
    public bool? IsPrivate { get; set; }
    public List<ScenarioSlackMessage> Messages { get; set; } = [];
}

public sealed class ScenarioSlackMessage
{
    public string Ts { get; set; } = "";
    public string? User { get; set; }
    public string Text { get; set; } = "";
    public string? Subtype { get; set; }
    /// <summary>Optional: total reaction count.</summary>
    public int? Reactions { get; set; }
    /// <summary>Replies of a thread parent (a reply's own Replies are ignored).</summary>
    public List<ScenarioSlackMessage>? Replies { get; set; }
}

public sealed class ScenarioGitHub
{
    public List<ScenarioGitHubRepo> Repos { get; set; } = [];
}

public sealed class ScenarioGitHubRepo
{
    public string Owner { get; set; } = "";
    public string Name { get; set; } = "";
    public List<ScenarioGitHubIssue> Issues { get; set; } = [];
}

public sealed class ScenarioGitHubIssue
{
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string User { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string State { get; set; } = "open";
    public List<string> Labels { get; set; } = [];
    public int Reactions { get; set; }
    public bool IsPullRequest { get; set; }
    public List<ScenarioGitHubComment> Comments { get; set; } = [];
}

public sealed class ScenarioGitHubComment
{
    public long Id { get; set; }
    public string User { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Optional: defaults to CreatedAt.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

public sealed class ScenarioX
{
    public List<ScenarioXUser> Users { get; set; } = [];
    public List<ScenarioXPost> Posts { get; set; } = [];
}

public sealed class ScenarioXUser
{
    public string Id { get; set; } = "";
    public string Username { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class ScenarioXPost
{
    public string Id { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? ConversationId { get; set; }
    public string? Lang { get; set; }
    public int LikeCount { get; set; }
    public int RetweetCount { get; set; }
    public int ReplyCount { get; set; }
    /// <summary>Optional (not in FORMAT.md): e.g. [{type:"retweeted", id}]; a text starting "RT @" also counts as a repost.</summary>
    public List<ScenarioXReference>? ReferencedTweets { get; set; }
}

public sealed class ScenarioXReference
{
    public string Type { get; set; } = "";
    public string Id { get; set; } = "";
}

public sealed class ScenarioLinear
{
    public List<ScenarioLinearTeam> Teams { get; set; } = [];
    public List<ScenarioLinearLabel>? Labels { get; set; }
    public List<ScenarioLinearProject>? Projects { get; set; }
    public List<ScenarioLinearIssue>? Issues { get; set; }
}

public sealed class ScenarioLinearTeam
{
    public string Id { get; set; } = "";
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class ScenarioLinearLabel
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? TeamId { get; set; }
}

public sealed class ScenarioLinearProject
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly? TargetDate { get; set; }
    public string? Description { get; set; }
}

public sealed class ScenarioLinearIssue
{
    public string Id { get; set; } = "";
    public string Identifier { get; set; } = "";
    public string TeamId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string State { get; set; } = "Todo";
    public List<string>? AttachmentUrls { get; set; }
}

public sealed class ScenarioGoal
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateOnly Starts { get; set; }
    public DateOnly Ends { get; set; }
}

public sealed class ScenarioTruth
{
    public List<ScenarioTruthTheme> Themes { get; set; } = [];
    public List<string> Noise { get; set; } = [];
}

public sealed class ScenarioTruthTheme
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public bool SmallFix { get; set; }
    public string? Goal { get; set; }
    public List<string> Items { get; set; } = [];
}
