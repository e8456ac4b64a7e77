using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;

namespace TriageBot.Tests.Clustering;

public class MiniLmEmbeddingGeneratorTests
{
    // Loading the model takes a second or two: once for the class.
    private static readonly Lazy<MiniLmEmbeddingGenerator> Generator = new(() => new MiniLmEmbeddingGenerator(maxTokens: 64));

    [Fact]
    public async Task Paraphrases_are_nearer_than_unrelated_texts_and_vectors_are_unit_length()
    {
        string[] texts =
        [
            "I can't log in to my account, the password reset email never arrives",
            "the app crashes when I open the camera",
            "password reset emails are not being delivered so I cannot sign in",
        ];
        var embeddings = await Generator.Value.GenerateAsync(texts);
        var v = embeddings.Select(e => e.Vector.ToArray()).ToArray();
        Assert.All(v, x => Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, x.Length));
        Assert.All(v, x => Assert.Equal(1.0, Math.Sqrt(x.Sum(d => (double)d * d)), 4));
        var paraphrase = VectorMath.Dot(v[0], v[2]);
        var unrelated = VectorMath.Dot(v[0], v[1]);
        Assert.True(paraphrase > unrelated + 0.2, $"paraphrase {paraphrase}, unrelated {unrelated}");
    }

    [Theory]
    // An off-topic question about the product names it, but asks for nothing to be fixed.
    [InlineData("Which font is used on the maps?. What typeface do the map labels use? Asking for a school project.", false)]
    [InlineData("What font do you use on the invoices?. Love the invoice template typography, what font is it? Asking for my own website", false)]
    [InlineData("the map labels overlap on the offline map and are unreadable", true)]
    // A wrong date told without a problem word is a report (the "wrong date" prototype, session 37); a date in chatter is not.
    [InlineData("class due dates are a day early for all our schools in the Americas, Europe is fine", true)]
    [InlineData("the team offsite moved to thursday, see you all there", false)]
    public async Task The_real_model_reads_an_off_topic_question_as_chatter_and_a_report_as_actionable(string text, bool actionable)
    {
        var classifier = new ActionabilityClassifier(Generator.Value);
        var embedding = (await Generator.Value.GenerateAsync([text]))[0].Vector.ToArray();
        Assert.Equal(actionable, (await classifier.IsActionableAsync([text], [embedding], default))[0]);
    }

    [Fact]
    public void Batching_by_length_keeps_input_order_and_matches_single_runs()
    {
        string[] texts = ["short", string.Join(' ', Enumerable.Repeat("a much longer text about exporting files", 20)), "medium length text here"];
        var together = Generator.Value.Embed(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            var alone = Generator.Value.Embed([texts[i]])[0];
            Assert.True(VectorMath.Dot(alone, together[i]) > 0.999f);
        }
    }

    // The model is loaded once for the class, so the shipped direction is checked here rather than in a class of its own.
    [Fact]
    public void Removing_the_shipped_language_direction_brings_a_report_in_another_language_nearer_its_problem_than_other_problems()
    {
        string[] texts =
        [
            "The CLI asks me to log in again every time I open a new terminal",
            "Cada vez que abro una terminal nueva el CLI me pide iniciar sesión otra vez",
            "Exporting the report to PDF cuts off the last column",
            "Jedes Mal, wenn ich ein neues Terminal öffne, muss ich mich wieder anmelden",
        ];
        var raw = Generator.Value.Embed(texts);
        var projected = raw.Select(v => (float[])v.Clone()).ToArray();
        var language = NuisanceProjection.MiniLmLanguage();
        foreach (var v in projected)
        {
            language.Apply(v);
            VectorMath.Normalize(v);
        }
        double Gain(int a, int b) => VectorMath.Dot(projected[a], projected[b]) - VectorMath.Dot(raw[a], raw[b]);
        // The same problem in Spanish and German gains on its English report; two English problems gain less.
        Assert.True(Gain(0, 1) > Gain(0, 2) + 0.02, $"spanish {Gain(0, 1):F3}, other problem {Gain(0, 2):F3}");
        Assert.True(Gain(0, 3) > Gain(0, 2) + 0.02, $"german {Gain(0, 3):F3}, other problem {Gain(0, 2):F3}");
    }
}
