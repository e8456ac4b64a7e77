using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TriageBot.Clients.Linear;
using TriageBot.Diagnostics;
using TriageBot.Domain;

using TriageBot.Tests.Support;

namespace TriageBot.Tests.Tickets;

/// <summary>Batched Linear calls: aliases, partial failures per alias, and what a first filing costs.</summary>
public sealed class LinearBatchTests
{
    private const string Hit = """{"nodes":[{"id":"att1","url":"https://x.com/a/status/1","title":"t","issue":{"id":"iss1","identifier":"APP-1","url":"u","title":"T","description":null,"state":{"name":"Todo","type":"unstarted"},"team":{"id":"t1","key":"APP"}}}]}""";

    [Fact]
    public async Task A_lookup_alias_that_failed_is_asked_again_alone_and_the_others_are_kept()
    {
        var handler = new ScriptedHandler(
            (HttpStatusCode.OK, $$"""{"data":{"a0":{{Hit}},"a1":null},"errors":[{"message":"timeout in resolver","path":["a1"]}]}"""),
            (HttpStatusCode.OK, """{"data":{"a0":{"nodes":[]}}}"""));
        var (client, metrics) = ScriptedLinear.Client(handler);

        var found = await client.FindAttachmentsAsync(["https://x.com/a/status/1", "https://x.com/b/status/2"], CancellationToken.None);

        Assert.Equal("APP-1", Assert.Single(found["https://x.com/a/status/1"]).Issue!.Identifier);
        Assert.Empty(found["https://x.com/b/status/2"]);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("https://x.com/b/status/2", handler.Requests[1]["variables"]!["u0"]!.GetValue<string>());
        Assert.Null(handler.Requests[1]["variables"]!["u1"]);
        Assert.Equal(1, metrics.Get("linear.alias_failures"));
    }

