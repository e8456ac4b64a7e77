using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using TriageBot.Domain;

namespace TriageBot.Clustering;

public enum ThemeOverrideKind { Split, Merge, Pin, Unpin }

/// <summary>
/// A person's choice about themes that every later run honours.
/// Split: <see cref="ItemIds"/> leave <see cref="ThemeId"/> for a theme of their own (id <c>{ThemeId}-split-{n}</c>).
/// Merge: <see cref="OtherThemeId"/>'s items join <see cref="ThemeId"/>, which keeps its id.
/// Pin/Unpin: the clusterer never merges a pinned theme automatically.
/// </summary>
public sealed record ThemeOverride
{
    public required ThemeOverrideKind Kind { get; init; }
    public required string ThemeId { get; init; }
    public string? OtherThemeId { get; init; }
    public IReadOnlyList<string> ItemIds { get; init; } = [];
    public DateTimeOffset At { get; init; }
}

/// <summary>Where the CLI keeps <c>themes split|merge|pin</c> choices.</summary>
public interface IThemeOverrideStore
{
    Task<IReadOnlyList<ThemeOverride>> GetAllAsync(CancellationToken ct);
    Task AddAsync(ThemeOverride choice, CancellationToken ct);
}

public sealed class InMemoryThemeOverrideStore : IThemeOverrideStore
{
    private readonly List<ThemeOverride> _all = [];
    private readonly Lock _lock = new();

    public Task<IReadOnlyList<ThemeOverride>> GetAllAsync(CancellationToken ct)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<ThemeOverride>>([.. _all]);
    }

    public Task AddAsync(ThemeOverride choice, CancellationToken ct)
    {
        lock (_lock) _all.Add(choice);
        return Task.CompletedTask;
    }
}

/// <summary>Choices kept in a JSON file (Clustering:OverridesFile), appended to, never rewritten by the clusterer.</summary>
public sealed class JsonFileThemeOverrideStore(string path) : IThemeOverrideStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyList<ThemeOverride>> GetAllAsync(CancellationToken ct)
    {
        if (!File.Exists(path)) return [];
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<ThemeOverride>>(stream, Json, ct) ?? [];
    }

    public async Task AddAsync(ThemeOverride choice, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var all = (await GetAllAsync(ct)).ToList();
            all.Add(choice);
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(all, Json), ct);
            File.Move(temp, path, overwrite: true);
        }
        finally { _gate.Release(); }
    }
}

/// <summary>The API behind <c>triagebot themes split|merge|pin</c>: records a choice; the next run applies it.</summary>
public sealed class ThemeOverrides(IThemeOverrideStore store, IOptions<ClusteringOptions> options, TimeProvider time)
{
    public Task SplitAsync(string themeId, IReadOnlyList<string> itemIds, CancellationToken ct) =>
        itemIds.Count == 0
            ? throw new ArgumentException("Name the items that leave the theme.", nameof(itemIds))
            : store.AddAsync(new ThemeOverride { Kind = ThemeOverrideKind.Split, ThemeId = themeId, ItemIds = itemIds, At = time.GetUtcNow() }, ct);

    /// <summary><paramref name="absorbedThemeId"/>'s items join <paramref name="themeId"/>, which keeps its id.</summary>
    public Task MergeAsync(string themeId, string absorbedThemeId, CancellationToken ct) =>
        themeId == absorbedThemeId
            ? throw new ArgumentException("A theme cannot be merged into itself.", nameof(absorbedThemeId))
            : store.AddAsync(new ThemeOverride { Kind = ThemeOverrideKind.Merge, ThemeId = themeId, OtherThemeId = absorbedThemeId, At = time.GetUtcNow() }, ct);

    public Task PinAsync(string themeId, bool pinned, CancellationToken ct) =>
        store.AddAsync(new ThemeOverride { Kind = pinned ? ThemeOverrideKind.Pin : ThemeOverrideKind.Unpin, ThemeId = themeId, At = time.GetUtcNow() }, ct);

    /// <summary>Configuration's choices first, then the store's, in the order they were made.</summary>
    public async Task<IReadOnlyList<ThemeOverride>> GetAllAsync(CancellationToken ct) =>
        [.. options.Value.Overrides, .. await store.GetAllAsync(ct)];

    /// <summary>Applies every choice to the themes of a run, in the order they were made; each change is recorded.</summary>
    /// <returns>Every theme a person merged into another, to the live theme that holds its reports now (chains followed).</returns>
    internal async Task<IReadOnlyDictionary<string, string>> ApplyAsync(List<WorkingTheme> themes, List<ThemeEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        var choices = await GetAllAsync(ct);
        var mergedInto = new Dictionary<string, string>(StringComparer.Ordinal);
        var splitCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            var theme = themes.FirstOrDefault(t => t.Id == choice.ThemeId);
            if (choice is { Kind: ThemeOverrideKind.Merge, OtherThemeId: { } absorbed }) mergedInto[absorbed] = choice.ThemeId;
            switch (choice.Kind)
            {
                case ThemeOverrideKind.Pin or ThemeOverrideKind.Unpin when theme is not null:
                    theme.Pinned = choice.Kind == ThemeOverrideKind.Pin;
                    break;
                case ThemeOverrideKind.Merge when theme is not null:
                    theme.ShapedByPerson = true;
                    var other = themes.FirstOrDefault(t => t.Id == choice.OtherThemeId);
                    if (other is null || other.Items.Count == 0) break;
                    events.Add(new ThemeEvent("merged", theme.Id, other.Id, $"override: merged by a person ({other.Items.Count} items joined {theme.Items.Count})", now));
                    theme.Items.AddRange(other.Items.Except(theme.Items, StringComparer.Ordinal));
                    other.Items.Clear();
                    theme.Changed = true;
                    break;
                case ThemeOverrideKind.Split:
                    var n = splitCount[choice.ThemeId] = splitCount.GetValueOrDefault(choice.ThemeId) + 1;
                    var splitId = $"{choice.ThemeId}-split-{n}";
                    var moving = choice.ItemIds.ToHashSet(StringComparer.Ordinal);
                    var target = themes.FirstOrDefault(t => t.Id == splitId);
                    if (theme is not null) theme.ShapedByPerson = true;
                    if (target is not null) target.ShapedByPerson = true;
                    var source = theme?.Items.Where(moving.Contains).ToList() ?? [];
                    if (source.Count == 0) break;
                    theme!.Items.RemoveAll(moving.Contains);
                    theme.Changed = true;
                    if (target is null)
                    {
                        themes.Add(new WorkingTheme { Id = splitId, Items = source, FirstSeen = now, LastChanged = now, Changed = true, ShapedByPerson = true });
                        events.Add(new ThemeEvent("split", choice.ThemeId, splitId, $"override: {source.Count} items split off by a person", now));
                    }
                    else target.Items.AddRange(source.Except(target.Items, StringComparer.Ordinal));
                    break;
            }
        }
        // A merge into a theme a later merge absorbed ends in the theme that holds both now.
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (absorbed, into) in mergedInto)
        {
            var end = into;
            for (var hops = 0; mergedInto.TryGetValue(end, out var next) && hops < mergedInto.Count; hops++) end = next;
            if (end != absorbed && themes.Exists(t => t.Id == end && t.Items.Count > 0)) result[absorbed] = end;
        }
        return result;
    }
}
