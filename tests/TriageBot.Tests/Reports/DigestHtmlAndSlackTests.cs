using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TriageBot.Domain;
using TriageBot.Reports;
using static TriageBot.Tests.Reports.DigestSamples;

namespace TriageBot.Tests.Reports;

public sealed class DigestHtmlAndSlackTests
{
    private const string Hostile = "<script>alert('x')</script> & <!channel> <https://evil.example|click me> \"quoted\"";

    private static (RunReport Report, Dictionary<string, FeedbackItem> Items) HostileRun()
    {
        var item = Item("slack:C01:1.0", Hostile, reactions: 5) with { Url = "javascript:alert(1)" };
        var other = Item("github:acme/app#2", "Second <b>quote</b>", title: "T & C");
        var report = Report([Theme("t1", "Title <script>x</script> & co", [item.Id, other.Id], "rising", ticket: Ticket("APP-1"))]);
        return (report, new() { [item.Id] = item, [other.Id] = other });
    }

    [Fact]
    public void Html_encodes_feedback_text_and_drops_unsafe_links()
    {
        var (report, items) = HostileRun();

        var html = new DigestBuilder().Build(report, items, []).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>quote", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;!channel&gt;", html);
        Assert.Contains("Title &lt;script&gt;x&lt;/script&gt; &amp; co", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<a href=\"https://github.com/acme/app/issues/2\">GitHub</a>", html);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.DoesNotContain("<link", html);
    }

    [Fact]
    public void Slack_escapes_ampersand_and_angle_brackets_in_feedback_so_nothing_becomes_a_mention_or_link()
    {
        var (report, items) = HostileRun();

        var slack = new DigestBuilder().Build(report, items, []).Slack;
        var all = slack.Text + Readable(slack.Blocks);

        Assert.DoesNotContain("<!channel>", all);
        Assert.DoesNotContain("<https://evil.example", all);
        Assert.DoesNotContain("<script>", all);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;!channel&gt; &lt;https://evil.example|click me&gt;", all);
        Assert.Contains("Title &lt;script&gt;x&lt;/script&gt; &amp; co", all);
        Assert.Contains("T &amp; C", all);
        // Our own links stay links; the javascript: url of the first item does not become one.
        Assert.Contains("<https://linear.app/acme/issue/APP-1|APP-1>", all);
        Assert.Contains("<https://github.com/acme/app/issues/2|GitHub>", all);
        Assert.DoesNotContain("javascript", all);
    }

    [Fact]
    public void Slack_message_stays_within_block_kit_limits_with_200_themes_and_30_goals()
    {
        var longWords = string.Join(' ', Enumerable.Repeat("overlong&<>", 120));
        var items = new Dictionary<string, FeedbackItem>();
        var themes = new List<ReportTheme>();
        var goals = Enumerable.Range(0, 30).Select(g => Goal($"g{g}", $"Goal {g} {longWords}")).ToList();
        for (var t = 0; t < 200; t++)
        {
            var ids = Enumerable.Range(0, 6).Select(i => $"github:acme/app#{t * 10 + i}").ToList();
            foreach (var id in ids) items[id] = Item(id, longWords + longWords, title: longWords);
            themes.Add(Theme($"t{t}", $"Theme {t} {longWords}", ids, t % 2 == 0 ? "rising" : "new", priority: 1 + t % 4,
                goal: $"g{t % 30}", ticket: Ticket($"APP-{t}"), smallFix: t % 3 == 0) with { Summary = longWords + longWords + longWords });
        }
        var builder = new DigestBuilder(Options.Create(new DigestOptions { TopThemes = 40, SummaryLength = 2000, QuoteLength = 1000 }));

        var slack = builder.Build(Report(themes), items, goals).Slack;

        Assert.InRange(slack.Text.Length, 1, 3999);
        Assert.InRange(slack.Blocks.Count, 10, 50);
        var header = slack.Blocks[0]!;
        Assert.Equal("header", (string?)header["type"]);
        Assert.InRange(((string?)header["text"]!["text"])!.Length, 1, 150);
        foreach (var block in slack.Blocks.Select(b => b!.AsObject()))
        {
            switch ((string?)block["type"])
            {
                case "section":
                    Assert.InRange(((string?)block["text"]!["text"])!.Length, 1, 3000);
                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, 10);
                    Assert.All(elements, e => Assert.InRange(((string?)e!["text"])!.Length, 1, 3000));
                    break;
                case "header":
                    Assert.Same(header, block);
                    break;
                case "divider":
                    break;
                default:
                    Assert.Fail($"unexpected block type {block["type"]}");
                    break;
            }
        }
        Assert.Contains("more", slack.Blocks[^2]!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("Noise share", slack.Blocks[^1]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_run_without_themes_or_goals_still_renders_every_format()
    {
        var digest = new DigestBuilder().Build(Report([], noise: ["x:1"]), new Dictionary<string, FeedbackItem>(), []);

        Assert.Contains("No themes this run.", digest.Markdown);
        Assert.Contains("No eight-week goals are set", digest.Html);
        Assert.Equal("header", (string?)digest.Slack.Blocks[0]!["type"]);
        Assert.Contains("100%", digest.Markdown);
    }
}
