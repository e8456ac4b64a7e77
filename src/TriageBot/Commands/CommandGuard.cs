using System.CommandLine;
using Microsoft.Extensions.Options;
using TriageBot.Domain;
using TriageBot.Hosting;

namespace TriageBot.Commands;

/// <summary>
/// Runs a command's body and turns failures into one readable line: usage and configuration
/// problems exit 2, anything else exits 1. No stack traces for people; they go to the log at debug.
/// </summary>
internal static class CommandGuard
{
    public static void SetGuardedAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await action(parse, ct);
            }
            catch (Exception ex) when (IsUsage(ex, out var message))
            {
                Console.Error.WriteLine($"error: {message}");
                return 2;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Console.Error.WriteLine("cancelled");
                return 130;
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"error: {ex.GetType().Name}: {ex.Message}");
                if (Environment.GetEnvironmentVariable("TRIAGEBOT_DEBUG") is "1" or "true")
                    Console.Error.WriteLine(ex);
                return 1;
            }
        });

    private static bool IsUsage(Exception ex, out string message)
    {
        switch (ex)
        {
            case UsageException or GoalConfigurationException:
                message = ex.Message;
                return true;
            case OptionsValidationException ove:
                message = "configuration: " + string.Join("; ", ove.Failures);
                return true;
            case AggregateException agg when agg.InnerExceptions.Count > 0:
                var messages = new List<string>();
                foreach (var inner in agg.InnerExceptions)
                {
                    if (!IsUsage(inner, out var m)) { message = ""; return false; }
                    messages.Add(m);
                }
                message = string.Join("; ", messages);
                return true;
            default:
                message = "";
                return false;
        }
    }
}
