using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ParServerless.Pipeline;

// The isolated worker: the Functions host (or the local stand-in, src/DevHost) starts this process and talks gRPC to it.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddParServerless(builder.Configuration);
builder.Build().Run();
