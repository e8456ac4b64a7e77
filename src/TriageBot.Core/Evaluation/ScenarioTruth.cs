using System.Text.Json;

namespace TriageBot.Evaluation;

public sealed record TruthTheme(string Id, string Title, bool SmallFix, string? Goal, IReadOnlyList<string> Items);

/// <summary>The <c>truth</c> block of a scenario file (../shared/scenario/FORMAT.md), read without the sandbox.</summary>
public sealed record ScenarioTruth(string? Name, IReadOnlyList<TruthTheme> Themes, IReadOnlyList<string> Noise)
{
    public const string NoiseLabel = "noise";

    public static ScenarioTruth Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return FromScenario(doc.RootElement);
    }

    public static ScenarioTruth Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return FromScenario(doc.RootElement);
    }

    private static ScenarioTruth FromScenario(JsonElement root)
    {
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (!root.TryGetProperty("truth", out var truth) || truth.ValueKind != JsonValueKind.Object)
            throw new FormatException("The scenario has no 'truth' block to score against.");
        var themes = new List<TruthTheme>();
        if (truth.TryGetProperty("themes", out var list))
            foreach (var t in list.EnumerateArray())
                themes.Add(new TruthTheme(
                    t.GetProperty("id").GetString()!,
                    t.TryGetProperty("title", out var title) ? title.GetString() ?? "" : "",
                    t.TryGetProperty("small_fix", out var sf) && sf.ValueKind == JsonValueKind.True,
                    t.TryGetProperty("goal", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null,
                    Strings(t, "items")));
        return new ScenarioTruth(name, themes, Strings(truth, "noise"));
    }

    private static List<string> Strings(JsonElement e, string property) =>
        e.TryGetProperty(property, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.GetString()!).ToList()
            : [];

    /// <summary>True label of every truth id: its theme id, or <see cref="NoiseLabel"/>.</summary>
    public Dictionary<string, string> Labels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in Themes)
            foreach (var id in t.Items) labels.TryAdd(id, t.Id);
        foreach (var id in Noise) labels.TryAdd(id, NoiseLabel);
        return labels;
    }
}
