using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TriageBot.Hosting;
using TriageBot.Storage;

namespace TriageBot.Commands;

/// <summary><c>audit [--since]</c>: every model call and every write to an outside service, and why.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var since = CommonOptions.Since("entries");
        var command = new Command("audit", "List what TriageBot wrote and which model calls it made, with the reason") { config, since };
        command.SetGuardedAction(async (parse, ct) =>
        {
            var from = CommonOptions.Since(parse, since);
            using var host = HostFactory.Build(parse.GetValue(config)?.FullName, null, null, interactiveProgress: false);
            var entries = await host.Services.GetRequiredService<IAuditLog>().GetAsync(from, ct);
            foreach (var e in entries)
                Console.WriteLine($"{e.At:yyyy-MM-dd HH:mm:ss}  {e.Kind,-14} {e.Target,-24} {e.What} | why: {e.Why}");
            Console.WriteLine($"{entries.Count} entries");
            return 0;
        });
        return command;
    }
}
