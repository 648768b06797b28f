using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.Tests.Support;

/// <summary>A request the fake handler received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the fake handler answers.</summary>
public sealed record FakeResponse(int Status, string Body, string ContentType = "application/json")
{
    public static readonly FakeResponse Ok = new(200, """{"Outputs":{},"Logs":["fake handler: done"],"ReturnValue":null}""");
}

/// <summary>
/// A stand-in custom handler run in-process on a free loopback port: answers <c>GET /</c>, records every other request and answers
/// with <see cref="Respond"/> (200 with an empty Outputs by default).
/// </summary>
public sealed class FakeHandler : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeHandler(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Decides the answer to each recorded request; may block to simulate slow work.</summary>
    public Func<RecordedRequest, Task<FakeResponse>> Respond { get; set; } = _ => Task.FromResult(FakeResponse.Ok);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> To(string path) => [.. _requests.Where(r => r.Path == path)];

    public RecordedRequest? FirstTo(string path) => _requests.FirstOrDefault(r => r.Path == path);

    public static async Task<FakeHandler> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeHandler? handler = null;
        app.Run(async context =>
        {
            if (context.Request.Path == "/" && HttpMethods.IsGet(context.Request.Method))
            {
                return; // readiness
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var request = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            handler!._requests.Enqueue(request);
            var response = await handler.Respond(request);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        handler = new FakeHandler(app, new Uri(address.TrimEnd('/') + "/"));
        return handler;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
