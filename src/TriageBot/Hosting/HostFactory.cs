using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TriageBot.Pipeline;

namespace TriageBot.Hosting;

/// <summary>
/// Builds the generic host every command runs in. Configuration, last wins: appsettings.json beside
/// the executable, the <c>--config</c> file, user secrets, environment variables prefixed
/// <c>TRIAGEBOT_</c> (<c>TRIAGEBOT_Slack__Token</c>), then the command's own overrides (the demo's
/// pointers at its sandbox). Secrets belong in the environment or user secrets, never in a file in the repo.
/// </summary>
public static class HostFactory
{
    public static IHost Build(
        string? configFile,
        IReadOnlyDictionary<string, string?>? overrides,
        TimeProvider? clock,
        bool interactiveProgress,
        Action<IServiceCollection, IConfiguration>? extra = null)
    {
        if (configFile is not null && !File.Exists(configFile))
            throw new UsageException($"--config: file '{configFile}' does not exist.");

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        var config = builder.Configuration;
        config.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (configFile is not null)
            config.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        config.AddUserSecrets(typeof(HostFactory).Assembly, optional: true);
        config.AddEnvironmentVariables("TRIAGEBOT_");
        if (overrides is not null) config.AddInMemoryCollection(overrides);

        builder.Logging.AddConfiguration(config.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        // A host that fails to start (bad settings) is reported by the command as one line; the
        // host's own log of it would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // A live progress view owns the terminal; only warnings interrupt it.
        if (interactiveProgress)
        {
            builder.Services.PostConfigure<LoggerFilterOptions>(o =>
            {
                o.Rules.Clear();
                o.MinLevel = LogLevel.Warning;
            });
        }

        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddTriageBot(config);
        if (interactiveProgress)
            builder.Services.AddSingleton<IPipelineProgress, Terminal.SpectrePipelineProgress>();
        extra?.Invoke(builder.Services, config);
        return builder.Build();
    }
}
