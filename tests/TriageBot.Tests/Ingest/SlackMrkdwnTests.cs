using TriageBot.Clients.Slack;

namespace TriageBot.Tests.Ingest;

public class SlackMrkdwnTests
{
    private static string? Users(string id) => id switch { "U123" => "maya", _ => null };
    private static string? Channels(string id) => id == "C9" ? "general" : null;

    [Theory]
    [InlineData("hi <@U123> look", "hi @maya look")]
    [InlineData("unknown <@U999>", "unknown @U999")]
    [InlineData("labelled <@U999|dario>", "labelled @dario")]
    [InlineData("see <#C1|feedback>", "see #feedback")]
    [InlineData("see <#C9>", "see #general")]
    [InlineData("docs <https://x.io/a?b=1&amp;c=2|the docs>", "docs the docs (https://x.io/a?b=1&c=2)")]
    [InlineData("bare <https://x.io>", "bare https://x.io")]
    [InlineData("mail <mailto:a@b.io|a@b.io>", "mail a@b.io")]
    [InlineData("<!here> login broke", "@here login broke")]
    [InlineData("<!subteam^S1|@mobile> ping", "@mobile ping")]
    [InlineData("a &lt;b&gt; &amp;&amp; c", "a <b> && c")]
    [InlineData("&amp;lt; stays literal", "&lt; stays literal")]
    [InlineData("", "")]
    public void Decodes_mrkdwn_to_readable_text(string raw, string expected) =>
        Assert.Equal(expected, SlackMrkdwn.Decode(raw, Users, Channels));

    [Fact]
    public void Lists_mentioned_users_for_lookup() =>
        Assert.Equal(["U1", "W2"], SlackMrkdwn.MentionedUsers("<@U1> and <@W2|x> but not <#C3>").ToArray());
}
