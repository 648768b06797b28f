namespace ParServerless.Bench.Pipeline;

/// <summary>
/// The cold-start baseline: a bare ASP.NET Core app (the ordinary <c>WebApplication.CreateBuilder</c>, one endpoint),
/// started as the worker is, <c>dotnet &lt;dll&gt;</c>, and timed until its first HTTP 200.
/// </summary>
internal static class BareServer
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/api/health", () => Results.Text("ok"));
        await app.RunAsync();
        return 0;
    }
}
