using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Sandbox;

internal static class SandboxJson
{
    /// <summary>snake_case, nulls omitted: the shape Slack, GitHub, X and OpenAI answer in.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static IResult Json(object value, int status = 200) => Results.Json(value, Options, statusCode: status);
}
