using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.TestWorker;

public sealed class TimerFunctions(Recorder recorder, ILogger<TimerFunctions> logger)
{
    [Function(nameof(Tick))]
    public async Task Tick([TimerTrigger("%TEST_SCHEDULE%", UseMonitor = true)] TimerInfo timer, FunctionContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Tick: past due {IsPastDue}", timer.IsPastDue);
        await recorder.RecordAsync(nameof(Tick), "runs", context.InvocationId, new
        {
            timer.IsPastDue,
            Last = timer.ScheduleStatus?.Last,
            Next = timer.ScheduleStatus?.Next,
            HasStatus = timer.ScheduleStatus is not null,
        }, cancellationToken);
    }
}
