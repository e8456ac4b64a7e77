using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>The JSON of GET /_sandbox/state: everything clients wrote, plus Linear's whole workspace.</summary>
public static class StateSnapshot
{
    public static JsonObject ToJson(SandboxState state)
    {
        lock (state.Sync)
        {
            return new JsonObject
            {
                ["slack"] = new JsonObject
                {
                    ["posts"] = new JsonArray([.. state.Slack.Posts.Select(p => (JsonNode)new JsonObject
                    {
                        ["channel"] = p.Channel,
                        ["ts"] = p.Ts,
                        ["thread_ts"] = p.ThreadTs,
                        ["text"] = p.Text,
                        ["blocks"] = p.BlocksJson is null ? null : JsonNode.Parse(p.BlocksJson),
                        ["posted_at"] = p.PostedAt,
                        ["edited_at"] = p.EditedAt,
                    })]),
                },
                ["github"] = new JsonObject
                {
                    ["repos"] = new JsonArray([.. state.GitHub.Repos.Select(r => (JsonNode)new JsonObject
                    {
                        ["owner"] = r.Owner,
                        ["name"] = r.Name,
                        ["issue_count"] = r.Issues.Count,
                        ["refs"] = JsonSerializer.SerializeToNode(r.Refs, SandboxJson.Options),
                        ["pull_requests"] = JsonSerializer.SerializeToNode(r.PullRequests, SandboxJson.Options),
                    })]),
                },
                ["x"] = new JsonObject { ["post_count"] = state.X.Posts.Count },
                ["linear"] = JsonSerializer.SerializeToNode(state.Linear, SandboxJson.Options),
            };
        }
    }

    /// <summary>Linear's state alone (teams, labels, projects, issues with comments and attachments).</summary>
    public static JsonNode LinearToJson(SandboxState state)
    {
        lock (state.Sync)
        {
            return JsonSerializer.SerializeToNode(state.Linear, SandboxJson.Options)!;
        }
    }
}
