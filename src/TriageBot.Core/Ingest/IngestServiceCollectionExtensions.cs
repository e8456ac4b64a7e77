using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TriageBot.Clients.Slack;
using TriageBot.Clients.X;
using TriageBot.Diagnostics;
using TriageBot.Ingest.GitHub;
using TriageBot.Ingest.Resilience;
using TriageBot.Ingest.Slack;
using TriageBot.Ingest.X;

namespace TriageBot.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Options (Slack, GitHub, X; validated at start), the Slack and X protocol clients and the Octokit factory
    /// (each with call counting and resilience), and the three readers as <see cref="IFeedbackReader"/>.
    /// Needs the store (<c>AddTriageBotStorage</c>) for <see cref="Storage.ICursorStore"/> and <see cref="Storage.IItemStore"/>.
    /// </summary>
    public static IServiceCollection AddTriageBotIngest(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunMetrics>();

        services.AddOptions<SlackOptions>().Bind(config.GetSection(SlackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GitHubOptions>().Bind(config.GetSection(GitHubOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<XOptions>().Bind(config.GetSection(XOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XOptions>, XOptionsValidation>());

        // No per-request log lines from IHttpClientFactory (two handlers and four log calls per request; a first
        // Slack read makes ~20,000): the readers log what matters (stops, rate limits, skipped channels).
        services.AddHttpClient<SlackWebClient>((sp, http) => Configure(http, sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.BaseUrl))
            .AddServiceResilience("slack", sp => sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.Http)
            .AddHttpMessageHandler(sp => new ApiCallCountingHandler(sp.GetRequiredService<RunMetrics>(), "slack"))
            .RemoveAllLoggers();
        services.AddHttpClient<XSearchClient>((sp, http) => Configure(http, sp.GetRequiredService<IOptionsMonitor<XOptions>>().CurrentValue.BaseUrl))
            .AddServiceResilience("x", sp => sp.GetRequiredService<IOptionsMonitor<XOptions>>().CurrentValue.Http)
            .AddHttpMessageHandler(sp => new ApiCallCountingHandler(sp.GetRequiredService<RunMetrics>(), "x"))
            .RemoveAllLoggers();
        services.AddHttpClient(GitHubClientFactory.HttpClientName)
            .AddServiceResilience("github", sp => sp.GetRequiredService<IOptionsMonitor<GitHubOptions>>().CurrentValue.Http)
            .AddHttpMessageHandler(sp => new ApiCallCountingHandler(sp.GetRequiredService<RunMetrics>(), "github"))
            .RemoveAllLoggers();

        services.TryAddSingleton<GitHubClientFactory>();
        services.TryAddSingleton<SlackRequestBudget>();
        services.TryAddSingleton<SlackDirectory>();

        services.TryAddTransient<SlackThreadReader>();
        services.TryAddTransient<GitHubIssueReader>();
        services.TryAddTransient<XPostReader>();
        services.AddTransient<IFeedbackReader>(sp => sp.GetRequiredService<SlackThreadReader>());
        services.AddTransient<IFeedbackReader>(sp => sp.GetRequiredService<GitHubIssueReader>());
        services.AddTransient<IFeedbackReader>(sp => sp.GetRequiredService<XPostReader>());
        services.TryAddTransient<FeedbackIngest>();
        return services;
    }

    private static void Configure(HttpClient http, string baseUrl)
    {
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        // The resilience pipeline owns timeouts (per attempt and in total).
        http.Timeout = Timeout.InfiniteTimeSpan;
    }
}
