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

    [Fact]
    public void The_products_own_accounts_are_answers_however_few_and_a_fan_is_not_one()
    {
        // Three people address @acmeapp, so the product is "acme": AcmeHelp and acme_status (the accounts that post here)
        // speak for it, even with one post each (too few to look templated); acmefan and a customer who names the
        // product are customers.
        FeedbackItem[] items =
        [
            Post("1", "maya", "@acmeapp the export crashes on every big csv file"),
            Post("2", "ken_dev", "@acmeapp login loops after the update"),
            Post("3", "lu", "@acmeapp @AcmeHelp rate limits after twenty minutes"),
            Post("4", "AcmeHelp", "@lu Hi! Happy to help. Which plan are you on?"),
            Post("5", "acme_status", "we're rolling out a fix for the login loop today"),
            Post("6", "acmefan", "@acmeapp dark mode please, my eyes"),
            Post("7", "maya", "acme is down again for me"),
        ];
        Assert.Equal(["acmehelp", "acmestatus"], SupportReplies.OwnAccounts(items).Order(StringComparer.Ordinal));
        Assert.Equal([3, 4], SupportReplies.Find(items).Order());
    }

    [Fact]
    public void A_brand_handle_with_a_tag_of_its_own_still_owns_its_support_account()
    {
        // People address @wavelyfm; WavelyHelp answers. "fm" is no role word, yet the support account's stem starts the
        // brand's handle; wavelyfan and a short "wav_help" are customers.
        FeedbackItem[] items =
        [
            Post("1", "maya", "@wavelyfm my feed stopped updating"),
            Post("2", "ken_dev", "@wavelyfm analytics doubled overnight"),
            Post("3", "lu", "@wavelyfm the player won't start on safari"),
            Post("4", "WavelyHelp", "@lu Thanks, we've passed this on and will follow up by DM."),
            Post("5", "wavelyfan", "@wavelyfm chapters please"),
            Post("6", "wav_help", "@wavelyfm is the upload limit 2 GB?"),
        ];
        Assert.Equal(["wavelyhelp"], SupportReplies.OwnAccounts(items));
    }

    [Fact]
    public void No_handle_addressed_by_three_people_means_no_own_accounts()
    {
        FeedbackItem[] items =
        [
            Post("1", "maya", "@acmeapp the export crashes on every big csv file"),
            Post("2", "ken_dev", "@acmeapp login loops after the update"),
            Post("3", "AcmeHelp", "@ken_dev Hi! Happy to help. Which plan are you on?"),
        ];
        Assert.Empty(SupportReplies.OwnAccounts(items));
        Assert.Empty(SupportReplies.Find(items));
    }
}
