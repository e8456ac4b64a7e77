namespace TriageBot.Sandbox;

/// <summary>GitHub REST as Octokit consumes it, under /github/ and /github/api/v3/. Filled by the GitHub sandbox work.</summary>
internal static class GitHubEndpoints
{
    public static void MapGitHub(this IEndpointRouteBuilder app, SandboxState state)
    {
    }
}
