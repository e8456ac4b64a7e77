using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using TriageBot.Agent.Offline;
using TriageBot.Diagnostics;
using TriageBot.Domain;
using TriageBot.Storage;
using TriageBot.Text;

namespace TriageBot.Agent.Model;

/// <summary>
/// The language-model agent. Calls the model only for new or changed themes (cache keyed on the
/// theme's content, the prompt version and the model); asks for structured output against a JSON
/// schema; output that fails validation is retried once, then the offline draft is used (logged,
/// counted as "llm.fallbacks"), never an exception. The model cannot push a theme past policy:
/// priority is clamped to the band computed from counts, a small fix needs a small-fix cue in the
/// reports, and a theme the offline agent finds actionable stays actionable.
/// </summary>
public sealed class ModelThemeSummarizer(
    IChatClient chat,
    string modelId,
    PromptLibrary prompts,
    OfflineThemeSummarizer offline,
    IDraftCache cache,
    IAuditLog audit,
    RunMetrics metrics,
    RunContext run,
    TimeProvider time,
    ILogger<ModelThemeSummarizer> logger) : IThemeSummarizer
{
    private static readonly JsonSerializerOptions Json = new(AIJsonUtilities.DefaultOptions)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public async Task<ThemeDraft> SummarizeAsync(ThemeContext context, CancellationToken ct)
    {
        var fallback = await offline.SummarizeAsync(context, ct);
        var policy = PriorityPolicy.Assess(context);
        var prompt = prompts.Get(PromptLibrary.ThemeSummary);
        var key = ContentKey(context, prompt);
        if (await cache.GetAsync(key, ct) is { } cached)
        {
            metrics.Add("llm.cache_hits");
            return cached with { ThemeId = context.Theme.Id, Priority = policy.Clamp(cached.Priority) };
        }

        var messages = Messages(context, prompt, policy);
        var inputHash = Hash(string.Join("\n", messages.Select(m => m.Text)))[..16];
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            string outcome;
            long inTokens = 0, outTokens = 0;
            try
            {
                var response = await chat.GetResponseAsync<ModelThemeDraft>(messages, Json, new ChatOptions { Temperature = 0 }, useJsonSchemaResponseFormat: true, ct);
                inTokens = response.Usage?.InputTokenCount ?? 0;
                outTokens = response.Usage?.OutputTokenCount ?? 0;
                metrics.Add("llm.tokens.input", inTokens);
                metrics.Add("llm.tokens.output", outTokens);
                if (response.TryGetResult(out var result) && Validate(result, context) is not { } problem)
                {
                    var draft = Merge(result, fallback, policy, context);
                    await AuditAsync(context, prompt, inputHash, inTokens, outTokens, "ok", attempt, ct);
                    await cache.PutAsync(key, draft, ct);
                    return draft;
                }
                else
                {
                    outcome = "invalid: " + (response.TryGetResult(out var r2) ? Validate(r2, context) : "not valid JSON for the schema");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                outcome = "error: " + ex.GetType().Name + ": " + ex.Message;
            }
            await AuditAsync(context, prompt, inputHash, inTokens, outTokens, outcome, attempt, ct);
            logger.LogWarning("Model output for theme {Theme} rejected (attempt {Attempt}): {Outcome}", context.Theme.Id, attempt, outcome);
        }

        metrics.Add("llm.fallbacks");
        logger.LogWarning("Theme {Theme}: model output unusable twice; using the offline draft", context.Theme.Id);
        return fallback;
    }

    private List<ChatMessage> Messages(ThemeContext context, PromptTemplate prompt, PriorityAssessment policy)
    {
        var goals = context.Goals.Count == 0
            ? "(none)"
            : string.Join("\n", context.Goals.Select(g => $"- {g.Id}: {PromptLibrary.Escape(g.Title)}: {PromptLibrary.Escape(g.Description)}"));
        var sources = string.Join(", ", Text.ThemeText.CountBySource(context.Items).Select(kv => $"{kv.Value} {kv.Key}"));
        var system = prompt.Render(new Dictionary<string, string>
        {
            ["priority_band"] = $"{(int)policy.MostUrgent} ({policy.MostUrgent}) to {(int)policy.LeastUrgent} ({policy.LeastUrgent})",
            ["priority_reason"] = policy.Reason,
            ["labels"] = context.KnownLabels.Count == 0 ? "(none: use Bug, Feature, Docs or Performance)" : string.Join(", ", context.KnownLabels),
            ["goals"] = goals,
            ["theme_id"] = context.Theme.Id,
            ["item_count"] = context.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sources"] = sources,
            ["trend"] = context.Trend.ToString().ToLowerInvariant(),
        });
        return
        [
            new ChatMessage(ChatRole.System, system),
            new ChatMessage(ChatRole.User, PromptLibrary.FeedbackBlocks(context.Items.Take(25))),
        ];
    }

    /// <summary>Null when usable; else what is wrong (the retry and the audit say it).</summary>
    private static string? Validate(ModelThemeDraft d, ThemeContext context)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) return "empty title";
        if (d.Title.Length > 200) return "title too long";
        if (string.IsNullOrWhiteSpace(d.Summary)) return "empty summary";
        if (d.Priority is < 0 or > 4) return $"priority {d.Priority} out of range";
        if (d.GoalId is { Length: > 0 } g && context.Goals.All(x => x.Id != g)) return $"unknown goal '{g}'";
        return null;
    }

    private ThemeDraft Merge(ModelThemeDraft m, ThemeDraft offlineDraft, PriorityAssessment policy, ThemeContext context)
    {
        var known = context.KnownLabels;
        var labels = known.Count == 0
            ? m.Labels.Where(l => l.Length is > 0 and < 40).Take(3).ToList()
            : m.Labels.Select(l => known.FirstOrDefault(k => string.Equals(k, l, StringComparison.OrdinalIgnoreCase))).OfType<string>().Distinct().ToList();
        var smallFixCue = context.Items.Any(i => Cues.IsSmallFix(i.FullText));
        return new ThemeDraft
        {
            ThemeId = context.Theme.Id,
            Title = Text.FeedbackText.Shorten(m.Title.Trim(), OfflineThemeSummarizer.MaxTitleLength),
            Summary = m.Summary.Trim(),
            Priority = policy.Clamp((TicketPriority)m.Priority),
            SmallFix = m.SmallFix && smallFixCue,
            SmallFixReason = m.SmallFix && smallFixCue ? m.SmallFixReason : null,
            GoalId = string.IsNullOrWhiteSpace(m.GoalId) ? null : m.GoalId,
            Labels = labels.Count > 0 ? labels : offlineDraft.Labels,
            Actionable = m.Actionable || offlineDraft.Actionable,
            Author = modelId,
        };
    }

    private Task AuditAsync(ThemeContext context, PromptTemplate prompt, string inputHash, long inTokens, long outTokens, string outcome, int attempt, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(time.GetUtcNow(), run.RunId, "llm.call", "theme " + context.Theme.Id,
            $"{prompt.Id}@{prompt.Version} on {modelId} (attempt {attempt})",
            "theme is new or changed since the last draft",
            $"input {inputHash}, tokens {inTokens} in / {outTokens} out, outcome {outcome}"), ct);

    /// <summary>Same items with the same text, same goals and labels, same prompt and model: same draft.</summary>
    private string ContentKey(ThemeContext context, PromptTemplate prompt)
    {
        var sb = new StringBuilder();
        sb.Append(prompt.Id).Append('@').Append(prompt.Version).Append('|').Append(modelId).Append('\n');
        foreach (var item in context.Items.OrderBy(i => i.Id, StringComparer.Ordinal)) sb.Append(item.Id).Append('=').Append(item.ContentHash).Append('\n');
        foreach (var goal in context.Goals.OrderBy(g => g.Id, StringComparer.Ordinal)) sb.Append("goal ").Append(goal.Id).Append(':').Append(goal.Title).Append(':').Append(goal.Description).Append('\n');
        sb.Append("labels ").Append(string.Join(',', context.KnownLabels.Order(StringComparer.Ordinal)));
        return "theme-draft:" + Hash(sb.ToString())[..40];
    }

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
