using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.Handler;

/// <summary>The custom handler running as a child process, started the way the Functions host starts it.</summary>
/// <remarks>
/// Environment: the host's own, the app settings, <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> (a free port), <c>FUNCTIONS_CUSTOMHANDLER_WORKER_ID</c>,
/// the legacy <c>FUNCTIONS_HTTPWORKER_PORT</c>/<c>_ID</c>, <c>FUNCTIONS_APP_ROOT_PATH</c>, and <c>TZ=UTC</c> as on Azure.
/// Its stdout and stderr lines go to the stand-in's log.
/// </remarks>
internal sealed partial class HandlerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;

    private HandlerProcess(Process process, int port, ILogger logger)
    {
        _process = process;
        Port = port;
        _logger = logger;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Completes with the exit code when the process ends on its own (not through <see cref="DisposeAsync"/>).</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Starts the process and waits until it answers <c>GET /</c>.</summary>
    public static async Task<HandlerProcess> StartAsync(HandlerLaunch launch, HttpClient http, ILogger logger, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var workerId = Guid.NewGuid().ToString();
        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = launch.WorkingDirectory,
        };

        if (launch.FileName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            info.FileName = "dotnet";
            info.ArgumentList.Add(launch.FileName);
        }
        else
        {
            info.FileName = launch.FileName;
        }

        foreach (var argument in launch.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in launch.Settings)
        {
            info.Environment[name] = value;
        }

        var portText = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = portText;
        info.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = workerId;
        info.Environment["FUNCTIONS_HTTPWORKER_PORT"] = portText;
        info.Environment["FUNCTIONS_HTTPWORKER_ID"] = workerId;
        info.Environment["FUNCTIONS_APP_ROOT_PATH"] = launch.AppRootPath;
        info.Environment["TZ"] = "UTC";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var handler = new HandlerProcess(process, port, logger);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Log.Output(logger, e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Log.Error(logger, e.Data); } };
        process.Exited += (_, _) => handler.OnExited();

        var arguments = string.Join(' ', info.ArgumentList);
        Log.Starting(logger, info.FileName, arguments, launch.WorkingDirectory, port);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start the handler '{info.FileName}'");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Readiness.WaitAsync(http, handler.BaseAddress, launch.ReadinessTimeout,
                () => process.HasExited ? process.ExitCode : null, logger, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await handler.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return handler;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        try
        {
            if (!_process.HasExited)
            {
                // The handler is ours and stateless; it gets no graceful stop on Azure either when an instance is recycled hard.
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            Log.StopFailed(_logger, exception);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnExited()
    {
        if (!_stopping)
        {
            var exitCode = _process.ExitCode;
            Log.ExitedUnexpectedly(_logger, exitCode);
            _exited.TrySetResult(exitCode);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Starting handler {FileName} {Arguments} in {WorkingDirectory} on port {Port}")]
        public static partial void Starting(ILogger logger, string fileName, string arguments, string workingDirectory, int port);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
        public static partial void Output(ILogger logger, string line);

        [LoggerMessage(Level = LogLevel.Error, Message = "{Line}")]
        public static partial void Error(ILogger logger, string line);

        [LoggerMessage(Level = LogLevel.Error, Message = "Handler process exited unexpectedly with code {ExitCode}; invocations fail until it is restarted")]
        public static partial void ExitedUnexpectedly(ILogger logger, int exitCode);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not stop the handler process")]
        public static partial void StopFailed(ILogger logger, Exception exception);
    }
}
