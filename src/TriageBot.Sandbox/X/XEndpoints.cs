namespace TriageBot.Sandbox;

internal static class XEndpoints
{
    public static void MapX(this IEndpointRouteBuilder app, SandboxServices services)
    {
    }
}
