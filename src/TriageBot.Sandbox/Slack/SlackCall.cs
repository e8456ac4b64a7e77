using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>One Slack Web API call: its arguments from the query, a form body or a JSON body, as Slack accepts them.</summary>
internal sealed class SlackCall(SandboxServices services, Dictionary<string, string> args, bool userToken)
{
    public SandboxServices Services { get; } = services;
    public SandboxState State => Services.State;
    public SlackState Slack => Services.State.Slack;
    public bool UserToken { get; } = userToken;

    public string? Arg(string name) => args.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public bool Flag(string name) => Arg(name) is "true" or "1";

    /// <summary>Slack's limit argument: absent or below 1 gives the default; above max is clamped.</summary>
    public int Limit(int defaultLimit, int max) =>
        int.TryParse(Arg("limit"), out var n) && n > 0 ? Math.Min(n, max) : Math.Min(defaultLimit, max);

    public static async Task<Dictionary<string, string>> ReadArgsAsync(HttpRequest request)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in request.Query) args[k] = v.ToString();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (k, v) in form) args[k] = v.ToString();
        }
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                    args[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }
        return args;
    }

    /// <summary>
    /// The answer, serialised when the result executes, i.e. after the endpoint has left the state lock: the body
    /// holds only copies of state values, and serialising under the one lock would serialise every request.
    /// </summary>
    public static IResult Ok(JsonObject body)
    {
        var response = new JsonObject { ["ok"] = true };
        foreach (var (k, v) in body.ToList())
        {
            body.Remove(k);
            response[k] = v;
        }
        return new JsonBodyResult(response);
    }

    private sealed class JsonBodyResult(JsonObject body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                body.WriteTo(writer); // the same bytes as ToJsonString()
            }

            var response = httpContext.Response;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = buffer.WrittenCount;
            return response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted).AsTask();
        }
    }

    public static IResult Error(string error, int status = 200) =>
        Results.Content(new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString(), "application/json; charset=utf-8", statusCode: status);

    /// <summary>Opaque cursors, base64 like Slack's ("bmV4dF90czox..." is "next_ts:1...").</summary>
    public static string EncodeCursor(string kind, string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(kind + ":" + value));

    public static bool TryDecodeCursor(string cursor, string kind, out string value)
    {
        value = "";
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (!text.StartsWith(kind + ":", StringComparison.Ordinal)) return false;
            value = text[(kind.Length + 1)..];
            return value.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
