using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Agent;
using TriageBot.Domain;
using TriageBot.Pipeline;
using TriageBot.Tickets;

namespace TriageBot.Tests.Pipeline;

public sealed class FiledEvidencePlacementTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-20T09:00:00Z"));

    private sealed class FakeWriter(Dictionary<string, string> ticketed, bool fail = false) : ITicketWriter
    {
        public List<string> Asked { get; } = [];

        public Task<IReadOnlyDictionary<string, string>> FindTicketedAsync(IReadOnlyList<string> urls, CancellationToken ct)
        {
            Asked.AddRange(urls);
            if (fail) throw new HttpRequestException("boom");
            return Task.FromResult<IReadOnlyDictionary<string, string>>(urls.Where(ticketed.ContainsKey).ToDictionary(u => u, u => ticketed[u]));
        }

        public Task<TicketOutcome?> FileAsync(ThemeContext context, ThemeDraft draft, CancellationToken ct) => throw new NotSupportedException();
        public Task<TicketOutcome?> FileApprovedAsync(ThemeContext context, ThemeDraft draft, CancellationToken ct) => throw new NotSupportedException();
    }

    private static FeedbackItem Item(string id) => new()
    {
        Id = id, Source = FeedbackSource.GitHub, Location = "o/r", Body = id, Url = "https://github.com/o/r/issues/" + id,
        CreatedAt = DateTimeOffset.Parse("2026-11-19T09:00:00Z"),
    };

    private static readonly FeedbackItem[] Items = [Item("1"), Item("2"), Item("3"), Item("4"), Item("5")];

    private static readonly HashSet<string> NoOwnEvidence = [];

    private static ClusteringResult Result() => new(
        [new Theme { Id = "th-a", ItemIds = ["1", "2"], Centroid = [] }, new Theme { Id = "th-b", ItemIds = ["3"], Centroid = [] }],
        ["4", "5"], [])
    {
        NoiseNearest = new Dictionary<string, NearestTheme> { ["4"] = new("th-b", 0.2), ["5"] = new("th-a", 0.3) },
    };

    [Fact]
    public async Task A_noise_item_a_person_filed_joins_its_nearest_theme_and_the_rest_stays_noise()
    {
        var writer = new FakeWriter(new() { ["https://github.com/o/r/issues/4"] = "AGT-1" });
        var placed = await FiledEvidencePlacement.PlaceAsync(Result(), Items, [], NoOwnEvidence, writer, _time, NullLogger.Instance, default);

        Assert.Equal(["3", "4"], placed.Themes.Single(t => t.Id == "th-b").ItemIds);
        Assert.Equal(["1", "2"], placed.Themes.Single(t => t.Id == "th-a").ItemIds);
        Assert.Equal(["5"], placed.Noise);
        Assert.Contains(placed.Events, e => e.Kind == "joined" && e.ThemeId == "th-b" && e.Reason.Contains("AGT-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Noise_seen_in_an_earlier_run_is_not_looked_up_again()
    {
        var writer = new FakeWriter([]);
        await FiledEvidencePlacement.PlaceAsync(Result(), Items, ["4"], NoOwnEvidence, writer, _time, NullLogger.Instance, default);
        Assert.Equal(["https://github.com/o/r/issues/5"], writer.Asked);
    }

    [Fact]
    public async Task A_failed_lookup_leaves_the_result_as_it_was()
    {
        var writer = new FakeWriter([], fail: true);
        var result = Result();
        Assert.Same(result, await FiledEvidencePlacement.PlaceAsync(result, Items, [], NoOwnEvidence, writer, _time, NullLogger.Instance, default));
    }

    [Fact]
    public async Task Evidence_TriageBot_attached_itself_is_not_put_back()
    {
        // Item 4 sits on AGT-1 because TriageBot attached it when it was in a theme; this run reads it as noise.
        var writer = new FakeWriter(new() { ["https://github.com/o/r/issues/4"] = "AGT-1" });
        var placed = await FiledEvidencePlacement.PlaceAsync(
            Result(), Items, [], new HashSet<string> { "https://github.com/o/r/issues/4" }, writer, _time, NullLogger.Instance, default);

        Assert.Equal(["4", "5"], placed.Noise);
        Assert.DoesNotContain("https://github.com/o/r/issues/4", writer.Asked);
        Assert.DoesNotContain(placed.Events, e => e.Kind == "joined");
    }
}
