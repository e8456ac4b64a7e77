using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Storage;

/// <summary>How items and drafts are stored as JSON by every store, so a database can move from SQLite to PostgreSQL as is.</summary>
internal static class StoredJson
{
    /// <summary>Enums as names, computed properties (ContentHash, FullText) left out.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static T From<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"stored {typeof(T).Name} is null");

    public static string To<T>(T value) => JsonSerializer.Serialize(value, Options);
}
