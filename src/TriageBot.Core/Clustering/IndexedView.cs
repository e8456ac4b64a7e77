using System.Collections;

namespace TriageBot.Clustering;

/// <summary>
/// Some elements of a list, by index, read when asked: a run's free items' embeddings without copying them out (read
/// back from the features, each read is a new array, so a copied list would hold them all again).
/// </summary>
internal sealed class IndexedView<T>(IReadOnlyList<T> source, IReadOnlyList<int> indexes) : IReadOnlyList<T>
{
    public T this[int index] => source[indexes[index]];

    public int Count => indexes.Count;

    public IEnumerator<T> GetEnumerator() => indexes.Select(i => source[i]).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
