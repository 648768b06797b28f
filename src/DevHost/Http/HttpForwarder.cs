using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Configuration;
using ParServerless.DevHost.Handler;

namespace ParServerless.DevHost.Http;

/// <summary>
/// Forwards HTTP requests to the handler unchanged (method, original path and query, headers, body) and streams the response back
/// unchanged, as the host does with <c>enableForwardingHttpRequest</c> for a function whose only bindings are httpTrigger in and http out.
/// </summary>
/// <remarks>
/// A request is matched against each HTTP function's route (<c>{routePrefix}/{route}</c>, the function name when no route) and methods.
/// Functions that are not forwardable would get a JSON payload from the host; the stand-in answers 501 for them instead.
/// </remarks>
internal sealed partial class HttpForwarder
{
    // Hop-by-hop headers belong to one connection, never forwarded by a proxy.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    private readonly IReadOnlyList<HttpRoute> _routes;
    private readonly HttpClient _http;
    private readonly Func<Uri> _handlerAddress;
    private readonly ILogger _logger;

    public HttpForwarder(FunctionApp app, IEnumerable<FunctionDefinition> httpFunctions, HttpClient http, Func<Uri> handlerAddress, ILogger logger)
    {
        _routes = [.. httpFunctions.Select(f => HttpRoute.Create(f, app.Host.HttpRoutePrefix, app.Host.EnableForwardingHttpRequest))
            .OrderBy(r => r.Precedence)];
        _http = http;
        _handlerAddress = handlerAddress;
        _logger = logger;
    }

    public IReadOnlyList<HttpRoute> Routes => _routes;

    public async Task HandleAsync(HttpContext context)
    {
        var route = _routes.FirstOrDefault(r => r.Matches(context.Request.Path, context.Request.Method));
        if (route is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!route.Forwardable)
        {
            Log.NotForwardable(_logger, route.Function.Name);
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            await context.Response.WriteAsync($"DevHost forwards only functions with one httpTrigger in and one http out, and enableForwardingHttpRequest; {route.Function.Name} is not one.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var invocationId = Guid.NewGuid();
        using var request = CreateRequest(context, invocationId);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            Log.HandlerUnreachable(_logger, route.Function.Name, exception.Message);
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            CopyHeaders(response.Headers, context.Response.Headers);
            CopyHeaders(response.Content.Headers, context.Response.Headers);
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }

        Log.Forwarded(_logger, context.Request.Method, context.Request.Path.Value, route.Function.Name, (int)response.StatusCode, invocationId);
    }

    private HttpRequestMessage CreateRequest(HttpContext context, Guid invocationId)
    {
        // RawTarget is the path and query exactly as the client sent them, escapes included.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_handlerAddress(), target.TrimStart('/')));
        if (HasBody(context.Request))
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name) || string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.Host = context.Request.Host.Value;
        // The invocation headers are added; everything the client sent, User-Agent included, passes unchanged.
        request.Headers.TryAddWithoutValidation("X-Azure-Functions-InvocationId", invocationId.ToString());
        request.Headers.TryAddWithoutValidation("X-Azure-Functions-HostVersion", HandlerClient.HostVersion);

        return request;
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;

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

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} → Functions.{Function}: {Status} (Id={InvocationId})")]
        public static partial void Forwarded(ILogger logger, string method, string? path, string function, int status, Guid invocationId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Functions.{Function} is not forwardable (it needs exactly httpTrigger in + http out, and enableForwardingHttpRequest); answered 501")]
        public static partial void NotForwardable(ILogger logger, string function);

        [LoggerMessage(Level = LogLevel.Error, Message = "Functions.{Function}: handler unreachable, answered 502: {Reason}")]
        public static partial void HandlerUnreachable(ILogger logger, string function, string reason);
    }
}

/// <summary>An HTTP function's route: <c>{routePrefix}/{route}</c> and its allowed methods.</summary>
internal sealed class HttpRoute
{
    private readonly TemplateMatcher _matcher;
    private readonly IReadOnlyList<string> _methods;

    private HttpRoute(FunctionDefinition function, string template, TemplateMatcher matcher, IReadOnlyList<string> methods, bool forwardable, int precedence)
    {
        Function = function;
        Template = template;
        _matcher = matcher;
        _methods = methods;
        Forwardable = forwardable;
        Precedence = precedence;
    }

    public FunctionDefinition Function { get; }

    public string Template { get; }

    public bool Forwardable { get; }

    /// <summary>Literal routes before parameterised ones, catch-alls last.</summary>
    public int Precedence { get; }

    public static HttpRoute Create(FunctionDefinition function, string routePrefix, bool forwardingEnabled)
    {
        var route = (function.Trigger.Route ?? function.Name).Trim('/');
        var template = string.IsNullOrEmpty(routePrefix) ? route : $"{routePrefix}/{route}";
        var parsed = TemplateParser.Parse(template);
        var precedence = parsed.Parameters.Any(p => p.IsCatchAll) ? 2 : parsed.Parameters.Count > 0 ? 1 : 0;
        return new HttpRoute(function, template, new TemplateMatcher(parsed, new RouteValueDictionary()), function.Trigger.Methods,
            forwardingEnabled && function.IsForwardableHttp, precedence);
    }

    public bool Matches(PathString path, string method) =>
        (_methods.Count == 0 || _methods.Contains(method.ToUpperInvariant()))
        && _matcher.TryMatch(path, new RouteValueDictionary());
}
