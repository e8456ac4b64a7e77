using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;

namespace TriageBot.Ingest.GitHub;

/// <summary>
/// Builds Octokit clients whose HTTP goes through the "github" named client's handler chain (call counting,
/// retries, timeouts), pointed at the configured base URL.
/// </summary>
public sealed class GitHubClientFactory(IHttpMessageHandlerFactory handlers, IOptionsMonitor<GitHubOptions> options)
{
    public const string HttpClientName = "github";

    public GitHubClient Create(IResponseCache? cache = null)
    {
        var o = options.CurrentValue;
        var adapter = new HttpClientAdapter(() => handlers.CreateHandler(HttpClientName));
        var credentials = string.IsNullOrEmpty(o.Token) ? Credentials.Anonymous : new Credentials(o.Token);
        var connection = new Connection(new ProductHeaderValue("TriageBot"), ApiBaseUri(o.BaseUrl),
            new InMemoryCredentialStore(credentials), adapter, new GitHubJsonSerializer());
        var client = new GitHubClient(connection);
        if (cache is not null) client.ResponseCache = cache;
        return client;
    }

    /// <summary>
    /// github.com goes to api.github.com; any other host is GitHub Enterprise Server, served under api/v3/.
    /// Unlike Octokit's own fix-up, the prefix is appended to the configured path rather than replacing it.
    /// </summary>
    public static Uri ApiBaseUri(string baseUrl)
    {
        var uri = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        if (uri.Host is "github.com" or "api.github.com") return new Uri("https://api.github.com/");
        return uri.AbsolutePath.EndsWith("/api/v3/", StringComparison.OrdinalIgnoreCase) ? uri : new Uri(uri, "api/v3/");
    }
}
