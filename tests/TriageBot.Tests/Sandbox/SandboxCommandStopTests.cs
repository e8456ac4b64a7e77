using System.Diagnostics;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Sandbox;

/// <summary>
/// `triagebot sandbox` as its own process stops on SIGTERM (what `docker stop`, systemd and `timeout` send): the embedded
/// web host must leave the process's signals to the command, or it stops itself and the command waits forever.
/// </summary>
public sealed class SandboxCommandStopTests
{
    [Fact]
    public async Task The_sandbox_command_exits_on_SIGTERM()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // SIGTERM is a POSIX signal
        var cli = Path.Combine(AppContext.BaseDirectory, "triagebot.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { cli, "sandbox", "--scenario", Path.Combine(SandboxFixture.RepoRoot, "scenarios", "demo.json"), "--port", "0" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        try
        {
            using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var serving = false;
            while (!serving && await process.StandardOutput.ReadLineAsync(ready.Token) is { } line)
                serving = line.StartsWith("Press Ctrl-C", StringComparison.Ordinal);
            if (!serving) Assert.Fail("the sandbox did not start: " + await process.StandardError.ReadToEndAsync(ready.Token));
            Assert.False(process.HasExited);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
                await kill.WaitForExitAsync();
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(stopped.Token);
            Assert.True(process.HasExited);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
