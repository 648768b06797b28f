using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Configuration;
using ParServerless.DevHost.Rpc;

namespace ParServerless.DevHost.Worker;

/// <summary>Outcome of one invocation. A failure status, a timeout or a lost worker is a failure, as in the host.</summary>
internal sealed record InvocationResult(string InvocationId, bool Succeeded, string? Failure);

/// <summary>
/// Sends <c>InvocationRequest</c>s to the current worker and waits for their <c>InvocationResponse</c>, with <c>functionTimeout</c>;
/// logs "Executing"/"Executed" lines as the host does.
/// </summary>
internal sealed partial class FunctionInvoker(Func<WorkerSession?> session, TimeSpan functionTimeout, ILogger logger)
{
    /// <summary>Fills in the invocation id, the worker's function id and an (empty) trace context, then invokes.</summary>
    /// <param name="reason">Why the function runs, for the log ("New blob detected", "Timer fired", ...).</param>
    public async Task<InvocationResult> InvokeAsync(FunctionDefinition function, InvocationRequest request, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.InvocationId))
        {
            request.InvocationId = Guid.NewGuid().ToString();
        }

        // Without a trace context every invocation fails in the worker (NullReferenceException).
        request.TraceContext ??= new RpcTraceContext { TraceParent = "", TraceState = "" };
        var started = Stopwatch.GetTimestamp();
        Log.Executing(logger, function.Name, reason, request.InvocationId);
        var result = await SendAsync(function, request, cancellationToken).ConfigureAwait(false);
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.Succeeded)
        {
            Log.Succeeded(logger, function.Name, request.InvocationId, milliseconds);
        }
        else
        {
            Log.Failed(logger, function.Name, request.InvocationId, milliseconds, result.Failure);
        }

        return result;
    }

    private async Task<InvocationResult> SendAsync(FunctionDefinition function, InvocationRequest request, CancellationToken cancellationToken)
    {
        var current = session();
        if (current is null)
        {
            return new InvocationResult(request.InvocationId, false, "no worker is running");
        }

        // The worker indexed the function under its own id; a restarted worker may have given it another.
        var functionId = current.Functions.FirstOrDefault(f => f.Name == function.Name)?.WorkerFunctionId;
        if (functionId is null)
        {
            return new InvocationResult(request.InvocationId, false, $"the worker has no function {function.Name}");
        }

        request.FunctionId = functionId;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(functionTimeout);
        try
        {
            var response = await current.Channel.InvokeAsync(request, function.Name, timeout.Token).ConfigureAwait(false);
            return response.Result?.Status == StatusResult.Types.Status.Success
                ? new InvocationResult(request.InvocationId, true, null)
                : new InvocationResult(request.InvocationId, false, Describe(response.Result));
        }
        catch (OperationCanceledException)
        {
            await TryCancelAsync(current, request.InvocationId).ConfigureAwait(false);
            return new InvocationResult(request.InvocationId, false,
                cancellationToken.IsCancellationRequested ? "cancelled: the host is stopping" : $"timed out after functionTimeout {functionTimeout}");
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or Grpc.Core.RpcException)
        {
            return new InvocationResult(request.InvocationId, false, $"worker unreachable: {exception.Message}");
        }
    }

    private static async Task TryCancelAsync(WorkerSession session, string invocationId)
    {
        try
        {
            using var sending = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await session.Channel.CancelAsync(invocationId, sending.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException or Grpc.Core.RpcException)
        {
            // The worker is gone or busy: nothing more to cancel.
        }
    }

    private static string Describe(StatusResult? result) => result switch
    {
        null => "the worker sent no status",
        { Status: StatusResult.Types.Status.Cancelled } => "cancelled",
        { Exception: { } e } => $"{e.Type}: {e.Message}".TrimStart(':', ' '),
        _ => string.IsNullOrEmpty(result.Result) ? "failed" : result.Result,
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Executing 'Functions.{Function}' (Reason='{Reason}', Id={InvocationId})")]
        public static partial void Executing(ILogger logger, string function, string reason, string invocationId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Executed 'Functions.{Function}' (Succeeded, Id={InvocationId}, Duration={Milliseconds:0}ms)")]
        public static partial void Succeeded(ILogger logger, string function, string invocationId, double milliseconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Executed 'Functions.{Function}' (Failed, Id={InvocationId}, Duration={Milliseconds:0}ms): {Failure}")]
        public static partial void Failed(ILogger logger, string function, string invocationId, double milliseconds, string? failure);
    }
}
