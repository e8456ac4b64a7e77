namespace TriageBot.Sandbox;

internal static class SlackEndpoints
{
    public static void MapSlack(this IEndpointRouteBuilder app, SandboxServices services)
    {
    }
}
