using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Configuration;
using ParServerless.DevHost.Worker;

namespace ParServerless.DevHost.Http;

/// <summary>
/// The host's HTTP front door with ASP.NET Core integration: a request is matched against the functions' routes and methods here;
/// a match is forwarded unchanged (method, raw path and query, headers, body, streamed) to the worker's <c>HttpUri</c> with
/// <c>x-ms-invocation-id</c>, while an <c>InvocationRequest</c> with the same id is sent over gRPC. The worker pairs the two and
/// writes its response to the forwarded request, which is relayed to the client unchanged.
/// </summary>
/// <remarks>
/// No match: 404. A path that matches with another method: 405 with <c>Allow</c>. Neither reaches the worker.
/// A failed invocation whose response fits in 64 KiB answers 500, as the host does when a function throws.
/// </remarks>
internal sealed partial class HttpForwarder
{
    /// <summary>The header the worker pairs a forwarded request with its invocation by.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    // Hop-by-hop headers belong to one connection, never forwarded by a proxy.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    /// <summary>The worker's Kestrel starts after its init reply: early forwards are retried this long on connection refusal.</summary>
    private static readonly TimeSpan ConnectRetryLimit = TimeSpan.FromSeconds(15);

    /// <summary>Responses up to this size wait for the invocation's outcome before they are relayed.</summary>
    private const int HoldLimit = 64 * 1024;

    private readonly IReadOnlyList<HttpRoute> _routes;
    private readonly HttpClient _http;
    private readonly Func<WorkerSession?> _session;
    private readonly FunctionInvoker _invoker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public HttpForwarder(FunctionApp app, IEnumerable<FunctionDefinition> httpFunctions, HttpClient http, Func<WorkerSession?> session, FunctionInvoker invoker,
        TimeProvider time, ILogger logger)
    {
        _routes = [.. httpFunctions.Select(f => HttpRoute.Create(f, app.Host.HttpRoutePrefix)).OrderBy(r => r.Precedence)];
        _http = http;
        _session = session;
        _invoker = invoker;
        _time = time;
        _logger = logger;
    }

    public IReadOnlyList<HttpRoute> Routes => _routes;

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

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var matches = _routes.Select(r => (Route: r, Values: r.Match(context.Request.Path))).Where(m => m.Values is not null).ToList();
        if (matches.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var (route, values) = matches.FirstOrDefault(m => m.Route.Allows(method));
        if (route is null)
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = string.Join(", ", matches.SelectMany(m => m.Route.Methods).Distinct());
            return;
        }

        if (_session()?.HttpUri is not { } workerUri)
        {
            Log.NoWorkerHttp(_logger, route.Function.Name);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var invocationId = Guid.NewGuid().ToString();
        var routeValues = values!.Where(v => v.Value is not null)
            .Select(v => KeyValuePair.Create(v.Key, Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!));
        var request = Invocations.ForHttp(route.Function.Trigger.Name, route.Function.Name, routeValues,
            context.Request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())),
            context.Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())), _time.GetUtcNow());
        request.InvocationId = invocationId;
        var invocation = _invoker.InvokeAsync(route.Function, request, $"This function was programmatically called via the host APIs ({method} {context.Request.Path})",
            context.RequestAborted);

        HttpResponseMessage response;
        try
        {
            response = await ForwardAsync(context, workerUri, invocationId).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            Log.WorkerUnreachable(_logger, route.Function.Name, exception.Message);
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            await invocation.ConfigureAwait(false);
            return;
        }

        using (response)
        {
            // A response that ends within the first buffer is held until the invocation's outcome is known: a function that threw
            // answers 500, as behind the host, whatever the worker wrote. A longer response is streamed as it comes.
            var body = await response.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(HoldLimit);
            try
            {
                var held = 0;
                int read;
                while (held < HoldLimit && (read = await body.ReadAsync(buffer.AsMemory(held, HoldLimit - held), context.RequestAborted).ConfigureAwait(false)) > 0)
                {
                    held += read;
                }

                var complete = held < HoldLimit;
                if (complete && !(await invocation.ConfigureAwait(false)).Succeeded)
                {
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    Log.Forwarded(_logger, method, context.Request.Path.Value, route.Function.Name, 500, invocationId, false);
                    return;
                }

                context.Response.StatusCode = (int)response.StatusCode;
                CopyHeaders(response.Headers, context.Response.Headers);
                CopyHeaders(response.Content.Headers, context.Response.Headers);
                if (!HttpMethods.IsHead(method))
                {
                    await context.Response.Body.WriteAsync(buffer.AsMemory(0, held), context.RequestAborted).ConfigureAwait(false);
                    if (!complete)
                    {
                        await body.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var result = await invocation.ConfigureAwait(false);
        Log.Forwarded(_logger, method, context.Request.Path.Value, route.Function.Name, (int)response.StatusCode, invocationId, result.Succeeded);
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpContext context, Uri workerUri, string invocationId)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            using var request = CreateRequest(context, workerUri, invocationId);
            try
            {
                return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
            }
            catch (HttpRequestException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                && _time.GetElapsedTime(started) < ConnectRetryLimit)
            {
                // Nothing was sent (not even the body): safe to try again once the worker listens.
                await Task.Delay(TimeSpan.FromMilliseconds(200), _time, context.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    private static HttpRequestMessage CreateRequest(HttpContext context, Uri workerUri, string invocationId)
    {
        // RawTarget is the path and query exactly as the client sent them, escapes included.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(workerUri, target.TrimStart('/')));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(new UnownedStream(context.Request.Body));
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name) || string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, InvocationIdHeader, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.Host = context.Request.Host.Value;
        request.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        return request;
    }

    private static void CopyHeaders(System.Net.Http.Headers.HttpHeaders from, IHeaderDictionary to)
    {
        foreach (var (name, values) in from)
        {
            if (!HopByHop.Contains(name))
            {
                to[name] = values.ToArray();
            }
        }
    }

    /// <summary>The client's request body, lent to one forward attempt: disposing the attempt must not dispose the body.</summary>
    private sealed class UnownedStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} → Functions.{Function}: {Status} (Id={InvocationId}, invocation succeeded: {Succeeded})")]
        public static partial void Forwarded(ILogger logger, string method, string? path, string function, int status, string invocationId, bool succeeded);

        [LoggerMessage(Level = LogLevel.Error, Message = "Functions.{Function}: the worker announced no HttpUri (is ConfigureFunctionsWebApplication called?); answered 503")]
        public static partial void NoWorkerHttp(ILogger logger, string function);

        [LoggerMessage(Level = LogLevel.Error, Message = "Functions.{Function}: worker HTTP unreachable, answered 502: {Reason}")]
        public static partial void WorkerUnreachable(ILogger logger, string function, string reason);
    }
}
