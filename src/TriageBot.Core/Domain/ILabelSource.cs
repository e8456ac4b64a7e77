namespace TriageBot.Domain;

/// <summary>
/// The label names the team already uses in its tracker, so the agent picks from them instead of
/// inventing new ones. The tracker integration provides it; without one the list is empty.
/// </summary>
public interface ILabelSource
{
    Task<IReadOnlyList<string>> GetLabelNamesAsync(CancellationToken ct);
}

public sealed class NoLabelSource : ILabelSource
{
    public Task<IReadOnlyList<string>> GetLabelNamesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);
}
