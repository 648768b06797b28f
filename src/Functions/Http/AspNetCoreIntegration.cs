using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ParServerless.Functions.Http;

/// <summary>
/// The worker's ASP.NET Core integration without the part we never use: all of MVC, which the integration package registers
/// (240 more service registrations, 30 more assemblies loaded, a data-protection key ring read on every start) to run an
/// <c>IActionResult</c> or bind <c>[FromBody]</c>; our functions return <c>IResult</c> and read their own bodies.
/// Cold start (issue #14).
/// </summary>
/// <remarks>
/// The package skips its own registration when its middleware is registered already, so registering its four pieces first
/// keeps MVC out. They are internal to the package and found by name: when a version lacks one, nothing is registered and the
/// package registers MVC as before; <c>tests/Worker.Tests</c> then fails. docs/HOSTING.md says more.
/// </remarks>
public static partial class AspNetCoreIntegration
{
    private const string Namespace = "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.";

    /// <summary>
    /// Registers the integration's own services without MVC; call it before <c>ConfigureFunctionsWebApplication()</c>.
    /// False, with nothing registered, when the integration package does not have what this needs.
    /// </summary>
    public static bool RegisterWithoutMvc(IFunctionsWorkerApplicationBuilder builder) =>
        RegisterWithoutMvc(builder, typeof(FunctionsApplicationBuilderAspNetCoreExtensions).Assembly);

    /// <summary>As above, with the integration's types looked up in <paramref name="integration"/> (tests pass another).</summary>
    internal static bool RegisterWithoutMvc(IFunctionsWorkerApplicationBuilder builder, Assembly integration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(integration);
        // Everything is looked up before anything is registered: half a registration would leave the package to skip its own.
        if (integration.GetType(Namespace + "FunctionsHttpProxyingMiddleware") is not { } middleware
            || !typeof(IFunctionsWorkerMiddleware).IsAssignableFrom(middleware)
            || integration.GetType(Namespace + "IHttpCoordinator") is not { } coordinatorService
            || integration.GetType(Namespace + "DefaultHttpCoordinator") is not { } coordinator
            || !coordinatorService.IsAssignableFrom(coordinator)
            || integration.GetType(Namespace + "HttpContextConverter") is not { } converter
            || !typeof(IInputConverter).IsAssignableFrom(converter)
            || integration.GetType(Namespace + "HttpUriProvider")?.GetProperty("HttpUriString", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                ?.GetValue(null) is not string httpUri)
            return false;
        var registerConverterFirst = typeof(InputConverterCollection).GetMethod(nameof(InputConverterCollection.RegisterAt))!.MakeGenericMethod(converter);

        // What MiddlewareWorkerApplicationBuilderExtensions.UseMiddleware<T>() does, for a type known only at run time.
        builder.Services.AddSingleton(middleware);
        builder.Use(next => context => ((IFunctionsWorkerMiddleware)context.InstanceServices.GetRequiredService(middleware)).Invoke(context, next));
        builder.Services.AddSingleton(coordinatorService, coordinator);
        builder.Services.Configure<WorkerOptions>(options =>
        {
            registerConverterFirst.Invoke(options.InputConverters, [0]);
            options.Capabilities["HttpUri"] = httpUri;
        });
        return true;
    }

    /// <summary>Said once at start when <see cref="RegisterWithoutMvc(IFunctionsWorkerApplicationBuilder)"/> returned false.</summary>
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "The ASP.NET Core integration package has changed and registered MVC, which slows every cold start; see AspNetCoreIntegration")]
    public static partial void LogRegisteredWithMvc(ILogger logger);
}
