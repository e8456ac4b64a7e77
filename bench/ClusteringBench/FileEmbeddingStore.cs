using TriageBot.Storage;

/// <summary>Bench-only: embeddings persisted to one binary file so repeated bench runs skip the model.</summary>
internal sealed class FileEmbeddingStore : IEmbeddingStore
{
    private readonly string _path;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    /// <summary>
    /// The store every bench command shares: /tmp/bench-embeddings.bin, or the file the environment variable
    /// BENCH_EMBEDDINGS names, so two builds whose item texts differ can each keep vectors of their own texts.
    /// </summary>
    public static FileEmbeddingStore Shared() =>
        new(Environment.GetEnvironmentVariable("BENCH_EMBEDDINGS") is { Length: > 0 } own ? own : "/tmp/bench-embeddings.bin");

    private FileEmbeddingStore(string path)
    {
        _path = path;
        if (!File.Exists(path)) return;
        using var r = new BinaryReader(File.OpenRead(path));
        var n = r.ReadInt32();
        for (var i = 0; i < n; i++)
        {
            var key = r.ReadString();
            var d = r.ReadInt32();
            var v = new float[d];
            for (var j = 0; j < d; j++) v[j] = r.ReadSingle();
            _vectors[key] = v;
        }
    }

    public Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken ct)
    {
        var found = new Dictionary<string, float[]>();
        foreach (var h in contentHashes)
            if (_vectors.TryGetValue(model + "|" + h, out var v)) found[h] = v;
        return Task.FromResult<IReadOnlyDictionary<string, float[]>>(found);
    }

    public Task PutManyAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken ct)
    {
        foreach (var (h, v) in vectors) _vectors[model + "|" + h] = v;
        using var w = new BinaryWriter(File.Create(_path));
        w.Write(_vectors.Count);
        foreach (var (k, v) in _vectors)
        {
            w.Write(k);
            w.Write(v.Length);
            foreach (var x in v) w.Write(x);
        }
        return Task.CompletedTask;
    }
}
