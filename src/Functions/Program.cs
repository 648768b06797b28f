using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParServerless.Functions.Http;
using ParServerless.Pipeline;
using ParServerless.Pipeline.Api;

// The isolated worker: the Functions host (or the local stand-in, src/DevHost) starts this process and talks gRPC to it.
var builder = FunctionsApplication.CreateBuilder(args);
// Before ConfigureFunctionsWebApplication, which then leaves out MVC (cold start; AspNetCoreIntegration says why).
var withoutMvc = AspNetCoreIntegration.RegisterWithoutMvc(builder);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpProblemsMiddleware>();
builder.Services.AddParServerless(builder.Configuration);
// ASP.NET Core's two lines per request would each travel to the host over gRPC; the host logs every invocation already.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var app = builder.Build();
if (!withoutMvc)
    AspNetCoreIntegration.LogRegisteredWithMvc(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AspNetCoreIntegration)));
// The first public request's work, done while the host and the worker shake hands (cold start; StartupWarmUp says why).
StartupWarmUp.Start(app.Services);
app.Run();
