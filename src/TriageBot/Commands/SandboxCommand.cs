using System.CommandLine;
using TriageBot.Hosting;
using TriageBot.Sandbox;

namespace TriageBot.Commands;

/// <summary><c>sandbox</c>: the fake services alone, until Ctrl-C, for <c>run</c> or a debugger to talk to.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var scenarioOption = new Option<FileInfo>("--scenario") { Description = "Scenario file to serve", Required = true };
        var port = new Option<int>("--port") { Description = "Loopback port (0 picks a free one)", DefaultValueFactory = _ => 5080 };
        var writeConfig = new Option<FileInfo?>("--write-config")
        {
            Description = "Write a configuration file that points every client at this sandbox",
        };
        var command = new Command("sandbox", "Serve a scenario over the Slack, GitHub, X, Linear and OpenAI protocols on loopback")
        {
            scenarioOption, port, writeConfig,
        };
        command.SetGuardedAction(async (parse, ct) =>
        {
            var p = parse.GetValue(port);
            if (p is < 0 or > 65535) throw new UsageException($"--port: {p} is not a port number (0-65535).");
            var scenario = SandboxConfiguration.WithDigestChannel(DemoCommand.LoadScenario(parse.GetValue(scenarioOption)!.FullName));
            await using var sandbox = await SandboxHost.StartAsync(scenario, SandboxConfiguration.OptionsFor(scenario, p), ct);

            Console.WriteLine($"Sandbox for scenario '{scenario.Name}' (now = {scenario.Now:O})");
            Console.WriteLine($"  Slack Web API   {sandbox.SlackApiUrl}");
            Console.WriteLine($"  GitHub REST     {sandbox.GitHubApiUrl}");
            Console.WriteLine($"  X API v2        {sandbox.XApiUrl}");
            Console.WriteLine($"  Linear GraphQL  {sandbox.LinearGraphQLUrl}");
            Console.WriteLine($"  OpenAI-compat.  {sandbox.OpenAIUrl}");
            Console.WriteLine($"  Admin           {sandbox.BaseUrl}_sandbox/state");
            if (parse.GetValue(writeConfig) is { } file)
            {
                var settings = SandboxConfiguration.For(sandbox, scenario);
                settings["Storage:ConnectionString"] = "Data Source=triagebot-sandbox.db";
                await File.WriteAllTextAsync(file.FullName, SandboxConfiguration.ToJson(settings), ct);
                Console.WriteLine($"Configuration written to {file.FullName}; use: triagebot run --config {file.Name} --now {scenario.Now:O}");
            }
            Console.WriteLine("Press Ctrl-C to stop.");
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { }
            return 0;
        });
        return command;
    }
}
