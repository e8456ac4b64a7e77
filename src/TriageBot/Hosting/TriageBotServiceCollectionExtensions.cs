using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TriageBot.Agent;
using TriageBot.Clustering;
using TriageBot.Diagnostics;
using TriageBot.Dispatch;
using TriageBot.Domain;
using TriageBot.Ingest;
using TriageBot.Pipeline;
using TriageBot.Reports;
using TriageBot.Storage;
using TriageBot.Tickets;

namespace TriageBot.Hosting;

public static class TriageBotServiceCollectionExtensions
{
    /// <summary>The one composition root: every stage, the store and the pipeline that joins them.</summary>
    public static IServiceCollection AddTriageBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RunMetrics>();
        // Read now, so a bad goal stops start-up with a message instead of failing mid-run.
        services.AddSingleton(GoalCatalog.FromConfiguration(configuration));

        services.AddTriageBotStorage(configuration);
        services.AddTriageBotIngest(configuration);
        services.AddTriageBotClustering(configuration);
        // People's theme corrections must outlive the process: by default they sit beside the SQLite store (on PostgreSQL
        // they are in the database, registered by the storage stage).
        services.PostConfigure<ClusteringOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.OverridesFile)) o.OverridesFile = DefaultOverridesFile(configuration);
        });
        services.AddTriageBotAgent(configuration);
        services.AddTriageBotTickets(configuration);
        services.AddTriageBotDispatch(configuration);
        services.AddTriageBotReports(configuration);
        // A Reports publisher that writes through the Tickets stage's Linear client: composed here, where both are known.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPublisher, LinearProjectUpdatePublisher>());

        services.TryAddSingleton<ILabelSource, NoLabelSource>();
        services.TryAddSingleton<IPipelineProgress, LoggingPipelineProgress>();
        services.AddSingleton<TriagePipeline>();
        return services;
    }

    private static string DefaultOverridesFile(IConfiguration configuration)
    {
        var connection = configuration["Storage:ConnectionString"] ?? "Data Source=triagebot.db";
        string? dataSource = null;
        try { dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource; }
        catch (ArgumentException) { /* not a SQLite connection string: keep the file in the working folder */ }
        var dir = string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? "." : Path.GetDirectoryName(Path.GetFullPath(dataSource));
        return Path.Combine(string.IsNullOrEmpty(dir) ? "." : dir, "theme-overrides.json");
    }
}