    [Fact]
    public async Task A_lookup_that_keeps_failing_throws_rather_than_answer_none()
    {
        var handler = new ScriptedHandler((HttpStatusCode.OK, """{"data":{"a0":{"nodes":[]},"a1":null},"errors":[{"message":"boom","path":["a1"]}]}"""),
            (HttpStatusCode.OK, """{"data":{"a0":null,"a1":{"nodes":[]}},"errors":[{"message":"boom","path":["a0"]}]}"""));
        var (client, _) = ScriptedLinear.Client(handler);

        var ex = await Assert.ThrowsAsync<LinearApiException>(() => client.FindAttachmentsAsync(["u1", "u2"], CancellationToken.None));
        Assert.Contains("u2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachment_aliases_that_fail_are_resent_then_reported_never_dropped()
    {
        var handler = new ScriptedHandler(
            (HttpStatusCode.OK, """{"data":{"a0":{"success":true,"attachment":{"id":"a","url":"u1","title":"t"}},"a1":null,"a2":null},"errors":[{"message":"busy","path":["a1"]},{"message":"url invalid","path":["a2"]}]}"""),
            (HttpStatusCode.OK, """{"data":{"a0":{"success":true,"attachment":{"id":"b","url":"u2","title":"t"}},"a1":null},"errors":[{"message":"url invalid","path":["a1"]}]}"""),
            (HttpStatusCode.OK, """{"data":null,"errors":[{"message":"url invalid","path":["a0"]}]}"""));
        var (client, metrics) = ScriptedLinear.Client(handler);
        LinearAttachmentInput[] inputs = [new("u1", "t", null), new("u2", "t", "s"), new("u3", "t", null)];

        var batch = await client.CreateAttachmentsAsync("iss1", inputs, CancellationToken.None);

        Assert.Equal(["u1", "u2"], batch.Created.Select(a => a.Url));
        var failed = Assert.Single(batch.Failed);
        Assert.Equal("u3", failed.Input.Url);
        Assert.Equal("url invalid", failed.Error);
        Assert.Equal(3, handler.Requests.Count); // 3 aliases, then u2 and u3, then u3 a last time
        Assert.Equal(3, handler.Requests[0]["variables"]!.AsObject().Count);
        Assert.Equal("iss1", handler.Requests[0]["variables"]!["i1"]!["issueId"]!.GetValue<string>());
        Assert.True(metrics.Get("linear.alias_failures") >= 3);
    }

    [Fact]
    public async Task Batched_attachment_creates_are_resent_after_a_server_error_because_they_are_idempotent()
    {
        var handler = new ScriptedHandler((HttpStatusCode.ServiceUnavailable, ""),
            (HttpStatusCode.OK, """{"data":{"a0":{"success":true,"attachment":{"id":"a","url":"u1","title":"t"}}}}"""));
        var (client, _) = ScriptedLinear.Client(handler);

        var batch = await client.CreateAttachmentsAsync("iss1", [new("u1", "t", null)], CancellationToken.None);

        Assert.Single(batch.Created);
        Assert.Empty(batch.Failed);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task The_sandbox_answers_aliases_and_names_the_failed_alias_in_the_error_path()
    {
        await using var h = await TicketHarness.StartAsync();
        var result = await h.Linear.SendAsync(
            "query Two($id: String!) { a0: teams(first: 1) { nodes { key } } a1: issue(id: $id) { id } }",
            new JsonObject { ["id"] = "no-such-issue" }, CancellationToken.None);

        Assert.Equal(JsonValueKind.Object, result.Data.GetProperty("a0").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.Data.GetProperty("a1").ValueKind);
        Assert.Equal(["a1"], Assert.Single(result.Errors).Path);
    }

    [Fact]
    public async Task A_first_filing_looks_up_and_attaches_all_evidence_in_one_request_each()
    {
        await using var h = await TicketHarness.StartAsync();
        var (context, draft) = h.Theme("windows-path-spaces");
        Assert.InRange(context.Items.Count, 2, LinearDocuments.MaxBatch);
        var served = h.Sandbox.RequestLog.Entries.Count;

        var outcome = await h.Writer.FileAsync(context, draft, CancellationToken.None);

        var ops = h.Sandbox.RequestLog.Entries.Skip(served).Where(e => e.Service == "linear").Select(e => e.Operation).ToList();
        Assert.Equal(1, ops.Count(o => o == "TriageBotAttachmentsForUrls"));
        Assert.Equal(1, ops.Count(o => o == "TriageBotAttachmentCreates"));
        Assert.Equal(1, ops.Count(o => o == "TriageBotIssueCreate"));
        Assert.DoesNotContain("TriageBotAttachmentsForUrl", ops);
        Assert.DoesNotContain("TriageBotAttachmentCreate", ops);
        Assert.Equal(context.Items.Count, h.Issue(outcome!.Ticket.Identifier).Attachments.Count);
    }
}

/// <summary>PrepareAsync: one run's evidence lookups for all themes in a few batched requests.</summary>
public sealed class LinearPrefetchTests
{
    [Fact]
    public async Task Prepared_lookups_serve_every_theme_and_are_used_once()
    {
        await using var h = await TicketHarness.StartAsync();
        string[] ids = ["windows-path-spaces", "slow-first-token", "login-loop"];
        var themes = ids.Select(id => h.Theme(id)).ToList();
        var urls = themes.Sum(t => t.Context.Items.Count);
        var served = h.Sandbox.RequestLog.Entries.Count;

        await h.Writer.PrepareAsync(themes.Select(t => t.Context).ToList(), CancellationToken.None);
        var prepared = h.Sandbox.RequestLog.Entries.Skip(served).Count(e => e.Operation == "TriageBotAttachmentsForUrls");
        var outcomes = new List<TicketOutcome?>();
        foreach (var (context, draft) in themes) outcomes.Add(await h.Writer.FileAsync(context, draft, CancellationToken.None));

        var lookups = h.Sandbox.RequestLog.Entries.Skip(served).Count(e => e.Operation == "TriageBotAttachmentsForUrls");
        Assert.Equal((urls + LinearDocuments.MaxBatch - 1) / LinearDocuments.MaxBatch, prepared);
        Assert.Equal(prepared, lookups); // filing looked nothing up again
        Assert.Equal("AGT-343", outcomes[2]!.Ticket.Identifier); // the hand-filed ticket was still found
        Assert.Equal(TicketAction.Created, outcomes[0]!.Action);

        // Answers are used once: the same theme filed afresh (mapping gone) looks up again.
        h.Store.Forget("slow-first-token");
        await h.FileAsync("slow-first-token");
        Assert.Equal(lookups + 1, h.Sandbox.RequestLog.Entries.Skip(served).Count(e => e.Operation == "TriageBotAttachmentsForUrls"));
    }
}
