using TriageBot.Domain;

namespace TriageBot.Tests;

public class FeedbackItemTests
{
    [Fact]
    public void Content_hash_changes_with_a_new_reply_and_not_with_metadata()
    {
        var item = new FeedbackItem
        {
            Id = "slack:C1:1.0", Source = FeedbackSource.Slack, Location = "C1", Body = "login loops",
            Url = "https://x.slack.com/archives/C1/p10", CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var withReply = item with { Replies = [new FeedbackReply("1.1", "U1", "same here", DateTimeOffset.UnixEpoch)] };
        var moreReactions = item with { Reactions = 9 };

        Assert.NotEqual(item.ContentHash, withReply.ContentHash);
        Assert.Equal(item.ContentHash, moreReactions.ContentHash);
    }
}
