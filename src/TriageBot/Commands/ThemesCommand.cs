using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Clustering;
using TriageBot.Hosting;
using TriageBot.Pipeline;
using TriageBot.Reports;
using TriageBot.Storage;

namespace TriageBot.Commands;

/// <summary>
/// <c>themes split|merge|pin</c>: a person's correction of the clusterer. Stored, and applied on every
/// later run, so the choice sticks. <c>themes history</c>: what was done to themes, and why.
/// </summary>
internal static class ThemesCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();

        var splitTheme = new Argument<string>("theme") { Description = "Theme id" };
        var splitItems = new Argument<string[]>("item") { Description = "Canonical item ids to move into a theme of their own", Arity = ArgumentArity.OneOrMore };
        var split = new Command("split", "Move items out of a theme into a new theme of their own") { config, splitTheme, splitItems };
        split.SetGuardedAction((parse, ct) => WithOverrides(parse, config, o =>
            o.SplitAsync(parse.GetValue(splitTheme)!, parse.GetValue(splitItems)!, ct), "split recorded"));

        var into = new Argument<string>("theme") { Description = "Theme id that stays" };
        var absorbed = new Argument<string>("absorbed") { Description = "Theme id merged into it" };
        var merge = new Command("merge", "Merge a theme into another") { config, into, absorbed };
        merge.SetGuardedAction((parse, ct) => WithOverrides(parse, config, o =>
            o.MergeAsync(parse.GetValue(into)!, parse.GetValue(absorbed)!, ct), "merge recorded"));

        var pinTheme = new Argument<string>("theme") { Description = "Theme id" };
        var off = new Option<bool>("--off") { Description = "Unpin instead" };
        var pin = new Command("pin", "Keep a theme as it is: never merged or split by the clusterer") { config, pinTheme, off };
        pin.SetGuardedAction((parse, ct) => WithOverrides(parse, config, o =>
            o.PinAsync(parse.GetValue(pinTheme)!, !parse.GetValue(off), ct), parse.GetValue(off) ? "unpinned" : "pinned"));

        var historyTheme = new Argument<string?>("theme") { Description = "Theme id (default: every theme)", Arity = ArgumentArity.ZeroOrOne };
        var since = CommonOptions.Since("events");
        var history = new Command("history", "What the clusterer and people did to themes (created, joined, merged, split, dissolved) and why")
        {
            config, historyTheme, since,
        };
        history.SetGuardedAction((parse, ct) => PrintHistoryAsync(parse.GetValue(config), parse.GetValue(historyTheme), CommonOptions.Since(parse, since), ct));

        return new Command("themes", "Correct the clusterer (choices stick on later runs), or read what it did and why") { split, merge, pin, history };
    }

    /// <summary>
    /// The stored theme events, oldest first: one line each with the other theme involved and the recorded reason, so a
    /// person can see why two themes became one or why a theme's reports went to noise.
    /// </summary>
    private static async Task<int> PrintHistoryAsync(FileInfo? config, string? themeId, DateTimeOffset? from, CancellationToken ct)
    {
        using var host = HostFactory.Build(config?.FullName, null, null, interactiveProgress: false);
        var events = (await host.Services.GetRequiredService<IThemeStore>().GetEventsAsync(themeId, ct))
            .Where(e => from is null || e.At >= from).ToList();
        foreach (var e in events)
        {
            var other = e.OtherThemeId is null ? "" : e.Kind switch
            {
                "merged" => $" <- {e.OtherThemeId}",
                "split" => $" -> {e.OtherThemeId}",
                _ => $" ({e.OtherThemeId})",
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.At:yyyy-MM-dd HH:mm:ss}  {e.Kind,-9} {e.ThemeId}{other}  {e.Reason}"));
        }
        Console.WriteLine(events.Count == 0 && themeId is not null ? $"no events for theme {themeId}" : $"{events.Count} events");

        var named = events.SelectMany(e => new[] { e.ThemeId, e.OtherThemeId }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var titles = await TitlesAsync(host.Services.GetRequiredService<IRunStore>(), named, ct);
        if (titles.Count > 0)
        {
            Console.WriteLine("Themes above, as the latest run that had each one titled it:");
            foreach (var id in named.Where(titles.ContainsKey)) Console.WriteLine($"  {id}  {titles[id]}");
        }
        return 0;
    }

    /// <summary>
    /// Each theme's title (and ticket) from the most recent stored run report that lists it, reading back at most
    /// <see cref="TitleRuns"/> runs: a theme merged away last week is still named by what it was about.
    /// </summary>
    private static async Task<Dictionary<string, string>> TitlesAsync(IRunStore runs, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ids.Count == 0) return titles;
        foreach (var run in await runs.GetRecentAsync(TitleRuns, ct))
        {
            if (run.ReportJson is not { Length: > 0 } json) continue;
            RunReport report;
            try
            {
                report = RunReport.FromJson(json);
            }
            catch (System.Text.Json.JsonException)
            {
                continue; // a report written by an older version: the ids stay as they are
            }
            foreach (var theme in report.Themes.Where(t => ids.Contains(t.Id) && !titles.ContainsKey(t.Id)))
                titles[theme.Id] = theme.Ticket is { } ticket ? $"{theme.Title} · {ticket.Identifier}" : theme.Title;
            if (titles.Count == ids.Count) break;
        }
        return titles;
    }

    private const int TitleRuns = 30;

    private static async Task<int> WithOverrides(ParseResult parse, Option<FileInfo?> config, Func<ThemeOverrides, Task> action, string done)
    {
        using var host = HostFactory.Build(parse.GetValue(config)?.FullName, null, null, interactiveProgress: false);
        await action(host.Services.GetRequiredService<ThemeOverrides>());
        await TriagePipeline.MarkThemesChangedAsync(host.Services.GetRequiredService<ICursorStore>(), CancellationToken.None);
        Console.WriteLine($"{done}; it applies from the next run.");
        return 0;
    }
}
