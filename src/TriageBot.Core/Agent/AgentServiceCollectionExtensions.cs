using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OpenAI;
using TriageBot.Agent.Model;
using TriageBot.Agent.Offline;
using TriageBot.Agent.Text;
using TriageBot.Diagnostics;
using TriageBot.Storage;

namespace TriageBot.Agent;

public static class AgentServiceCollectionExtensions
{
    public const string LlmHttpClient = "llm";

    /// <summary>
    /// The agent: <see cref="PromptLibrary"/>, <see cref="OfflineThemeSummarizer"/>, and as
    /// <see cref="IThemeSummarizer"/> either the offline one (Agent:Provider Offline, the default) or
    /// <see cref="ModelThemeSummarizer"/> over an <see cref="IChatClient"/> (OpenAI/OpenAI-compatible or Ollama),
    /// whose HTTP calls are counted as "llm". An <see cref="IChatClient"/> registered before this call is used as is.
    /// </summary>
    public static IServiceCollection AddTriageBotAgent(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AgentOptions>().Bind(config.GetSection(AgentOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunMetrics>();
        services.TryAddSingleton<RunContext>();
        services.TryAddSingleton(_ => PromptLibrary.Load(PromptLibrary.DefaultDirectory()));
        services.TryAddSingleton<ICorpusStatisticsSource>(sp => new ItemStoreCorpusStatistics(sp.GetRequiredService<IItemStore>()));
        services.TryAddSingleton(sp => new OfflineThemeSummarizer(sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IItemStore>() is null ? null : sp.GetRequiredService<ICorpusStatisticsSource>()));

        services.AddHttpClient(LlmHttpClient, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<AgentOptions>>().Value.Timeout)
            .AddHttpMessageHandler(sp => new ApiCallCountingHandler(sp.GetRequiredService<RunMetrics>(), "llm"));
        services.TryAddSingleton(CreateChatClient);

        services.TryAddSingleton<IThemeSummarizer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AgentOptions>>().Value;
            if (options.Provider == AgentProvider.Offline) return sp.GetRequiredService<OfflineThemeSummarizer>();
            return new ModelThemeSummarizer(
                sp.GetRequiredService<IChatClient>(), options.Model ?? "model",
                sp.GetRequiredService<PromptLibrary>(), sp.GetRequiredService<OfflineThemeSummarizer>(),
                sp.GetRequiredService<IDraftCache>(), sp.GetRequiredService<IAuditLog>(),
                sp.GetRequiredService<RunMetrics>(), sp.GetRequiredService<RunContext>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ModelThemeSummarizer>>());
        });
        return services;
    }

    private static IChatClient CreateChatClient(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<AgentOptions>>().Value;
        var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(LlmHttpClient);
        switch (options.Provider)
        {
            case AgentProvider.Ollama:
                http.BaseAddress = new Uri(options.Endpoint!);
                return new OllamaApiClient(http, options.Model!);
            case AgentProvider.OpenAI:
                var clientOptions = new OpenAIClientOptions
                {
                    Transport = new HttpClientPipelineTransport(http),
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 2),
                };
                if (!string.IsNullOrWhiteSpace(options.Endpoint)) clientOptions.Endpoint = new Uri(options.Endpoint);
                return new OpenAI.Chat.ChatClient(options.Model!, new ApiKeyCredential(options.ApiKey!), clientOptions).AsIChatClient();
            default:
                throw new InvalidOperationException("Agent:Provider is Offline; no chat client is configured.");
        }
    }
}
