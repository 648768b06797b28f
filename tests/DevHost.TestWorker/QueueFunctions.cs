using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.TestWorker;

public sealed class QueueFunctions(Recorder recorder, ILogger<QueueFunctions> logger)
{
    /// <summary>
    /// Records every delivery (text, dequeue count, metadata), then fails: always for messages containing "fail", on the first
    /// delivery only for "flaky".
    /// </summary>
    [Function(nameof(RecordQueue))]
    public async Task RecordQueue([QueueTrigger("%TEST_QUEUE%")] string message, long dequeueCount, string id, FunctionContext context,
        CancellationToken cancellationToken)
    {
        context.BindingContext.BindingData.TryGetValue("QueueTrigger", out var queueTrigger);
        context.BindingContext.BindingData.TryGetValue("InsertionTime", out var inserted);
        logger.LogInformation("RecordQueue got {Message} (dequeue count {DequeueCount})", message, dequeueCount);
        var key = new string([.. message.Where(char.IsAsciiLetterOrDigit)]);
        var attempts = await recorder.RecordAsync(nameof(RecordQueue), key, context.InvocationId, new
        {
            Text = message,
            DequeueCount = dequeueCount,
            Id = id,
            QueueTrigger = queueTrigger?.ToString(),
            InsertionTime = inserted?.ToString(),
        }, cancellationToken);
        if (message.Contains("fail", StringComparison.Ordinal) || (message.Contains("flaky", StringComparison.Ordinal) && attempts == 1))
        {
            throw new InvalidOperationException($"test worker refuses {message} (attempt {attempts})");
        }
    }
}
