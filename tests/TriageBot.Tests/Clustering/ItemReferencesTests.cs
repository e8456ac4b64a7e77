using TriageBot.Clustering;
using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

public class ItemReferencesTests
{
    private static FeedbackItem Slack(string ts, string raw) => new()
    {
        Id = $"slack:C1:{ts}", Source = FeedbackSource.Slack, Location = "C1", Body = raw, RawBody = raw,
        Url = $"https://acme.slack.com/archives/C1/p{ts.Replace(".", "")}", CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static FeedbackItem Issue(string repo, int number, string body = "") => new()
    {
        Id = $"github:{repo}#{number}", Source = FeedbackSource.GitHub, Location = repo, Title = "t", Body = body,
        Url = $"https://github.com/{repo}/issues/{number}", CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static FeedbackItem Post(string user, string id, string text = "p") => new()
    {
        Id = $"x:{id}", Source = FeedbackSource.X, Location = "q", Body = text, Url = $"https://x.com/{user}/status/{id}", CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Links_in_every_form_people_paste_find_the_item_they_name()
    {
        FeedbackItem[] items =
        [
            Issue("acme/app", 12), Issue("acme/app", 13), Issue("acme/web", 7), Post("carol", "1859000000000000001"),
            Slack("1.1", "rate limits again (issue: <https://github.com/acme/app/issues/12>)"),
            Slack("1.2", "see <https://github.com/acme/app/issues/13|app#13> and acme/web#7"),
            Slack("1.3", "this post: https://twitter.com/carol_renamed/status/1859000000000000001?s=20"),
            Issue("acme/web", 8, "same as web#7, and not #99 or app#404"),
        ];
        var links = ItemReferences.Find(items).ToHashSet();
        Assert.Equal(new HashSet<(int, int)> { (4, 0), (5, 1), (5, 2), (6, 3), (7, 2) }, links);
    }

    [Fact]
    public void A_short_reference_is_not_an_address_when_two_repositories_share_the_name()
    {
        FeedbackItem[] items = [Issue("acme/app", 12), Issue("other/app", 12), Slack("1.1", "see app#12")];
        Assert.Empty(ItemReferences.Find(items));
    }

    [Fact]
    public void Noise_named_by_a_theme_item_joins_it_and_a_pointer_moves_to_the_theme_of_what_it_links()
    {
        (int, int)[] links = [(0, 1), (2, 3), (4, 5), (6, 7)];
        int[] themeOf = [0, -1, 0, 1, 2, 3, -1, 4];
        var moves = ReferencedItems.Resolve(links, themeOf, item => item != 4);
        // 1 is noise named by 0; 2 points at 3's theme; 4 may not move (an earlier run placed it); 6 is noise pointing at 7.
        Assert.Equal([(1, 0), (2, 1), (6, 4)], moves);
        Assert.Equal([0, 0, 1, 1, 2, 3, 4, 4], themeOf);
    }
}
