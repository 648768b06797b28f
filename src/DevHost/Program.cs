using System.Runtime.InteropServices;
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
    .SetMinimumLevel(options.LogLevel)
    // The worker's start, readiness and exit stay visible whatever the level: tools (and people) wait for them.
    .AddFilter("ParServerless.DevHost.Worker", LogLevel.Information)
    .AddFilter("Microsoft", LogLevel.Warning));
using var stop = new CancellationTokenSource();
// Ctrl-C and SIGTERM (run.sh, test runners) both stop gracefully: invocations in flight finish, the handler is stopped.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using (var host = await DevHostApp.StartAsync(options, loggerFactory, stop.Token))
{
    await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
}

return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
