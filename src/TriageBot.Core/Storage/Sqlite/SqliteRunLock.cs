namespace TriageBot.Storage.Sqlite;

/// <summary>
/// SQLite is one node's store, so the lock is the process's: the scheduler never starts a run while another is on
/// (Quartz's <c>DisallowConcurrentExecution</c> already says so for one job; this covers any other caller).
/// </summary>
public sealed class SqliteRunLock : IRunLock
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken ct) =>
        await _gate.WaitAsync(TimeSpan.Zero, ct) ? new Release(_gate) : null;

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
