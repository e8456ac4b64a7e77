using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>
/// Linear GraphQL at POST /linear/graphql: the request's document runs against the sandbox's Linear state.
/// Credentials, faults (RATELIMITED) and the request log are handled by the pipeline in front.
/// </summary>
internal static class LinearEndpoints
{
    public static void MapLinear(this IEndpointRouteBuilder app, SandboxState state)
    {
        app.MapPost("/linear/graphql", (HttpContext ctx) => HandleAsync(ctx, state));
    }

    private static async Task HandleAsync(HttpContext ctx, SandboxState state)
    {
        JsonObject? request;
        try
        {
            request = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }

        var query = request?["query"] is JsonValue q && q.TryGetValue(out string? text) ? text : null;
        if (query is null)
        {
            await WriteAsync(ctx, 400, Errors([new GraphQLException("Must provide query string.", "BAD_REQUEST", 400)]));
            return;
        }

        var variables = request!["variables"] as JsonObject;
        var operationName = request["operationName"] is JsonValue o && o.TryGetValue(out string? name) ? name : null;
        try
        {
            JsonObject response;
            lock (state.Sync)
            {
                var graph = new LinearGraph(state);
                var (data, errors, label) = GraphQLExecutor.Execute(query, variables, operationName,
                    LinearQueries.Root(graph), LinearMutations.Root(graph));
                ctx.Items[RequestLog.OperationItem] = label;
                response = errors.Count == 0 ? new JsonObject { ["data"] = data } : Errors(errors, data);
            }

            await WriteAsync(ctx, 200, response);
        }
        catch (GraphQLException ex)
        {
            await WriteAsync(ctx, ex.Status, Errors([ex]));
        }
    }

    /// <summary>Linear's error shape: errors[] with extensions.code and userPresentableMessage, and data.</summary>
    private static JsonObject Errors(IEnumerable<GraphQLException> errors, JsonObject? data = null)
    {
        var array = new JsonArray();
        foreach (var e in errors)
        {
            var error = new JsonObject
            {
                ["message"] = e.Message,
                ["extensions"] = new JsonObject
                {
                    ["code"] = e.Code,
                    ["type"] = e.Code == "GRAPHQL_VALIDATION_FAILED" ? "graphql error" : "invalid input",
                    ["userError"] = true,
                    ["userPresentableMessage"] = e.UserPresentableMessage ?? e.Message,
                },
            };
            if (e.Path is not null) error["path"] = new JsonArray(e.Path);
            array.Add(error);
        }

        return new JsonObject { ["errors"] = array, ["data"] = data };
    }

    private static Task WriteAsync(HttpContext ctx, int status, JsonObject body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(body.ToJsonString(), ctx.RequestAborted);
    }
}
