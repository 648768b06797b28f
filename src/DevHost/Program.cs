using Microsoft.Extensions.Logging;
using ParServerless.DevHost;

// Local stand-in for the Azure Functions host; see docs/DEVHOST.md.
var (options, problems) = DevHostCommandLine.Parse(args);
if (options is null)
{
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync(problem);
    }

    Console.WriteLine(DevHostCommandLine.Usage);
    return problems.Count > 0 ? 2 : 0;
}

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss.fff "; console.UseUtcTimestamp = true; })
    .SetMinimumLevel(LogLevel.Information)
    .AddFilter("Microsoft", LogLevel.Warning));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var host = await DevHostApp.StartAsync(options, loggerFactory, stop.Token);
await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
return 0;
