namespace TriageBot.Sandbox;

internal static class OpenAIEndpoints
{
    public static void MapOpenAI(this IEndpointRouteBuilder app, SandboxServices services)
    {
    }
}
