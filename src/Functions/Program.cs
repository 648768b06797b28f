using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ParServerless.Functions.Http;
using ParServerless.Pipeline;

// The isolated worker: the Functions host (or the local stand-in, src/DevHost) starts this process and talks gRPC to it.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpProblemsMiddleware>();
builder.Services.AddParServerless(builder.Configuration);
builder.Build().Run();
