using System.ComponentModel;

namespace TriageBot.Agent.Model;

/// <summary>What the model must return for one theme (structured output, JSON schema, snake_case).</summary>
public sealed record ModelThemeDraft
{
    [Description("At most 90 characters: the user-visible problem.")]
    public string Title { get; init; } = "";

    [Description("2-4 sentences: what happens, where, how often, workaround.")]
    public string Summary { get; init; } = "";

    [Description("1 urgent, 2 high, 3 medium, 4 low.")]
    public int Priority { get; init; }

    [Description("True only for typos, wrong copy, broken links, off-by-ones, single UI strings.")]
    public bool SmallFix { get; init; }

    public string? SmallFixReason { get; init; }

    [Description("Id of the goal the theme serves, or null.")]
    public string? GoalId { get; init; }

    [Description("Names from the team's existing labels only.")]
    public IReadOnlyList<string> Labels { get; init; } = [];

    [Description("False for praise or chit-chat.")]
    public bool Actionable { get; init; }
}
