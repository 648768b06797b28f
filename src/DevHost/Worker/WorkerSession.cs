using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Configuration;
using ParServerless.DevHost.Rpc;

namespace ParServerless.DevHost.Worker;

/// <summary>
/// One running worker after the host's handshake: process started, stream opened (<c>StartStream</c>), <c>WorkerInitRequest</c>
/// answered, functions indexed by the worker (<c>FunctionsMetadataRequest</c>) and each loaded (<c>FunctionLoadRequest</c>).
/// </summary>
internal sealed partial class WorkerSession : IAsyncDisposable
{
    /// <summary>The Functions host version the stand-in announces.</summary>
    public const string HostVersion = "4.1041.200";

    /// <summary>How long the worker gets to open its stream and answer each handshake step.</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(60);

    private readonly ILogger _logger;
    private int _stopped;

    private WorkerSession(WorkerProcess process, WorkerChannel channel, IReadOnlyList<FunctionDefinition> functions, Uri? httpUri, ILogger logger)
    {
        Process = process;
        Channel = channel;
        Functions = functions;
        HttpUri = httpUri;
        _logger = logger;
    }

    public WorkerProcess Process { get; }

    public WorkerChannel Channel { get; }

    /// <summary>The functions as the worker indexed them, in its order.</summary>
    public IReadOnlyList<FunctionDefinition> Functions { get; }

    /// <summary>The worker's own HTTP listener (capability <c>HttpUri</c>, ASP.NET Core integration); null without it.</summary>
    public Uri? HttpUri { get; }

    public static async Task<WorkerSession> StartAsync(WorkerLaunch launch, RpcServer rpc, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("ParServerless.DevHost.Worker");
        var workerId = Guid.NewGuid().ToString();
        var process = WorkerProcess.Start(launch.StartInfo(rpc.Address, workerId, Guid.NewGuid().ToString()), logger);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(HandshakeTimeout);
            var connecting = rpc.WaitForWorkerAsync(workerId, timeout.Token);
            if (await Task.WhenAny(connecting, process.Exited).ConfigureAwait(false) != connecting)
            {
                throw new InvalidOperationException($"the worker exited with code {await process.Exited.ConfigureAwait(false)} before it connected; see its output above");
            }

            var channel = await connecting.ConfigureAwait(false);
            var (functions, httpUri) = await HandshakeAsync(channel, launch.AppDirectory, process, timeout.Token).ConfigureAwait(false);
            Log.Ready(logger, process.ProcessId, workerId, functions.Count, httpUri);
            return new WorkerSession(process, channel, functions, httpUri, logger);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException($"the worker did not complete the handshake within {HandshakeTimeout.TotalSeconds} s");
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<(IReadOnlyList<FunctionDefinition> Functions, Uri? HttpUri)> HandshakeAsync(WorkerChannel channel, string appDirectory,
        WorkerProcess process, CancellationToken cancellationToken)
    {
        async Task<StreamingMessage> Step(Task<StreamingMessage> request, string what)
        {
            if (await Task.WhenAny(request, process.Exited).ConfigureAwait(false) != request)
            {
                throw new InvalidOperationException($"the worker exited with code {await process.Exited.ConfigureAwait(false)} during {what}");
            }

            return await request.ConfigureAwait(false);
        }

        var init = (await Step(channel.InitAsync(new WorkerInitRequest
        {
            HostVersion = HostVersion,
            WorkerDirectory = appDirectory,
            FunctionAppDirectory = appDirectory,
            Capabilities = { ["HandlesWorkerTerminateMessage"] = "true" },
        }, cancellationToken), "init").ConfigureAwait(false)).WorkerInitResponse;
        Require(init.Result, "WorkerInitRequest");
        var httpUri = init.Capabilities.TryGetValue("HttpUri", out var uri) && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed : null;

        var metadata = (await Step(channel.MetadataAsync(new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory }, cancellationToken), "indexing")
            .ConfigureAwait(false)).FunctionMetadataResponse;
        Require(metadata.Result, "FunctionsMetadataRequest");
        if (metadata.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("the worker asks for host indexing (function.json files); DevHost supports worker indexing only");
        }

        var functions = new List<FunctionDefinition>();
        foreach (var function in metadata.FunctionMetadataResults)
        {
            Require(function.Status, $"indexing {function.Name}");
            functions.Add(FunctionDefinition.FromMetadata(function));
        }

        // Loads go out together and are answered in any order, as the host sends them.
        var loads = functions.Select(f => Step(channel.LoadAsync(new FunctionLoadRequest { FunctionId = f.WorkerFunctionId, Metadata = f.Metadata }, cancellationToken),
            "load " + f.Name)).ToList();
        foreach (var (load, function) in loads.Zip(functions))
        {
            Require((await load.ConfigureAwait(false)).FunctionLoadResponse.Result, $"FunctionLoadRequest {function.Name}");
        }

        return (functions, httpUri);
    }

    private static void Require(StatusResult? result, string step)
    {
        // An absent status (older workers leave it out on some replies) counts as success, as in the host.
        if (result is not null && result.Status != StatusResult.Types.Status.Success && (result.Exception is not null || result.Status == StatusResult.Types.Status.Failure))
        {
            throw new InvalidOperationException($"the worker failed {step}: {result.Exception?.Message ?? result.Result}");
        }
    }

    /// <summary>Sends <c>WorkerTerminate</c>, waits up to <paramref name="grace"/> (plus a little) for the worker to exit, then kills it.</summary>
    /// <returns>The worker's exit code, or null when it had to be killed.</returns>
    public async Task<int?> StopAsync(TimeSpan grace)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return Process.Exited.IsCompleted ? await Process.Exited.ConfigureAwait(false) : null;
        }

        if (!Process.Exited.IsCompleted && !Channel.Closed.IsCompleted)
        {
            try
            {
                using var sending = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Channel.TerminateAsync(grace, sending.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException or Grpc.Core.RpcException)
            {
                Log.TerminateFailed(_logger, exception.Message);
            }
        }

        var exitCode = await Process.WaitOrKillAsync(grace + TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        Channel.Close(new IOException("the worker was stopped"));
        Log.Stopped(_logger, Process.ProcessId, exitCode);
        return exitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await Process.DisposeAsync().ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Worker process {ProcessId} ready (worker id {WorkerId}): {Count} functions loaded, HTTP at {HttpUri}")]
        public static partial void Ready(ILogger logger, int processId, string workerId, int count, Uri? httpUri);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send WorkerTerminate: {Reason}")]
        public static partial void TerminateFailed(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Worker process {ProcessId} stopped (exit code {ExitCode})")]
        public static partial void Stopped(ILogger logger, int processId, int? exitCode);
    }
}
