using ParServerless.Functions.Hosting;

// The custom handler: the Functions host (or DevHost) starts this process, polls GET / and posts invocations.
var app = FunctionApp.Build(args);
app.MapFunctions();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
