using System.Collections.Concurrent;
using Spectre.Console;
using TriageBot.Pipeline;

namespace TriageBot.Terminal;

/// <summary>A live view of the run on a terminal: one bar per stage, with items done and rate.</summary>
public sealed class SpectrePipelineProgress : IPipelineProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new();
    private ProgressContext? _context;

    /// <summary>Runs <paramref name="work"/> inside a Spectre progress display that this object feeds.</summary>
    public Task<T> ShowAsync<T>(Func<Task<T>> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                     new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                _context = ctx;
                try { return await work(); }
                finally { _context = null; }
            });

    public void StageStarted(string stage, int? total = null)
    {
        if (_context is null) return;
        var task = _context.AddTask(Markup.Escape(stage), maxValue: Math.Max(1, total ?? 1));
        if (total is null) task.IsIndeterminate = true;
        _tasks[stage] = task;
    }

    public void Advanced(string stage, int done)
    {
        if (_tasks.TryGetValue(stage, out var task)) task.Value = done;
    }

    public void StageFinished(string stage, string summary)
    {
        if (_tasks.TryGetValue(stage, out var task))
        {
            task.Description = Markup.Escape($"{stage}: {summary}");
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
        else if (_context is not null)
        {
            var done = _context.AddTask(Markup.Escape($"{stage}: {summary}"), maxValue: 1);
            done.Value = 1;
            done.StopTask();
        }
        else
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(stage)}:[/] {Markup.Escape(summary)}");
        }
    }
}
