using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.TestWorker;

public sealed class TimerFunctions(Recorder recorder, ILogger<TimerFunctions> logger)
{
    /// <summary>Records each run; runs for <c>TEST_TICK_MS</c> milliseconds, so a test can see that occurrences never overlap.</summary>
    [Function(nameof(Tick))]
    public async Task Tick([TimerTrigger("%TEST_SCHEDULE%", UseMonitor = true)] TimerInfo timer, FunctionContext context, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        logger.LogInformation("Tick: past due {IsPastDue}", timer.IsPastDue);
        if (int.TryParse(Environment.GetEnvironmentVariable("TEST_TICK_MS"), out var milliseconds) && milliseconds > 0)
        {
            await Task.Delay(milliseconds, cancellationToken);
        }

        await recorder.RecordAsync(nameof(Tick), "runs", context.InvocationId, new
        {
            timer.IsPastDue,
            Last = timer.ScheduleStatus?.Last,
            Next = timer.ScheduleStatus?.Next,
            HasStatus = timer.ScheduleStatus is not null,
            Started = started,
            Ended = DateTimeOffset.UtcNow,
        }, cancellationToken);
    }
}
