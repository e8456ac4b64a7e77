using System.CommandLine;
using Microsoft.Extensions.Hosting;
using TriageBot.Hosting;
using TriageBot.Scheduling;

namespace TriageBot.Commands;

/// <summary><c>serve</c>: stays up and runs the pipeline on the <c>Schedule:Cron</c> schedule.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("serve", "Run the pipeline on a schedule (Schedule:Cron) until stopped") { config };
        command.SetGuardedAction(async (parse, ct) =>
        {
            using var host = HostFactory.Build(parse.GetValue(config)?.FullName, null, null, interactiveProgress: false,
                (services, configuration) => services.AddTriageBotScheduling(configuration));
            await host.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
