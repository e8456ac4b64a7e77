using TriageBot.Hosting;
using TriageBot.Sandbox;

namespace TriageBot.Tests.EndToEnd;

/// <summary>Tests that swap Console.Out/Error run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var o = new StringWriter();
        using var e = new StringWriter();
        try
        {
            Console.SetOut(o);
            Console.SetError(e);
            var exit = await TriageBotCli.RunAsync(args);
            return (exit, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    /// <summary>
    /// Writes a config file for `run` against <paramref name="sandbox"/> into <paramref name="dir"/>, with the store in
    /// that folder too (so two runs share it); <paramref name="adjust"/> changes settings first. Returns the file's path.
    /// </summary>
    public static async Task<string> WriteRunConfigAsync(SandboxHost sandbox, Scenario scenario, string dir, Action<Dictionary<string, string?>>? adjust = null)
    {
        var settings = SandboxConfiguration.For(sandbox, scenario);
        settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(dir, "store.db")}";
        adjust?.Invoke(settings);
        var config = Path.Combine(dir, "sandbox.json");
        await File.WriteAllTextAsync(config, SandboxConfiguration.ToJson(settings));
        return config;
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "triagebot-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
