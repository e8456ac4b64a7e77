using System.CommandLine;
using System.Globalization;
using TriageBot.Hosting;

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

    /// <summary><c>--since</c>, read with <see cref="Since(ParseResult, Option{string})"/>.</summary>
    public static Option<string?> Since(string what) => new("--since") { Description = $"Only {what} at or after this ISO 8601 time or date" };

    /// <summary>The <c>--since</c> time (UTC unless it says otherwise), or null when not given; a bad value is a usage error.</summary>
    public static DateTimeOffset? Since(ParseResult parse, Option<string?> since)
    {
        if (parse.GetValue(since) is not { } text) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new UsageException($"--since: '{text}' is not an ISO 8601 time or date.");
    }

    /// <summary>Whether to draw a live progress view: only on a real terminal.</summary>
    public static bool Interactive => !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("CI") is null;
}
