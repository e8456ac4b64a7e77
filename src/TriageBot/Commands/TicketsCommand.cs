using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TriageBot.Hosting;
using TriageBot.Pipeline;

namespace TriageBot.Commands;

/// <summary><c>tickets approve THEME…</c>: files drafts that suggest mode only wrote into the report.</summary>
internal static class TicketsCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var themes = new Argument<string[]>("theme") { Description = "Theme ids (from report.json or the digest)", Arity = ArgumentArity.OneOrMore };
        var approve = new Command("approve", "File tickets for the given themes' drafts") { config, themes };
        approve.SetGuardedAction(async (parse, ct) =>
        {
            using var host = HostFactory.Build(parse.GetValue(config)?.FullName, null, null, interactiveProgress: false);
            await host.StartAsync(ct);
            try
            {
                await using var held = await PipelineRunner.HoldRunLockAsync(host.Services, ct);
                var outcomes = await host.Services.GetRequiredService<TriagePipeline>().ApproveAsync(parse.GetValue(themes)!, ct);
                foreach (var o in outcomes)
                    Console.WriteLine($"{o.ThemeId}: {o.Ticket.Identifier} {o.Action.ToString().ToLowerInvariant()} {o.Ticket.Url}");
                if (outcomes.Count == 0) Console.WriteLine("Nothing filed: the themes are not actionable or too small (Tickets:MinItems).");
                return 0;
            }
            catch (KeyNotFoundException ex)
            {
                throw new UsageException(ex.Message);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });
        return new Command("tickets", "Work with the tickets TriageBot files") { approve };
    }
}
