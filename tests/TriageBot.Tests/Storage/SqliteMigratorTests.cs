using TriageBot.Storage.Sqlite;

namespace TriageBot.Tests.Storage;

public sealed class SqliteMigratorTests : IDisposable
{
    private readonly TempSqliteDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Migrating_twice_keeps_one_row_per_version_and_the_data()
    {
        var ct = CancellationToken.None;
        await new SqliteMigrator(_db.Factory).MigrateAsync(ct);
        await new SqliteCursorStore(_db.Factory, _db.Time).SetAsync("slack", "C01:history", "1763370000.000100", ct);

        await new SqliteMigrator(_db.Factory).MigrateAsync(ct);
        var again = new SqliteMigrator(_db.NewFactory());
        await again.MigrateAsync(ct);

        Assert.Equal(SqliteMigrator.LatestVersion, await again.GetVersionAsync(ct));
        await using var connection = await _db.Factory.OpenAsync(ct);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_version;";
        await using var reader = await count.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal(SqliteMigrations.All.Count, reader.GetInt32(0));
        Assert.Equal(reader.GetInt32(0), reader.GetInt32(1));
        Assert.Equal("1763370000.000100", await new SqliteCursorStore(_db.Factory, _db.Time).GetAsync("slack", "C01:history", ct));
    }

    [Fact]
    public async Task Migrators_racing_on_a_new_file_all_succeed_and_the_file_is_in_wal_mode()
    {
        var ct = CancellationToken.None;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new SqliteMigrator(_db.NewFactory()).MigrateAsync(ct), ct)));

        Assert.Equal(SqliteMigrator.LatestVersion, await new SqliteMigrator(_db.Factory).GetVersionAsync(ct));
        await using var connection = await _db.Factory.OpenAsync(ct);
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync(ct));
    }

    [Fact]
    public void Migration_versions_are_numbered_one_up_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, SqliteMigrations.All.Count), SqliteMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public async Task A_store_used_before_anyone_migrates_migrates_the_file_itself()
    {
        var ct = CancellationToken.None;
        var items = new SqliteItemStore(_db.Factory, _db.Time);
        Assert.Equal(0, await items.CountAsync(ct));
    }
}

public sealed class SqliteInMemoryStoreTests
{
    [Fact]
    public async Task An_in_memory_store_keeps_its_data_across_connections_until_the_factory_is_disposed()
    {
        var ct = CancellationToken.None;
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using (var factory = new SqliteConnectionFactory("Data Source=:memory:"))
        {
            var items = new SqliteItemStore(factory, time);
            await items.UpsertAsync([TempSqliteDatabase.Item("slack:C01:1.0")], ct);
            await new SqliteCursorStore(factory, time).SetAsync("slack", "C01", "1.0", ct);

            Assert.True(factory.IsInMemory);
            Assert.Equal(1, await items.CountAsync(ct));
            Assert.Equal("1.0", await new SqliteCursorStore(factory, time).GetAsync("slack", "C01", ct));
        }

        // A second :memory: factory is a different, empty database.
        await using var other = new SqliteConnectionFactory("Data Source=:memory:");
        Assert.Equal(0, await new SqliteItemStore(other, time).CountAsync(ct));
    }
}
