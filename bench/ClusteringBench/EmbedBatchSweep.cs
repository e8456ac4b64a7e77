using System.Diagnostics;
using System.Globalization;
using TriageBot.Clustering.Embeddings;

/// <summary>
/// `embed-speed FILE --batch-sweep`: our generator with several token budgets per ONNX Runtime call, in one process,
/// three rounds in alternating order, so the box's load falls on every size alike. Prints each size's seconds per round
/// and how far its vectors are from the largest size's (padding differs, so only rounding may).
/// </summary>
internal static class EmbedBatchSweep
{
    private static readonly int[] Sizes = [4096, 2048, 1024, 512, 256];

    public static void Run(string[] texts)
    {
        var generators = Sizes.ToDictionary(s => s, s => new MiniLmEmbeddingGenerator(batchTokens: s));
        foreach (var g in generators.Values) g.LoadModel();
        // One warm-up call each: ONNX Runtime sizes its arena on the first batches.
        foreach (var g in generators.Values) g.Embed(texts.Take(64).ToArray());
        var times = Sizes.ToDictionary(s => s, _ => new List<double>());
        var vectors = new Dictionary<int, float[][]>();
        for (var round = 0; round < 3; round++)
        {
            var order = round % 2 == 0 ? Sizes : Sizes.Reverse().ToArray();
            foreach (var size in order)
            {
                var sw = Stopwatch.StartNew();
                vectors[size] = generators[size].Embed(texts);
                times[size].Add(sw.Elapsed.TotalSeconds);
            }
        }
        var baseline = times[Sizes[0]].Average();
        foreach (var size in Sizes)
        {
            var least = vectors[size].Zip(vectors[Sizes[0]], (a, b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b)).Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,5} tokens a call: {string.Join(" / ", times[size].Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s, ratio to {Sizes[0]} {times[size].Average() / baseline:F2}; 1 - least cosine to {Sizes[0]}'s vectors {1 - least:E1}"));
        }
        foreach (var g in generators.Values) g.Dispose();
    }
}
