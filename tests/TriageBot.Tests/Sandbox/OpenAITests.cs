using System.ClientModel;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenAI;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Sandbox;

public class OpenAITests
{
    public enum Severity { High, Medium, Low }

    public sealed record ThemeCard(string Title, string Summary, Severity Severity, bool SmallFix, [property: Range(1, 5)] int Priority, List<string> Labels);

    private static OpenAIClient Client(SandboxHost sandbox) =>
        new(new ApiKeyCredential(sandbox.Credentials.OpenAIKey), new OpenAIClientOptions { Endpoint = sandbox.OpenAIUrl });

    [Fact]
    public async Task Structured_output_through_Microsoft_Extensions_AI_is_schema_valid_and_drawn_from_the_prompt()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.Empty());
        IChatClient chat = Client(sandbox).GetChatClient("gpt-4o-mini").AsIChatClient();

        var prompt = "Summarise this feedback.\n<feedback>Login loops forever on Windows after the 2.16 update. Every restart asks again.</feedback>";
        var response = await chat.GetResponseAsync<ThemeCard>(prompt);
        var again = await chat.GetResponseAsync<ThemeCard>(prompt);

        var card = response.Result;
        Assert.StartsWith("Login loops forever on Windows", card.Title, StringComparison.Ordinal);
        Assert.Contains("2.16 update", card.Summary, StringComparison.Ordinal);
        Assert.Equal(Severity.High, card.Severity);
        Assert.False(card.SmallFix);
        Assert.Equal(0, card.Priority); // strict schemas carry Range only as a description, so 0 is valid
        Assert.Single(card.Labels);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(card), System.Text.Json.JsonSerializer.Serialize(again.Result));
        Assert.True(response.Usage!.InputTokenCount > 10);
        Assert.Equal(2, sandbox.OpenAI.ChatRequests.Count);
    }

    [Fact]
    public async Task A_json_schema_with_refs_nullables_and_bounds_gets_a_valid_instance()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.Empty());
        using var http = SandboxFixture.Client(sandbox.OpenAIUrl, sandbox.Credentials.OpenAIKey);
        var schema = JsonNode.Parse("""
            {"type":"object","additionalProperties":false,"required":["theme","score","tags","note"],
             "properties":{
               "theme":{"$ref":"#/$defs/theme"},
               "score":{"type":"number","minimum":0.5,"maximum":1},
               "tags":{"type":"array","minItems":2,"maxItems":3,"items":{"type":"string","enum":["ux","bug"]}},
               "note":{"type":["string","null"],"maxLength":10}},
             "$defs":{"theme":{"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer","exclusiveMinimum":2}}}}}
            """)!;
        var request = new JsonObject
        {
            ["model"] = "m",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "```\ndark mode request\n```" }),
            ["response_format"] = new JsonObject { ["type"] = "json_schema", ["json_schema"] = new JsonObject { ["name"] = "x", ["strict"] = true, ["schema"] = schema } },
        };
        var response = (await (await http.PostAsJsonAsync("chat/completions", request)).Content.ReadFromJsonAsync<JsonObject>())!;
        var content = JsonNode.Parse(response["choices"]![0]!["message"]!["content"]!.GetValue<string>())!;

        Assert.Equal("dark mode request", content["theme"]!["name"]!.GetValue<string>());
        Assert.Equal(3, content["theme"]!["count"]!.GetValue<int>());
        Assert.Equal(0.5, content["score"]!.GetValue<double>());
        Assert.Equal(["ux", "ux"], content["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Null(content["note"]); // where null is allowed, the least-assuming answer is null
        Assert.Equal(5, response["usage"]!["prompt_tokens"]!.GetValue<int>()); // whitespace-separated, fences included
    }

    [Fact]
    public async Task Scripted_answers_are_returned_verbatim_in_order_then_the_default_resumes()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.Empty());
        IChatClient chat = Client(sandbox).GetChatClient("m").AsIChatClient();
        sandbox.OpenAI.Enqueue("not json");
        sandbox.OpenAI.Enqueue("""{"title":"scripted"}""");

        Assert.Equal("not json", (await chat.GetResponseAsync("hi")).Text);
        Assert.Equal("""{"title":"scripted"}""", (await chat.GetResponseAsync("hi")).Text);
        Assert.StartsWith("Sandbox completion:", (await chat.GetResponseAsync("hi")).Text, StringComparison.Ordinal);
        Assert.Equal(0, sandbox.OpenAI.Pending);
    }

    [Fact]
    public async Task Embeddings_are_deterministic_normalised_and_closer_for_similar_texts()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.Empty(), configure: o => o.EmbeddingDimensions = 128);
        var generator = Client(sandbox).GetEmbeddingClient("text-embedding-3-small").AsIEmbeddingGenerator();

        var vectors = await generator.GenerateAsync(["login loop on windows", "Windows login loop again", "dark mode please", "login loop on windows"]);
        float[][] v = [.. vectors.Select(e => e.Vector.ToArray())];
        Assert.All(v, x => Assert.Equal(128, x.Length));
        Assert.All(v, x => Assert.Equal(1.0, Math.Sqrt(x.Sum(f => (double)f * f)), 3));
        Assert.Equal(v[0], v[3]);
        static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
        Assert.True(Dot(v[0], v[1]) > Dot(v[0], v[2]) + 0.3);

        using var http = SandboxFixture.Client(sandbox.OpenAIUrl, sandbox.Credentials.OpenAIKey);
        var floats = (await (await http.PostAsJsonAsync("embeddings", new { model = "m", input = "login loop on windows", dimensions = 16 })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(16, floats["data"]![0]!["embedding"]!.AsArray().Count);
    }

    [Fact]
    public async Task Errors_come_in_OpenAIs_shape()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.Empty());
        using var wrong = SandboxFixture.Client(sandbox.OpenAIUrl, "sk-wrong");
        var unauthorized = await wrong.PostAsJsonAsync("chat/completions", new { model = "m", messages = new[] { new { role = "user", content = "hi" } } });
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("invalid_api_key", (await unauthorized.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]!.GetValue<string>());

        using var http = SandboxFixture.Client(sandbox.OpenAIUrl, sandbox.Credentials.OpenAIKey);
        var invalid = await http.PostAsJsonAsync("chat/completions", new { model = "m" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("messages", (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["param"]!.GetValue<string>());

        sandbox.Faults.Add(new FaultRule("openai", FaultKind.RateLimit, Count: 1));
        var limited = await http.PostAsJsonAsync("embeddings", new { model = "m", input = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limit_exceeded", (await limited.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]!.GetValue<string>());
    }
}
