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

    [Fact]
    public void An_unsupported_provider_is_a_validation_error_naming_the_setting()
    {
        using var services = Build(new() { ["Storage:Provider"] = "Mongo" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:Provider must be", error.Message);
    }

    [Theory]
    [InlineData("Database=triagebot;Username=triagebot", "has no Host")]
    [InlineData("Data Source=triagebot.db", "not a valid PostgreSQL")]
    [InlineData("Host=db;Password=s3cret-pw;Frobnicate=1", "not a valid PostgreSQL")]
    public void A_postgres_connection_string_is_checked_at_start_up_without_echoing_it(string connectionString, string message)
    {
        using var services = Build(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = connectionString });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains(message, error.Message);
        Assert.Contains("Storage:ConnectionString", error.Message);
        Assert.DoesNotContain("s3cret-pw", error.Message);
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
