using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TriageBot.Storage;
using TriageBot.Storage.Postgres;

namespace TriageBot.Tests.Storage;

/// <summary>The store contract on PostgreSQL, a fresh schema per test; and what only PostgreSQL needs: migrating from several nodes at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests : StoreContractTests, IAsyncDisposable
{
    private readonly PostgresServer _server;
    private readonly string _connectionString;
    private readonly PostgresConnectionFactory _factory;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public PostgresStoreTests(PostgresServer server)
    {
        _server = server;
        _connectionString = server.NewSchema();
        _factory = new PostgresConnectionFactory(_connectionString);
        Store = new Stores(
            new PostgresCursorStore(_factory, _time), new PostgresItemStore(_factory, _time), new PostgresEmbeddingStore(_factory),
            new PostgresThemeStore(_factory, _time), new PostgresTicketStore(_factory, _time), new PostgresDraftCache(_factory, _time),
            new PostgresRunStore(_factory), new PostgresAuditLog(_factory), new PostgresRunLock(_factory));
    }

    protected override FakeTimeProvider Time => _time;

    protected override Stores Store { get; }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Nodes_that_start_at_once_migrate_the_schema_once()
    {
        // A race: a few rounds, each on an empty schema, with four nodes migrating together.
        for (var round = 0; round < 5; round++)
        {
            var schema = _server.NewSchema();
            var factories = Enumerable.Range(0, 4).Select(_ => new PostgresConnectionFactory(schema)).ToList();
            try
            {
                await Task.WhenAll(factories.Select(f => Task.Run(() => new PostgresMigrator(f).MigrateAsync(Ct))));

                Assert.Equal(PostgresMigrator.LatestVersion, await new PostgresMigrator(factories[0]).GetVersionAsync(Ct));
                await using var connection = new NpgsqlConnection(schema);
                await connection.OpenAsync(Ct);
                await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM schema_version;", connection);
                Assert.Equal(PostgresMigrations.All.Count, Convert.ToInt32(await count.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture));
            }
            finally
            {
                foreach (var f in factories) await f.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_node_that_dies_holding_the_run_lock_frees_it()
    {
        var crashing = new NpgsqlConnectionStringBuilder(_connectionString) { ApplicationName = "node-that-dies" }.ToString();
        await using var nodeA = new PostgresConnectionFactory(crashing);
        await using var nodeB = new PostgresConnectionFactory(_connectionString);
        var held = await new PostgresRunLock(nodeA).TryAcquireAsync(Ct);
        Assert.NotNull(held);
        Assert.Null(await new PostgresRunLock(nodeB).TryAcquireAsync(Ct));

        // The node's session ends without a word, as when its process is killed.
        await using (var admin = new NpgsqlConnection(_connectionString))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name = 'node-that-dies';", admin);
            await kill.ExecuteNonQueryAsync(Ct);
        }

        await using var taken = await new PostgresRunLock(nodeB).TryAcquireAsync(Ct);
        Assert.NotNull(taken);
        // Letting go of a lock whose session is gone is not an error: the lock went with the session.
        await held.DisposeAsync();
    }

    [Fact]
    public async Task The_provider_setting_registers_every_store_on_postgres()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _server.NewSchema(),
        }).Build();
        await using var services = new ServiceCollection().AddTriageBotStorage(config).BuildServiceProvider();

        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(Ct);
        await services.GetRequiredService<ICursorStore>().SetAsync("x", "q1:since_id", "42", Ct);

        Assert.IsType<PostgresItemStore>(services.GetRequiredService<IItemStore>());
        Assert.IsType<PostgresThemeStore>(services.GetRequiredService<IThemeStore>());
        Assert.IsType<PostgresRunLock>(services.GetRequiredService<IRunLock>());
        Assert.IsType<PostgresThemeOverrideStore>(services.GetRequiredService<TriageBot.Clustering.IThemeOverrideStore>());
        Assert.Equal("42", await services.GetRequiredService<ICursorStore>().GetAsync("x", "q1:since_id", Ct));
    }
}
