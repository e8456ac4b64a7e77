using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Diagnostics;
using TriageBot.Ingest;
using TriageBot.Sandbox;
using TriageBot.Storage;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Ingest;

/// <summary>The ingest stage wired as the app wires it (AddTriageBotIngest), pointed at a sandbox, over in-memory stores.</summary>
internal sealed class IngestHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public InMemoryStores Stores { get; }
    public RunMetrics Metrics => _services.GetRequiredService<RunMetrics>();

    public IngestHarness(SandboxHost sandbox, TimeProvider clock, Dictionary<string, string?> settings, InMemoryStores? stores = null)
    {
        Stores = stores ?? new InMemoryStores();
        var all = new Dictionary<string, string?>
        {
            ["Slack:BaseUrl"] = sandbox.SlackApiUrl.ToString(),
            ["Slack:Token"] = sandbox.Credentials.SlackBotToken,
            ["GitHub:BaseUrl"] = sandbox.GitHubApiUrl.ToString(),
            ["GitHub:Token"] = sandbox.Credentials.GitHubToken,
            ["X:BaseUrl"] = sandbox.XApiUrl.ToString(),
            ["X:BearerToken"] = sandbox.Credentials.XBearerToken,
        };
        foreach (var (k, v) in settings) all[k] = v;
        var config = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton<ICursorStore>(Stores);
        services.AddSingleton<IItemStore>(Stores);
        services.AddTriageBotIngest(config);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task<Dictionary<string, SourceReadResult>> RunAsync(CancellationToken ct = default)
    {
        var results = await Get<FeedbackIngest>().RunAsync(ct);
        return results.ToDictionary(r => r.Source.ToString(), StringComparer.Ordinal);
    }

    public void Dispose() => _services.Dispose();

    public static Dictionary<string, string?> Settings(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (string?)Convert.ToString(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
