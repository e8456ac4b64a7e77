using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TriageBot.Storage;

namespace TriageBot.Tests.Storage;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TempSqliteDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTriageBotStorage(config).BuildServiceProvider();
    }

    [Fact]
    public async Task Every_store_resolves_and_works_on_the_configured_file()
    {
        await using var services = Build(new() { ["Storage:ConnectionString"] = $"Data Source={_db.Path}" });

        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        await services.GetRequiredService<ICursorStore>().SetAsync("x", "q1:since_id", "42", CancellationToken.None);

        Assert.Equal(StorageOptions.SqliteProvider, services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider);
        Assert.True(File.Exists(_db.Path));
        Assert.NotNull(services.GetRequiredService<IItemStore>());
        Assert.NotNull(services.GetRequiredService<IEmbeddingStore>());
        Assert.NotNull(services.GetRequiredService<IThemeStore>());
        Assert.NotNull(services.GetRequiredService<ITicketStore>());
        Assert.NotNull(services.GetRequiredService<IDraftCache>());
        Assert.NotNull(services.GetRequiredService<IRunStore>());
        Assert.NotNull(services.GetRequiredService<IAuditLog>());
    }

    [Theory]
    [InlineData("Postgres", "not yet supported")]
    [InlineData("Mongo", "Storage:Provider must be")]
    public void An_unsupported_provider_is_a_validation_error_naming_the_setting(string provider, string message)
    {
        using var services = Build(new() { ["Storage:Provider"] = provider });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains(message, error.Message);
        Assert.Contains("Storage:Provider", error.Message);
    }

    [Fact]
    public void The_default_store_is_sqlite_in_triagebot_db()
    {
        using var services = Build([]);
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.Equal("Sqlite", options.Provider);
        Assert.Equal("Data Source=triagebot.db", options.ConnectionString);
    }
}
