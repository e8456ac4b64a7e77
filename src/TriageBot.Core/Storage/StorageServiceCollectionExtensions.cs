using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TriageBot.Clustering;
using TriageBot.Storage.Postgres;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every store interface (SQLite, or PostgreSQL when <c>Storage:Provider</c> is "Postgres") and <see cref="IStoreMigrator"/>. The schema is migrated
    /// by a hosted service when a host starts, and in any case before the first store call.
    /// </summary>
    public static IServiceCollection AddTriageBotStorage(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<StorageOptions>()
            .Bind(config.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var provider = config.GetSection(StorageOptions.Section)[nameof(StorageOptions.Provider)];
        if (string.Equals(provider, StorageOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase)) AddPostgres(services);
        else AddSqlite(services);

        services.AddHostedService<StoreMigrationService>();
        return services;
    }

    private static void AddSqlite(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new SqliteConnectionFactory(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.TryAddSingleton<SqliteMigrator>();
        services.TryAddSingleton<IStoreMigrator>(sp => sp.GetRequiredService<SqliteMigrator>());
        services.TryAddSingleton<ICursorStore, SqliteCursorStore>();
        services.TryAddSingleton<IItemStore, SqliteItemStore>();
        services.TryAddSingleton<IEmbeddingStore, SqliteEmbeddingStore>();
        services.TryAddSingleton<IThemeStore, SqliteThemeStore>();
        services.TryAddSingleton<ITicketStore, SqliteTicketStore>();
        services.TryAddSingleton<IDraftCache, SqliteDraftCache>();
        services.TryAddSingleton<IRunStore, SqliteRunStore>();
        services.TryAddSingleton<IAuditLog, SqliteAuditLog>();
        services.TryAddSingleton<IRunLock, SqliteRunLock>();
    }

    private static void AddPostgres(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new PostgresConnectionFactory(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.TryAddSingleton<PostgresMigrator>();
        services.TryAddSingleton<IStoreMigrator>(sp => sp.GetRequiredService<PostgresMigrator>());
        services.TryAddSingleton<ICursorStore, PostgresCursorStore>();
        services.TryAddSingleton<IItemStore, PostgresItemStore>();
        services.TryAddSingleton<IEmbeddingStore, PostgresEmbeddingStore>();
        services.TryAddSingleton<IThemeStore, PostgresThemeStore>();
        services.TryAddSingleton<ITicketStore, PostgresTicketStore>();
        services.TryAddSingleton<IDraftCache, PostgresDraftCache>();
        services.TryAddSingleton<IRunStore, PostgresRunStore>();
        services.TryAddSingleton<IAuditLog, PostgresAuditLog>();
        services.TryAddSingleton<IRunLock, PostgresRunLock>();
        // Registered before clustering's file store, so every node reads the same choices.
        services.TryAddSingleton<IThemeOverrideStore, PostgresThemeOverrideStore>();
    }
}

/// <summary>Migrates the schema when a host starts, so a misconfigured store fails at start-up, not mid-run.</summary>
internal sealed class StoreMigrationService(IStoreMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
