using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>OpenAI-compatible chat/completions and embeddings under /openai/v1/. Credentials are checked by the pipeline.</summary>
internal static class OpenAIEndpoints
{
    private static long _completionId;

    public static void MapOpenAI(this IEndpointRouteBuilder app, SandboxServices services)
    {
        app.MapPost("/openai/v1/chat/completions", async (HttpRequest request) =>
        {
            var (body, raw, error) = await ReadAsync(request);
            if (body is null) return error!;
            if (body["messages"] is not JsonArray { Count: > 0 } messages) return Error(400, "'messages' is a required property", "messages");
            var prompt = string.Join("\n", messages.Select(m => ContentOf(m?["content"])));
            var content = services.OpenAI.Next(raw) ?? Compose(body, prompt);
            var model = body["model"]?.GetValue<string>() ?? "sandbox-model";
            var promptTokens = CountTokens(prompt);
            var completionTokens = CountTokens(content);
            var id = "chatcmpl-sandbox-" + Interlocked.Increment(ref _completionId).ToString(CultureInfo.InvariantCulture);
            var created = services.Clock.GetUtcNow().ToUnixTimeSeconds();
            var usage = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens };
            if (body["stream"]?.GetValueKind() == JsonValueKind.True) return Stream(id, created, model, content, usage);
            var response = new JsonObject
            {
                ["id"] = id, ["object"] = "chat.completion", ["created"] = created, ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                    ["logprobs"] = null,
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = usage,
                ["system_fingerprint"] = "fp_sandbox",
            };
            return Results.Content(response.ToJsonString(), "application/json");
        });

        app.MapPost("/openai/v1/embeddings", async (HttpRequest request) =>
        {
            var (body, _, error) = await ReadAsync(request);
            if (body is null) return error!;
            var inputs = body["input"] switch
            {
                JsonArray array => array.Select(i => i?.GetValueKind() == JsonValueKind.String ? i.GetValue<string>() : i?.ToJsonString() ?? "").ToList(),
                JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
                _ => null,
            };
            if (inputs is null || inputs.Count == 0) return Error(400, "'input' is a required property", "input");
            var dimensions = body["dimensions"]?.GetValue<int>() ?? services.Options.EmbeddingDimensions;
            if (dimensions is < 1 or > 8192) return Error(400, $"Invalid 'dimensions': {dimensions}.", "dimensions");
            var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
            var data = new JsonArray();
            for (var i = 0; i < inputs.Count; i++)
            {
                var vector = HashedEmbedding.Embed(inputs[i], dimensions);
                data.Add(new JsonObject
                {
                    ["object"] = "embedding", ["index"] = i,
                    ["embedding"] = base64 ? JsonValue.Create(HashedEmbedding.ToBase64(vector)) : new JsonArray([.. vector.Select(v => (JsonNode)JsonValue.Create(v))]),
                });
            }
            var tokens = inputs.Sum(CountTokens);
            var response = new JsonObject
            {
                ["object"] = "list", ["data"] = data, ["model"] = body["model"]?.GetValue<string>() ?? "sandbox-embedding",
                ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
            };
            return Results.Content(response.ToJsonString(), "application/json");
        });
    }

    /// <summary>The deterministic answer: a schema instance for json_schema, an object for json_object, else a short text.</summary>
    private static string Compose(JsonObject body, string prompt)
    {
        var snippets = SchemaInstance.DelimitedData(prompt);
        var format = body["response_format"];
        var type = format?["type"]?.GetValue<string>();
        if (type == "json_schema" && format?["json_schema"]?["schema"] is JsonObject schema)
            return new SchemaInstance(schema, snippets).Build()?.ToJsonString() ?? "null";
        if (type == "json_object")
            return new JsonObject { ["result"] = snippets.Count > 0 ? snippets[0] : "" }.ToJsonString();
        var first = snippets.Count > 0 ? snippets[0] : "";
        return "Sandbox completion: " + (first.Length > 200 ? first[..200] : first);
    }

    private static IResult Stream(string id, long created, string model, string content, JsonObject usage)
    {
        JsonObject Chunk(JsonObject delta, string? finish) => new()
        {
            ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = created, ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
        var sse = new StringBuilder();
        sse.Append("data: ").Append(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = content }, null).ToJsonString()).Append("\n\n");
        var last = Chunk(new JsonObject(), "stop");
        last["usage"] = usage;
        sse.Append("data: ").Append(last.ToJsonString()).Append("\n\n");
        sse.Append("data: [DONE]\n\n");
        return Results.Content(sse.ToString(), "text/event-stream");
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray parts => string.Join("\n", parts.Select(p => p?["text"]?.GetValue<string>()).OfType<string>()),
        _ => "",
    };

    private static int CountTokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static async Task<(JsonObject? Body, string Raw, IResult? Error)> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            if (JsonNode.Parse(raw) is JsonObject body) return (body, raw, null);
        }
        catch (JsonException)
        {
        }
        return (null, raw, Error(400, "We could not parse the JSON body of your request.", null));
    }

    private static IResult Error(int status, string message, string? param) => Results.Content(new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = null },
    }.ToJsonString(), "application/json", statusCode: status);
}
