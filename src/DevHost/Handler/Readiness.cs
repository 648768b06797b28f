using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.Handler;

/// <summary>The host's readiness probe: <c>GET /</c> every 25 ms until any HTTP response comes back.</summary>
internal static partial class Readiness
{
    /// <value>The default value is 30 seconds, the host's start-up limit.</value>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(25);

    /// <param name="hasExited">Stops waiting early when the process behind the address is gone.</param>
    /// <exception cref="TimeoutException">No response within <paramref name="timeout"/>.</exception>
    public static async Task WaitAsync(HttpClient http, Uri baseAddress, TimeSpan timeout, Func<int?> hasExited, ILogger logger, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (hasExited() is { } exitCode)
            {
                throw new InvalidOperationException($"the handler exited with code {exitCode} before answering GET {baseAddress}");
            }

            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                probe.CancelAfter(TimeSpan.FromSeconds(2));
                using var response = await http.GetAsync(baseAddress, HttpCompletionOption.ResponseHeadersRead, probe.Token).ConfigureAwait(false);
                // Any status counts: the host only wants to know that something listens.
                var elapsed = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
                Log.Ready(logger, baseAddress, (int)response.StatusCode, elapsed);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (TimeProvider.System.GetElapsedTime(started) > timeout)
                {
                    throw new TimeoutException($"the handler did not answer GET {baseAddress} within {timeout.TotalSeconds:0} s", exception);
                }
            }

            await Task.Delay(ProbeInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Handler at {Address} is ready (GET / answered {Status} after {Milliseconds:0} ms)")]
        public static partial void Ready(ILogger logger, Uri address, int status, double milliseconds);
    }
}
