using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>The Slack Web API at /slack/api/{method}: GET query, form or JSON bodies. Credentials are checked by the pipeline.</summary>
internal static class SlackEndpoints
{
    private delegate IResult SlackMethod(SlackCall call);

    private static readonly Dictionary<string, SlackMethod> Methods = new(StringComparer.Ordinal)
    {
        ["auth.test"] = AuthTest,
        ["users.info"] = UsersInfo,
        ["conversations.list"] = SlackConversations.List,
        ["conversations.history"] = SlackConversations.History,
        ["conversations.replies"] = SlackConversations.Replies,
        ["chat.postMessage"] = SlackChat.PostMessage,
        ["chat.update"] = SlackChat.Update,
        ["chat.getPermalink"] = SlackChat.GetPermalink,
    };

    public static void MapSlack(this IEndpointRouteBuilder app, SandboxServices services)
    {
        app.MapMethods("/slack/api/{method}", ["GET", "POST"], async (HttpContext ctx, string method) =>
        {
            if (!Methods.TryGetValue(method, out var handler)) return SlackCall.Error("unknown_method", 404);
            Dictionary<string, string> args;
            try
            {
                args = await SlackCall.ReadArgsAsync(ctx.Request);
            }
            catch (JsonException)
            {
                return SlackCall.Error("invalid_json");
            }
            var userToken = IsUserToken(ctx, args, services.Credentials);
            lock (services.State.Sync)
            {
                return handler(new SlackCall(services, args, userToken));
            }
        });
    }

    private static bool IsUserToken(HttpContext ctx, Dictionary<string, string> args, SandboxCredentials credentials)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : args.GetValueOrDefault("token");
        return token == credentials.SlackUserToken;
    }

    private static IResult AuthTest(SlackCall call)
    {
        var body = new JsonObject
        {
            ["url"] = $"https://{call.Slack.Workspace}.slack.com/",
            ["team"] = "Sandbox",
            ["user"] = call.UserToken ? "sandbox-user" : "triagebot",
            ["team_id"] = SlackMessageJson.TeamId,
            ["user_id"] = call.UserToken ? "U0SANDBOXUSR" : SlackChat.BotUserId,
            ["is_enterprise_install"] = false,
        };
        if (!call.UserToken) body["bot_id"] = SlackChat.BotId;
        return SlackCall.Ok(body);
    }

    private static IResult UsersInfo(SlackCall call)
    {
        var id = call.Arg("user");
        if (id is null || !call.Slack.Users.TryGetValue(id, out var user)) return SlackCall.Error("user_not_found");
        var realName = user.RealName ?? user.Name;
        return SlackCall.Ok(new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["id"] = user.Id,
                ["team_id"] = SlackMessageJson.TeamId,
                ["name"] = user.Name,
                ["deleted"] = false,
                ["real_name"] = realName,
                ["is_bot"] = user.IsBot,
                ["tz"] = "Etc/UTC",
                ["profile"] = new JsonObject
                {
                    ["real_name"] = realName,
                    ["real_name_normalized"] = realName,
                    ["display_name"] = user.Name,
                    ["display_name_normalized"] = user.Name,
                },
            },
        });
    }
}
