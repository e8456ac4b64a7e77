using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TriageBot.Clients.Linear;
using TriageBot.Diagnostics;

using TriageBot.Tests.Support;

namespace TriageBot.Tests.Tickets;

/// <summary>Wire behaviour of the Linear client that the sandbox does not easily produce on demand.</summary>
public sealed class LinearGraphQLClientTests
{
    private const string RateLimited = """{"errors":[{"message":"Rate limit exceeded","extensions":{"code":"RATELIMITED"}}]}""";

    [Fact]
    public async Task Partial_errors_come_back_with_the_data_and_are_counted()
    {
        var handler = new ScriptedHandler((HttpStatusCode.OK,
            """{"data":{"teams":{"nodes":[{"id":"t1","key":"APP","name":"App"}],"pageInfo":{"hasNextPage":false,"endCursor":null}}},"errors":[{"message":"labels unavailable","path":["teams","nodes",0,"labels"]}]}"""));
        var (client, metrics) = ScriptedLinear.Client(handler, retries: 2);

        var result = await client.SendAsync(LinearDocuments.Teams, null, CancellationToken.None);

        Assert.Equal("labels unavailable", Assert.Single(result.Errors).Message);
        Assert.Equal("APP", result.Data.GetProperty("teams").GetProperty("nodes")[0].GetProperty("key").GetString());
        Assert.Equal(1, metrics.Get("linear.partial_errors"));
        Assert.Equal("lin_api_test", Assert.Single(handler.Authorizations)); // a personal key goes without "Bearer"
    }

    [Fact]
    public async Task Ratelimited_is_retried_and_then_given_up_with_the_code()
    {
        var (ok, okMetrics) = ScriptedLinear.Client(new ScriptedHandler((HttpStatusCode.BadRequest, RateLimited),
            (HttpStatusCode.OK, """{"data":{"issue":null}}""")), retries: 2);
        Assert.Null(await ok.GetIssueAsync("x", CancellationToken.None));
        Assert.Equal(1, okMetrics.Get("linear.ratelimited"));

        var (limited, _) = ScriptedLinear.Client(new ScriptedHandler((HttpStatusCode.BadRequest, RateLimited)), retries: 2);
        var ex = await Assert.ThrowsAsync<LinearApiException>(() => limited.GetTeamsAsync(CancellationToken.None));
        Assert.True(ex.IsRateLimited);
    }

    [Fact]
    public async Task A_mutation_is_not_resent_after_a_server_error_but_a_query_is()
    {
        var mutation = new ScriptedHandler((HttpStatusCode.ServiceUnavailable, ""), (HttpStatusCode.OK, """{"data":{}}"""));
        var (m, _) = ScriptedLinear.Client(mutation, retries: 2);
        await Assert.ThrowsAsync<LinearApiException>(() => m.CreateCommentAsync("i1", "hello", CancellationToken.None));
        Assert.Single(mutation.Authorizations);

        var query = new ScriptedHandler((HttpStatusCode.ServiceUnavailable, ""), (HttpStatusCode.OK, """{"data":{"issue":null}}"""));
        var (q, _) = ScriptedLinear.Client(query, retries: 2);
        Assert.Null(await q.GetIssueAsync("x", CancellationToken.None));
        Assert.Equal(2, query.Authorizations.Count);
    }
}
