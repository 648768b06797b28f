using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.Http;

/// <summary>
/// The front door opens before the worker is ready, as the host's does in Azure (cổng HTTP mở sớm): a request arriving while the
/// worker starts is held until its functions are loaded, then handled as any other, so an early caller gets the real answer.
/// The wait is bounded: past it the request answers 503 <c>PAR-A175</c> (try again); a worker that failed to start answers 503
/// <c>PAR-A176</c>.
/// </summary>
internal sealed partial class FrontDoorGate
{
    private readonly TaskCompletionSource<RequestDelegate> _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public FrontDoorGate(TimeSpan timeout, TimeProvider time, ILogger logger)
    {
        _timeout = timeout;
        _time = time;
        _logger = logger;
    }

    /// <summary>The worker is ready: held and later requests go to <paramref name="handler"/>.</summary>
    public void Open(RequestDelegate handler) => _open.TrySetResult(handler);

    /// <summary>The worker will not be ready: held and later requests answer <c>PAR-A176</c>.</summary>
    public void Fail(Exception reason) => _open.TrySetException(reason);

    public async Task HandleAsync(HttpContext context)
    {
        var opening = _open.Task;
        if (!opening.IsCompletedSuccessfully)
        {
            try
            {
                await opening.WaitAsync(_timeout, _time, context.RequestAborted).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Log.HeldTooLong(_logger, context.Request.Method, context.Request.Path.Value, _timeout.TotalSeconds);
                await HostProblems.WriteAsync(context, HostProblems.WorkerNotReady(_timeout), retryAfter: TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (opening.IsFaulted)
            {
                await HostProblems.WriteAsync(context, HostProblems.WorkerFailed()).ConfigureAwait(false);
                return;
            }
        }

        await opening.Result(context).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} waited {Seconds} s for the worker to be ready; answered 503 PAR-A175")]
        public static partial void HeldTooLong(ILogger logger, string method, string? path, double seconds);
    }
}
