using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Payload;

namespace ParServerless.DevHost.Handler;

/// <summary>Outcome of one invocation. Any non-2xx status, a timeout or a dropped connection is a failure, as in the host.</summary>
internal sealed record InvocationResult(Guid InvocationId, bool Succeeded, int? StatusCode, string? Failure, JsonNode? ReturnValue);

/// <summary>Sends invocations to the handler: <c>POST /{FunctionName}</c> with the JSON payload and the host's invocation headers.</summary>
internal sealed partial class HandlerClient
{
    /// <summary>The Functions host version the stand-in announces in its headers.</summary>
    public const string HostVersion = "4.1041.200";

    private readonly HttpClient _http;
    private readonly Func<Uri> _baseAddress;
    private readonly TimeSpan _functionTimeout;
    private readonly ILogger _logger;

    public HandlerClient(HttpClient http, Func<Uri> baseAddress, TimeSpan functionTimeout, ILogger logger)
    {
        _http = http;
        _baseAddress = baseAddress;
        _functionTimeout = functionTimeout;
        _logger = logger;
    }

    public Uri BaseAddress => _baseAddress();

    /// <summary>A client for the loopback hop: no proxy, no redirects, no cookies, no decompression, so requests and responses pass unchanged.</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Adds <c>X-Azure-Functions-InvocationId</c>, <c>X-Azure-Functions-HostVersion</c> and <c>User-Agent: Azure-Functions-Host/&lt;version&gt;</c>.</summary>
    public static void AddInvocationHeaders(HttpRequestHeaders headers, Guid invocationId)
    {
        headers.Remove("X-Azure-Functions-InvocationId");
        headers.Remove("X-Azure-Functions-HostVersion");
        headers.TryAddWithoutValidation("X-Azure-Functions-InvocationId", invocationId.ToString());
        headers.TryAddWithoutValidation("X-Azure-Functions-HostVersion", HostVersion);
        headers.UserAgent.Clear();
        headers.UserAgent.Add(new ProductInfoHeaderValue("Azure-Functions-Host", HostVersion));
    }

    /// <param name="reason">Why the function runs, for the log ("New blob detected", "Timer fired", ...).</param>
    public async Task<InvocationResult> InvokeAsync(string functionName, JsonObject payload, string reason, CancellationToken cancellationToken)
    {
        var invocationId = Guid.NewGuid();
        var started = Stopwatch.GetTimestamp();
        Log.Executing(_logger, functionName, reason, invocationId);
        var result = await SendAsync(functionName, payload, invocationId, cancellationToken).ConfigureAwait(false);
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.Succeeded)
        {
            Log.Succeeded(_logger, functionName, invocationId, milliseconds);
        }
        else
        {
            Log.Failed(_logger, functionName, invocationId, milliseconds, result.Failure);
        }

        return result;
    }

    private async Task<InvocationResult> SendAsync(string functionName, JsonObject payload, Guid invocationId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseAddress(), Uri.EscapeDataString(functionName)))
        {
            Content = new StringContent(InvocationPayload.Serialize(payload), Encoding.UTF8, "application/json"),
        };
        AddInvocationHeaders(request.Headers, invocationId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_functionTimeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var returnValue = ReadResponse(functionName, invocationId, body);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new InvocationResult(invocationId, true, status, null, returnValue)
                : new InvocationResult(invocationId, false, status, $"handler answered {status}: {Excerpt(body)}", returnValue);
        }
        catch (HttpRequestException exception)
        {
            return new InvocationResult(invocationId, false, null, $"handler unreachable: {exception.Message}", null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new InvocationResult(invocationId, false, null, $"timed out after functionTimeout {_functionTimeout}", null);
        }
    }

    /// <summary>Logs the response's <c>Logs</c> lines as invocation logs and returns <c>ReturnValue</c>; a body that is not the expected JSON is tolerated.</summary>
    private JsonNode? ReadResponse(string functionName, Guid invocationId, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(body) is not JsonObject response)
            {
                return null;
            }

            if (response["Logs"] is JsonArray logs)
            {
                foreach (var line in logs)
                {
                    var text = line?.ToString() ?? "";
                    Log.InvocationLog(_logger, functionName, invocationId, text);
                }
            }

            return response["ReturnValue"]?.DeepClone();
        }
        catch (JsonException)
        {
            Log.NotJson(_logger, functionName, invocationId);
            return null;
        }
    }

    private static string Excerpt(string body) => body.Length <= 500 ? body : body[..500] + "…";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Executing 'Functions.{Function}' (Reason='{Reason}', Id={InvocationId})")]
        public static partial void Executing(ILogger logger, string function, string reason, Guid invocationId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Executed 'Functions.{Function}' (Succeeded, Id={InvocationId}, Duration={Milliseconds:0}ms)")]
        public static partial void Succeeded(ILogger logger, string function, Guid invocationId, double milliseconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Executed 'Functions.{Function}' (Failed, Id={InvocationId}, Duration={Milliseconds:0}ms): {Failure}")]
        public static partial void Failed(ILogger logger, string function, Guid invocationId, double milliseconds, string? failure);

        [LoggerMessage(Level = LogLevel.Information, Message = "Functions.{Function} ({InvocationId}): {Line}")]
        public static partial void InvocationLog(ILogger logger, string function, Guid invocationId, string line);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Functions.{Function} ({InvocationId}) answered a body that is not JSON")]
        public static partial void NotJson(ILogger logger, string function, Guid invocationId);
    }
}
