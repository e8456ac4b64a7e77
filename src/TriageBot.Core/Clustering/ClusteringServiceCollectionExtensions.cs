using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaSharp;
using TriageBot.Clustering.Embeddings;
using TriageBot.Evaluation;
using TriageBot.Storage;

namespace TriageBot.Clustering;

public static class ClusteringServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IThemeClusterer"/> and what it needs from section <c>Clustering</c>: the embedding
    /// generator (local MiniLM by default; <c>Clustering:Embeddings:Provider</c> OpenAI or Ollama for a remote one),
    /// <see cref="ThemeOverrides"/> for <c>themes split|merge|pin</c>, and <see cref="EvalRunner"/>.
    /// An in-memory <see cref="IEmbeddingStore"/> is used only when storage registers none.
    /// </summary>
    public static IServiceCollection AddTriageBotClustering(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ClusteringOptions>().Bind(config.GetSection("Clustering")).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<ClusteringOptions>, ClusteringOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEmbeddingStore, InMemoryEmbeddingStore>();

        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => CreateGenerator(sp.GetRequiredService<IOptions<ClusteringOptions>>().Value.Embeddings));
        services.TryAddSingleton(sp => new ItemEmbedder(
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<IEmbeddingStore>(),
            sp.GetRequiredService<IOptions<ClusteringOptions>>().Value.Embeddings.ChunkSize,
            sp.GetService<ILogger<ItemEmbedder>>()));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ClusteringOptions>>().Value;
            // Lexical runs never load the model.
            return new ThemeFeaturizer(o.Features == FeatureKind.Lexical ? null : sp.GetRequiredService<ItemEmbedder>(), o, NuisanceFor(o.Embeddings));
        });
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ClusteringOptions>>().Value;
            // The prototypes' vectors are kept in the store, so a run over stored items needs no model at all.
            var generator = o.Features == FeatureKind.Lexical ? null
                : new StoredEmbeddingGenerator(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), sp.GetRequiredService<IEmbeddingStore>());
            return new ActionabilityClassifier(generator) { Margin = o.ActionabilityMargin };
        });
        services.TryAddSingleton<IThemeOverrideStore>(sp =>
        {
            var file = sp.GetRequiredService<IOptions<ClusteringOptions>>().Value.OverridesFile;
            return string.IsNullOrWhiteSpace(file) ? new InMemoryThemeOverrideStore() : new JsonFileThemeOverrideStore(file);
        });
        services.TryAddSingleton<ThemeOverrides>();
        services.TryAddSingleton<IThemeClusterer, ThemeClusterer>();
        services.TryAddSingleton(sp => new EvalRunner(sp.GetRequiredService<ItemEmbedder>()));
        return services;
    }

    /// <summary>The shipped directions are of the local model's space: a remote generator's vectors are left as they are.</summary>
    internal static NuisanceProjection? NuisanceFor(EmbeddingOptions o) =>
        o.RemoveLanguageDirection && string.Equals(o.Provider, "MiniLm", StringComparison.OrdinalIgnoreCase) ? NuisanceProjection.MiniLmLanguage() : null;

    private static IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmbeddingOptions o) => o.Provider.ToLowerInvariant() switch
    {
        "minilm" => new MiniLmEmbeddingGenerator(o.MaxTokens),
        "openai" => new OpenAI.OpenAIClient(new ApiKeyCredential(o.ApiKey ?? ""),
                new OpenAI.OpenAIClientOptions { Endpoint = o.Endpoint is null ? null : new Uri(o.Endpoint) })
            .GetEmbeddingClient(o.Model).AsIEmbeddingGenerator(),
        "ollama" => new OllamaApiClient(new Uri(o.Endpoint ?? "http://127.0.0.1:11434"), o.Model ?? "all-minilm"),
        _ => throw new InvalidOperationException($"Clustering:Embeddings:Provider '{o.Provider}' is not MiniLm, OpenAI or Ollama."),
    };
}

internal sealed class ClusteringOptionsValidator : IValidateOptions<ClusteringOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusteringOptions o)
    {
        var errors = new List<string>();
        var provider = o.Embeddings.Provider.ToLowerInvariant();
        if (provider is not ("minilm" or "openai" or "ollama"))
            errors.Add($"Clustering:Embeddings:Provider must be MiniLm, OpenAI or Ollama (was '{o.Embeddings.Provider}').");
        if (provider is "openai" or "ollama" && string.IsNullOrWhiteSpace(o.Embeddings.Model))
            errors.Add($"Clustering:Embeddings:Model is required when Clustering:Embeddings:Provider is {o.Embeddings.Provider}.");
        if (provider == "openai" && string.IsNullOrWhiteSpace(o.Embeddings.ApiKey))
            errors.Add("Clustering:Embeddings:ApiKey is required when Clustering:Embeddings:Provider is OpenAI.");
        if (provider == "ollama" && string.IsNullOrWhiteSpace(o.Embeddings.Endpoint))
            errors.Add("Clustering:Embeddings:Endpoint is required when Clustering:Embeddings:Provider is Ollama.");
        foreach (var (choice, i) in o.Overrides.Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(choice.ThemeId)) errors.Add($"Clustering:Overrides:{i}:ThemeId is required.");
            if (choice.Kind == ThemeOverrideKind.Merge && string.IsNullOrWhiteSpace(choice.OtherThemeId))
                errors.Add($"Clustering:Overrides:{i}:OtherThemeId is required for a merge.");
            if (choice.Kind == ThemeOverrideKind.Split && choice.ItemIds.Count == 0)
                errors.Add($"Clustering:Overrides:{i}:ItemIds is required for a split.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
