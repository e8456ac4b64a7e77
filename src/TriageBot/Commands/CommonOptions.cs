using System.CommandLine;

namespace TriageBot.Commands;

internal static class CommonOptions
{
    public static Option<DirectoryInfo> Out(string defaultDir) => new("--out")
    {
        Description = "Folder for report.json, digest.md, digest.html (created if missing)",
        DefaultValueFactory = _ => new DirectoryInfo(defaultDir),
    };

    public static Option<FileInfo?> Config() => new("--config")
    {
        Description = "A JSON configuration file (same shape as appsettings.json); secrets come from the environment",
    };

    /// <summary>Whether to draw a live progress view: only on a real terminal.</summary>
    public static bool Interactive => !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("CI") is null;
}
