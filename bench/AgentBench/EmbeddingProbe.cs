using System.Globalization;
using System.Numerics.Tensors;
using TriageBot.Agent.Text;
using TriageBot.Clustering.Embeddings;
using TriageBot.Tests.Agent;

/// <summary>Probe: MiniLM cosine between each truth theme's items and each goal (whole text and per clause).</summary>
internal static class EmbeddingProbe
{
    public static void Run(IEnumerable<string> files)
    {
        using var gen = new MiniLmEmbeddingGenerator();
        foreach (var file in files)
        {
            var s = ScenarioThemes.LoadFile(file);
            Console.WriteLine(Path.GetFileNameWithoutExtension(file));
            var goalVec = s.Goals.ToDictionary(g => g.Id, g => gen.Embed([g.Title + ". " + g.Description])[0]);
            var clauses = s.Goals.ToDictionary(g => g.Id, g => Clauses(g.Title, g.Description));
            var clauseVec = s.Goals.ToDictionary(g => g.Id, g => gen.Embed(clauses[g.Id]));
            foreach (var t in s.Truth)
            {
                var items = s.ItemsOf(t);
                var vecs = gen.Embed(items.Select(i => FeedbackText.Prose(i.FullText)).ToList());
                var centroid = new float[vecs[0].Length];
                foreach (var v in vecs) TensorPrimitives.Add(centroid, v, centroid);
                var norm = TensorPrimitives.Norm(centroid);
                TensorPrimitives.Divide(centroid, norm, centroid);
                var parts = s.Goals.Select(g =>
                {
                    var whole = TensorPrimitives.CosineSimilarity(centroid, goalVec[g.Id]);
                    var best = clauseVec[g.Id].Select(c => TensorPrimitives.CosineSimilarity(centroid, c)).Max();
                    // share of items whose best clause sim for this goal exceeds 0.4
                    var share = vecs.Count(v => clauseVec[g.Id].Any(c => TensorPrimitives.CosineSimilarity(v, c) > 0.35)) / (double)vecs.Length;
                    return (g.Id, whole, best, share);
                }).OrderByDescending(x => x.best).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {t.Id,-28} truth {t.Goal ?? "-",-3} | {string.Join("  ", parts.Select(p => $"{p.Id}:{p.whole:0.00}/{p.best:0.00}/{p.share:0.00}"))}"));
            }
        }
    }

    public static List<string> Clauses(string title, string description)
    {
        var result = new List<string> { title };
        foreach (var piece in description.Split([':', ';', ',', '.'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (piece.Split(' ').Length >= 2) result.Add(piece);
        }
        return result;
    }
}
