using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ParServerless.DevHost.Worker;

/// <summary>The worker running as a child process; its stdout and stderr lines go to the log.</summary>
internal sealed partial class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, ILogger logger)
    {
        _process = process;
        _logger = logger;
    }

    public int ProcessId => _process.Id;

    /// <summary>Completes with the exit code when the process ends, however it ends.</summary>
    public Task<int> Exited => _exited.Task;

    public static WorkerProcess Start(ProcessStartInfo info, ILogger logger)
    {
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, logger);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Log.Output(logger, e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Log.Error(logger, e.Data); } };
        process.Exited += (_, _) => worker._exited.TrySetResult(process.ExitCode);
        Log.Starting(logger, info.FileName, info.ArgumentList, info.WorkingDirectory);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start the worker '{info.FileName}'");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits up to <paramref name="grace"/> for the process to exit by itself, then kills it (and its children).</summary>
    /// <returns>The exit code, or null when it had to be killed.</returns>
    public async Task<int?> WaitOrKillAsync(TimeSpan grace)
    {
        var finished = await Task.WhenAny(_exited.Task, Task.Delay(grace)).ConfigureAwait(false);
        if (finished == _exited.Task)
        {
            return await _exited.Task.ConfigureAwait(false);
        }

        Log.Killing(_logger, _process.Id, grace.TotalSeconds);
        try
        {
            _process.Kill(entireProcessTree: true);
            await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            Log.StopFailed(_logger, exception);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_exited.Task.IsCompleted)
        {
            await WaitOrKillAsync(TimeSpan.Zero).ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Starting worker: {FileName} {Arguments} (in {WorkingDirectory})")]
        public static partial void Starting(ILogger logger, string fileName, IEnumerable<string> arguments, string? workingDirectory);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
        public static partial void Output(ILogger logger, string line);

        [LoggerMessage(Level = LogLevel.Error, Message = "{Line}")]
        public static partial void Error(ILogger logger, string line);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Worker process {ProcessId} still runs {Seconds} s after terminate; killing it")]
        public static partial void Killing(ILogger logger, int processId, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not stop the worker process")]
        public static partial void StopFailed(ILogger logger, Exception exception);
    }
}
