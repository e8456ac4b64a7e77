using TriageBot.Clustering;
using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

public class SupportRepliesTests
{
    private static FeedbackItem Post(string id, string author, string text) => new()
    {
        Id = $"x:{id}", Source = FeedbackSource.X, Location = "q", Body = text, Author = author,
        Url = $"https://x.com/{author}/status/{id}", CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void An_account_answering_several_people_with_the_same_sentences_is_support()
    {
        FeedbackItem[] items =
        [
            Post("1", "AcmeHelp", "@maya Sorry about that! Could you DM us your app version?"),
            Post("2", "AcmeHelp", "@ken_dev Sorry about that! Could you DM us your app version? 🙏"),
            Post("3", "AcmeHelp", "@lu @acme Sorry about that, could you DM us your app version?"),
            Post("4", "AcmeHelp", "we're rolling out a fix for the login loop today"), // not a reply: kept
            Post("5", "maya", "@AcmeHelp it is 6.4.1 and the export still crashes"),
        ];
        Assert.Equal([0, 1, 2], SupportReplies.Find(items).Order());
    }

    [Fact]
    public void A_person_replying_to_several_people_about_different_problems_is_not()
    {
        FeedbackItem[] items =
        [
            Post("1", "dev93", "@maya same here, the export crashes on every big csv file"),
            Post("2", "dev93", "@ken +1 the login page loops after the update on my laptop"),
            Post("3", "dev93", "@lu rate limits hit me after twenty minutes of normal use"),
        ];
        Assert.Empty(SupportReplies.Find(items));
    }

    [Fact]
    public void Templated_replies_to_fewer_than_three_people_are_kept()
    {
        FeedbackItem[] items =
        [
            Post("1", "AcmeHelp", "@maya Sorry about that! Could you DM us your app version?"),
            Post("2", "AcmeHelp", "@maya Sorry about that! Could you DM us your app version? 🙏"),
            Post("3", "AcmeHelp", "@ken Sorry about that! Could you DM us your app version?"),
        ];
        Assert.Empty(SupportReplies.Find(items));
    }
}
