using System.Buffers;
using System.Text.RegularExpressions;

namespace TriageBot.Text;

internal static partial class Cues
{
    /// <summary>
    /// What spam says to sell: an order channel ("contact us on Telegram", "DM for"), a shop ("visit our website"), a
    /// promise ("100% safe", "guaranteed results", "no ban"), a bargain ("best deals", "90% off", "10,000 for $5"), the
    /// disclosure a paid post carries ("#ad", "#sponsored"). One of them can sit in a report ("patients visit our website
    /// to book and the widget hangs"); spam says two or more.
    /// </summary>
    private static readonly Regex[] AdvertMarkers =
    [
        AdvertOrderChannel(), AdvertShop(), AdvertPromise(), AdvertBargain(), AdvertPrice(), AdvertDisclosure(),
    ];

    [GeneratedRegex(@"\b((on|via) (telegram|whatsapp|signal)|dm (us |me )?(for|now)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AdvertOrderChannel();

    [GeneratedRegex(@"\bvisit our (web ?)?(site|store|shop)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdvertShop();

    [GeneratedRegex(@"\b(100% (safe|real|original|legit|working|genuine)|guaranteed( results)?!|(results|prices?) guaranteed|no ban\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AdvertPromise();

    [GeneratedRegex(@"\b(best (deals?|prices?)|unbeatable prices?|\d{2}% off)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdvertBargain();

    [GeneratedRegex(@"\b\d[\d,.]*k? ([\w-]+ ){0,2}(for|at) \$\d", RegexOptions.IgnoreCase)]
    private static partial Regex AdvertPrice();

    [GeneratedRegex(@"#(ad|ads|sponsored|affiliate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdvertDisclosure();

    private static readonly SearchValues<string> AdvertWords = SearchValues.Create(
        ["telegram", "whatsapp", "signal", "dm ", "visit our", "100%", "guarantee", "no ban", "best deal", "best price", "unbeatable", "% off", "$", "#ad", "#sponsored", "#affiliate"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a post sells something: two or more of <see cref="AdvertMarkers"/>' kinds.</summary>
    public static bool IsAdvert(string text)
    {
        if (!text.AsSpan().ContainsAny(AdvertWords)) return false;
        var kinds = 0;
        foreach (var marker in AdvertMarkers)
            if (marker.IsMatch(text) && ++kinds == 2) return true;
        return false;
    }
}
