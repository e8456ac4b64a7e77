using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Clustering;
using TriageBot.Hosting;
using TriageBot.Pipeline;
using TriageBot.Storage;

namespace TriageBot.Commands;

/// <summary>
/// <c>themes split|merge|pin</c>: a person's correction of the clusterer. Stored, and applied on every
/// later run, so the choice sticks.
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

        return new Command("themes", "Correct the clusterer; choices stick on later runs") { split, merge, pin };
    }

    private static async Task<int> WithOverrides(ParseResult parse, Option<FileInfo?> config, Func<ThemeOverrides, Task> action, string done)
    {
        using var host = HostFactory.Build(parse.GetValue(config)?.FullName, null, null, interactiveProgress: false);
        await action(host.Services.GetRequiredService<ThemeOverrides>());
        await TriagePipeline.MarkThemesChangedAsync(host.Services.GetRequiredService<ICursorStore>(), CancellationToken.None);
        Console.WriteLine($"{done}; it applies from the next run.");
        return 0;
    }
}
