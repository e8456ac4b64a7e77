using TriageBot.Clustering;
using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

public class ReportCuesTests
{
    private static FeedbackItem[] Items(params string[] texts) =>
    [
        .. texts.Select((text, k) => new FeedbackItem
        {
            Id = $"s:{k}", Source = FeedbackSource.Slack, Location = "C01", Body = text, Url = $"https://x/{k}",
            CreatedAt = DateTimeOffset.Parse("2026-11-19T09:00:00Z"),
        }),
    ];

    [Fact]
    public void The_share_that_names_a_problem_is_read_from_the_reports_in_English_only()
    {
        var cues = new ReportCues(Items(
            "the invite link is broken for everyone",
            "can't accept the invite, it fails every time",
            "the invite arrived this morning with the new logo",
            "el enlace de la invitación ya no funciona, dice que ha caducado",
            "Der Einladungslink ist sofort abgelaufen und funktioniert nicht"));

        // Two of the three English reports name a problem; counted over all five it would be two of five.
        Assert.True(cues.MostNameAProblem([0, 1, 2, 3, 4], 0.5));
        Assert.False(cues.MostNameAProblem([0, 1, 2, 3, 4], 0.7));
        // One of two English reports reaches a half, not more.
        Assert.True(cues.MostNameAProblem([0, 2, 3], 0.5));
        Assert.False(cues.MostNameAProblem([0, 2, 3], 0.6));
        // Nothing in English: nothing to read, so no.
        Assert.False(cues.MostNameAProblem([3, 4], 0.5));
    }

    [Fact]
    public void Small_fix_cues_are_read_from_all_of_a_small_theme_and_a_sample_of_a_large_one()
    {
        var small = new ReportCues(Items("typo on the export button", "export fails for big files", "the export link is a 404"));
        Assert.Equal([0, 2], small.WithSmallFixCue([0, 1, 2]));
        Assert.Equal(2.0 / 3, small.ShareWithSmallFixCue([0, 1, 2]), 6);

        // 600 reports, every third with a typo: read from a sample of about 300, not all 600.
        var texts = Enumerable.Range(0, 600).Select(k => k % 3 == 0 ? "typo on the export button" : "export fails again for big files").ToArray();
        var large = new ReportCues(Items(texts));
        var all = Enumerable.Range(0, 600).ToList();
        var read = large.WithSmallFixCue(all);
        Assert.InRange(read.Count, 80, 120); // a third of the ~300 sampled, not 200 of all
        Assert.All(read, i => Assert.Equal(0, i % 3));
        Assert.InRange(large.ShareWithSmallFixCue(all), 0.3, 0.37);
    }

    [Fact]
    public void The_parallel_language_check_keeps_the_English_reports_it_is_given_in_their_order()
    {
        var languages = new[]
        {
            "the invite link is broken for everyone",
            "el enlace de la invitación ya no funciona, dice que ha caducado",
            "can't accept the invite, it fails every time",
            "Der Einladungslink ist sofort abgelaufen und funktioniert nicht",
            "招待リンクが開けません。すぐに期限切れになります",
        };
        var texts = Enumerable.Range(0, 2000).Select(k => languages[k % languages.Length]).ToArray();
        var all = Enumerable.Range(0, texts.Length).Reverse().ToList();

        var english = new ReportCues(Items(texts)).EnglishAmong(all, CancellationToken.None);

        var oneByOne = new ReportCues(Items(texts));
        Assert.Equal(all.Where(oneByOne.English), english);
        Assert.Equal(800, english.Count);
        Assert.All(english, i => Assert.True(i % 5 is 0 or 2));
    }
}
