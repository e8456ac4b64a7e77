using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TriageBot.Clients.Linear;
using TriageBot.Diagnostics;

namespace TriageBot.Tests.Tickets;

/// <summary>Wire behaviour of the Linear client that the sandbox does not easily produce on demand.</summary>
public sealed class LinearGraphQLClientTests
{
    private sealed class ScriptedHandler(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
    {
        private int _next;
        public List<string> Authorizations { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(string.Join(",", request.Headers.GetValues("Authorization")));
            var (status, body) = answers[Math.Min(_next++, answers.Length - 1)];
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private static (LinearGraphQLClient Client, RunMetrics Metrics) Client(ScriptedHandler handler, int retries = 2)
    {
        var metrics = new RunMetrics();
        var options = Options.Create(new LinearOptions
        {
            Endpoint = "http://127.0.0.1:1/graphql", ApiKey = "lin_api_test", MaxRateLimitRetries = retries,
            RateLimitDelay = TimeSpan.FromMilliseconds(1), MaxRateLimitDelay = TimeSpan.FromMilliseconds(5),
        });
        return (new LinearGraphQLClient(new HttpClient(handler), options, TimeProvider.System, metrics, NullLogger<LinearGraphQLClient>.Instance), metrics);
    }

    private const string RateLimited = """{"errors":[{"message":"Rate limit exceeded","extensions":{"code":"RATELIMITED"}}]}""";

    [Fact]
    public async Task Partial_errors_come_back_with_the_data_and_are_counted()
    {
        var handler = new ScriptedHandler((HttpStatusCode.OK,
            """{"data":{"teams":{"nodes":[{"id":"t1","key":"APP","name":"App"}],"pageInfo":{"hasNextPage":false,"endCursor":null}}},"errors":[{"message":"labels unavailable","path":["teams","nodes",0,"labels"]}]}"""));
        var (client, metrics) = Client(handler);

        var result = await client.SendAsync(LinearDocuments.Teams, null, CancellationToken.None);

        Assert.Equal("labels unavailable", Assert.Single(result.Errors).Message);
        Assert.Equal("APP", result.Data.GetProperty("teams").GetProperty("nodes")[0].GetProperty("key").GetString());
        Assert.Equal(1, metrics.Get("linear.partial_errors"));
        Assert.Equal("lin_api_test", Assert.Single(handler.Authorizations)); // a personal key goes without "Bearer"
    }

    [Fact]
    public async Task Ratelimited_is_retried_and_then_given_up_with_the_code()
    {
        var (ok, okMetrics) = Client(new ScriptedHandler((HttpStatusCode.BadRequest, RateLimited),
            (HttpStatusCode.OK, """{"data":{"issue":null}}""")));
        Assert.Null(await ok.GetIssueAsync("x", CancellationToken.None));
        Assert.Equal(1, okMetrics.Get("linear.ratelimited"));

        var (limited, _) = Client(new ScriptedHandler((HttpStatusCode.BadRequest, RateLimited)), retries: 2);
        var ex = await Assert.ThrowsAsync<LinearApiException>(() => limited.GetTeamsAsync(CancellationToken.None));
        Assert.True(ex.IsRateLimited);
    }

    [Fact]
    public async Task A_mutation_is_not_resent_after_a_server_error_but_a_query_is()
    {
        var mutation = new ScriptedHandler((HttpStatusCode.ServiceUnavailable, ""), (HttpStatusCode.OK, """{"data":{}}"""));
        var (m, _) = Client(mutation);
        await Assert.ThrowsAsync<LinearApiException>(() => m.CreateCommentAsync("i1", "hello", CancellationToken.None));
        Assert.Single(mutation.Authorizations);

        var query = new ScriptedHandler((HttpStatusCode.ServiceUnavailable, ""), (HttpStatusCode.OK, """{"data":{"issue":null}}"""));
        var (q, _) = Client(query);
        Assert.Null(await q.GetIssueAsync("x", CancellationToken.None));
        Assert.Equal(2, query.Authorizations.Count);
    }
}
