using System.CommandLine;
using TriageBot.Commands;

namespace TriageBot;

/// <summary>The command line: one executable, one verb per job. Program.cs only calls this, so tests can too.</summary>
public static class TriageBotCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("TriageBot: reads product feedback from Slack, GitHub and X, groups it into themes, files Linear tickets and writes a daily digest.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(TicketsCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(ThemesCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One clear line and exit code 2, as for any other usage or configuration problem.
            Console.Error.WriteLine($"error: {parse.Errors[0].Message} (see --help)");
            return 2;
        }
        return await parse.InvokeAsync();
    }
}
