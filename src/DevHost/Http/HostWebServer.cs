using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.Http;

/// <summary>
/// The stand-in's HTTP listener on loopback: <c>/admin/...</c> to the admin API, <c>/runtime/webhooks/blobs</c> to the Event Grid
/// endpoint, everything else to the forwarder.
/// </summary>
internal static class HostWebServer
{
    /// <summary>The host's request size limit.</summary>
    private const long MaxRequestBodySize = 100L * 1024 * 1024;

    /// <summary>Starts listening; every request goes to <paramref name="handler"/> (the <see cref="FrontDoorGate"/>, which holds it until the worker is ready).</summary>
    /// <returns>The running app and the port it listens on (the chosen one when <paramref name="port"/> is 0).</returns>
    public static async Task<(WebApplication App, int Port)> StartAsync(int port, ILoggerFactory loggerFactory, RequestDelegate handler, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            // No appsettings.json from wherever the stand-in was started.
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodySize;
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);

        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address).Port);
    }

    /// <summary>
    /// Where a request goes once the worker is ready: <c>/admin/...</c> and the Event Grid webhook (once the triggers they need are
    /// set up, a moment later), the homepage, else the forwarder.
    /// </summary>
    public static RequestDelegate Dispatch(HttpForwarder forwarder, Task<HostEndpoints> endpoints, bool homepage) =>
        context =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) || path.Equals(EventGridEndpoint.Path, StringComparison.OrdinalIgnoreCase))
            {
                return endpoints.IsCompletedSuccessfully ? HandleHostAsync(context, endpoints.Result) : WhenSetUpAsync(context, endpoints);
            }

            if (homepage && path == "/" && HttpMethods.IsGet(context.Request.Method))
            {
                // The host's root answers too; scripts use it to wait for the stand-in.
                return context.Response.WriteAsync("ParServerless DevHost is running", context.RequestAborted);
            }

            return forwarder.HandleAsync(context);
        };

    private static async Task WhenSetUpAsync(HttpContext context, Task<HostEndpoints> endpoints)
    {
        HostEndpoints ready;
        try
        {
            ready = await endpoints.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception) when (endpoints.IsFaulted)
        {
            await HostProblems.WriteAsync(context, HostProblems.WorkerFailed()).ConfigureAwait(false);
            return;
        }

        await HandleHostAsync(context, ready).ConfigureAwait(false);
    }

    private static Task HandleHostAsync(HttpContext context, HostEndpoints endpoints)
    {
        if (!context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            if (!endpoints.Admin.Authorized(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }

            return endpoints.EventGrid.HandleAsync(context);
        }

        return endpoints.Admin.HandleAsync(context);
    }
}

/// <summary>The host's own endpoints, which need the triggers set up: the admin API and the Event Grid webhook.</summary>
internal sealed record HostEndpoints(AdminEndpoints Admin, EventGridEndpoint EventGrid);
