using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TriageBot.Pipeline;

namespace TriageBot.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the run report writer, the digest builder and writers, and two <see cref="IRunPublisher"/>s:
    /// the digest files, and the Slack post (through <see cref="SlackDigestChannel"/>, i.e. the Slack client that
    /// <c>AddTriageBotIngest</c> registers, unless another <see cref="IDigestChannel"/> is registered; only when
    /// <c>Digest:SlackChannel</c> or <c>Slack:DigestChannel</c> is set). Goals come from the registered <c>GoalCatalog</c>.
    /// The goal board's Linear project updates (<see cref="LinearProjectUpdatePublisher"/>) need the tickets stage's Linear
    /// client, so the composition root registers them.
    /// </summary>
    public static IServiceCollection AddTriageBotReports(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DigestOptions>()
            .Bind(config.GetSection(DigestOptions.Section))
            .PostConfigure(o =>
            {
                // Slack:DigestChannel is the other documented place for the channel.
                if (string.IsNullOrWhiteSpace(o.SlackChannel)) o.SlackChannel = config["Slack:DigestChannel"];
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton<RunReportWriter>();
        services.TryAddSingleton<DigestFileWriter>();
        services.TryAddSingleton<IDigestChannel, SlackDigestChannel>();
        services.TryAddSingleton(sp => new DigestBuilder(sp.GetRequiredService<IOptions<DigestOptions>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPublisher, DigestFilePublisher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPublisher, SlackDigestPoster>(sp =>
            new SlackDigestPoster(sp.GetRequiredService<DigestBuilder>(), sp.GetRequiredService<Domain.GoalCatalog>(),
                sp.GetService<IDigestChannel>(), sp.GetService<Storage.ICursorStore>(), sp.GetRequiredService<IOptions<DigestOptions>>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SlackDigestPoster>>())));
        return services;
    }
}
