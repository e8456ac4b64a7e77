using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TriageBot.Sandbox;

/// <summary>
/// Builds a deterministic JSON value that validates against a JSON schema (the subset structured outputs
/// use): strings from the prompt's delimited data where the property name suggests it, enums with their
/// first value, booleans false, numbers from their minimum, arrays with their minimum count (at least one).
/// </summary>
internal sealed partial class SchemaInstance(JsonObject rootSchema, IReadOnlyList<string> snippets)
{
    private const int MaxDepth = 12;

    /// <summary>Text between XML-like tags, triple backticks or triple quotes, in prompt order.</summary>
    public static List<string> DelimitedData(string prompt)
    {
        var found = new List<(int At, string Text)>();
        foreach (Match m in TagBlock().Matches(prompt)) found.Add((m.Index, m.Groups[2].Value));
        foreach (Match m in FenceBlock().Matches(prompt)) found.Add((m.Index, m.Groups[1].Value));
        var snippets = found.OrderBy(f => f.At).Select(f => Collapse(f.Text)).Where(t => t.Length > 0).ToList();
        if (snippets.Count == 0 && Collapse(prompt) is { Length: > 0 } whole) snippets.Add(whole);
        return snippets;
    }

    public JsonNode? Build() => Build(rootSchema, "", 0);

    private JsonNode? Build(JsonNode? schemaNode, string propertyName, int depth)
    {
        if (schemaNode is not JsonObject schema || depth > MaxDepth) return null;
        if (schema["$ref"]?.GetValue<string>() is { } reference) return Build(Resolve(reference), propertyName, depth + 1);
        if (schema["const"] is { } constant) return constant.DeepClone();
        // Where null is allowed, null is the answer that assumes least (an optional goal, a missing reason).
        if (IsNullable(schema)) return null;
        if (schema["enum"] is JsonArray { Count: > 0 } values) return values[0]?.DeepClone();
        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema[combinator] is JsonArray branches && branches.Count > 0)
            {
                var branch = branches.FirstOrDefault(b => TypeOf(b as JsonObject) != "null") ?? branches[0];
                return Build(branch, propertyName, depth + 1);
            }
        }
        return TypeOf(schema) switch
        {
            "object" => BuildObject(schema, depth),
            "array" => BuildArray(schema, propertyName, depth),
            "string" => BuildString(schema, propertyName),
            "integer" => JsonValue.Create((long)Math.Ceiling(Minimum(schema))),
            "number" => JsonValue.Create(Minimum(schema)),
            "boolean" => JsonValue.Create(false),
            "null" => null,
            _ => schema["properties"] is not null ? BuildObject(schema, depth) : BuildString(schema, propertyName),
        };
    }

    private static bool IsNullable(JsonObject schema) =>
        (schema["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
        || (schema["anyOf"] is JsonArray any && any.Any(b => TypeOf(b as JsonObject) == "null"));

    private static string? TypeOf(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var t) => t,
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        _ => null,
    };

    private JsonObject BuildObject(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        if (schema["properties"] is JsonObject properties)
            foreach (var (name, property) in properties) result[name] = Build(property, name, depth + 1);
        return result;
    }

    private JsonArray BuildArray(JsonObject schema, string propertyName, int depth)
    {
        var min = (int)(schema["minItems"]?.GetValue<double>() ?? 0);
        var max = (int)(schema["maxItems"]?.GetValue<double>() ?? int.MaxValue);
        var count = Math.Min(Math.Max(min, 1), max);
        var array = new JsonArray();
        for (var i = 0; i < count; i++) array.Add(Build(schema["items"], propertyName, depth + 1));
        return array;
    }

    private static double Minimum(JsonObject schema)
    {
        if (schema["minimum"] is { } min) return min.GetValue<double>();
        if (schema["exclusiveMinimum"] is { } exclusive) return exclusive.GetValue<double>() + 1;
        return schema["maximum"] is { } max ? Math.Min(0, max.GetValue<double>()) : 0;
    }

    private JsonValue BuildString(JsonObject schema, string propertyName)
    {
        var text = schema["format"]?.GetValue<string>() switch
        {
            "date-time" => "2026-01-01T00:00:00Z",
            "date" => "2026-01-01",
            "uri" => "https://example.com/",
            "email" => "sandbox@example.com",
            _ => FromPrompt(propertyName.ToLowerInvariant()),
        };
        var maxLength = (int)(schema["maxLength"]?.GetValue<double>() ?? int.MaxValue);
        var minLength = (int)(schema["minLength"]?.GetValue<double>() ?? 0);
        if (text.Length > maxLength) text = text[..maxLength];
        if (text.Length < minLength) text = text.PadRight(minLength, '.');
        return JsonValue.Create(text);
    }

    private string FromPrompt(string name)
    {
        var first = snippets.Count > 0 ? snippets[0] : name;
        if (name.Contains("title", StringComparison.Ordinal) || name.EndsWith("name", StringComparison.Ordinal))
            return Shorten(first, 80);
        if (name is "summary" or "description" or "body" or "text" or "reason" or "rationale" or "explanation")
            return Shorten(string.Join(" ", snippets.Take(2)), 300);
        return Shorten(first, 120);
    }

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max)];
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private JsonNode? Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) return null;
        JsonNode? node = rootSchema;
        foreach (var part in reference[2..].Split('/')) node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        return node;
    }

    [GeneratedRegex(@"<([A-Za-z][\w-]*)[^>]*>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex TagBlock();

    [GeneratedRegex("(?:```|\"\"\")[\\w-]*\\n?(.*?)(?:```|\"\"\")", RegexOptions.Singleline)]
    private static partial Regex FenceBlock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
