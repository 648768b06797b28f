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

    /// <summary>Where a request goes once the worker is ready: <c>/admin/...</c>, the Event Grid webhook, the homepage, else the forwarder.</summary>
    public static RequestDelegate Dispatch(HttpForwarder forwarder, AdminEndpoints admin, EventGridEndpoint eventGrid, bool homepage) =>
        context =>
        {
            if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
            {
                return admin.HandleAsync(context);
            }

            if (context.Request.Path.Equals(EventGridEndpoint.Path, StringComparison.OrdinalIgnoreCase))
            {
                if (!admin.Authorized(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                return eventGrid.HandleAsync(context);
            }

            if (homepage && context.Request.Path == "/" && HttpMethods.IsGet(context.Request.Method))
            {
                // The host's root answers too; scripts use it to wait for the stand-in.
                return context.Response.WriteAsync("ParServerless DevHost is running", context.RequestAborted);
            }

            return forwarder.HandleAsync(context);
        };
}
