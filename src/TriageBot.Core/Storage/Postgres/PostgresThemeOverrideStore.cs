using System.Text.Json;
using System.Text.Json.Serialization;
using TriageBot.Clustering;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// People's <c>themes split|merge|pin</c> choices in the shared database, so every node's runs honour a choice made on
/// any of them (on SQLite they sit in a file beside the store, <see cref="JsonFileThemeOverrideStore"/>).
/// </summary>
public sealed class PostgresThemeOverrideStore(PostgresConnectionFactory factory) : IThemeOverrideStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Every choice, in the order they were made.</summary>
    public async Task<IReadOnlyList<ThemeOverride>> GetAllAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT json FROM theme_overrides ORDER BY seq;");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var all = new List<ThemeOverride>();
        while (await reader.ReadAsync(ct))
            all.Add(JsonSerializer.Deserialize<ThemeOverride>(reader.GetString(0), Json) ?? throw new JsonException("stored theme override is null"));
        return all;
    }

    public async Task AddAsync(ThemeOverride choice, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("INSERT INTO theme_overrides (json) VALUES (@json);")
            .With("json", JsonSerializer.Serialize(choice, Json));
        await command.ExecuteNonQueryAsync(ct);
    }
}
