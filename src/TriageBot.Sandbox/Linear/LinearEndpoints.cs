namespace TriageBot.Sandbox;

/// <summary>Linear GraphQL at POST /linear/graphql. Filled by the Linear sandbox work.</summary>
internal static class LinearEndpoints
{
    public static void MapLinear(this IEndpointRouteBuilder app, SandboxState state)
    {
    }
}
