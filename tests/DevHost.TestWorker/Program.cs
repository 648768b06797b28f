using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ParServerless.DevHost.TestWorker;

// A real isolated-worker app for DevHost's contract tests: what each function saw is written to storage (Recorder).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSingleton(_ => new BlobServiceClient(Environment.GetEnvironmentVariable("AzureWebJobsStorage")));
builder.Services.AddSingleton<Recorder>();
builder.Build().Run();
