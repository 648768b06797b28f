using System.Collections;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Blobs;
using ParServerless.DevHost.Configuration;
using ParServerless.DevHost.Http;
using ParServerless.DevHost.Queues;
using ParServerless.DevHost.Timers;
using ParServerless.DevHost.Worker;

namespace ParServerless.DevHost;

/// <summary>
/// The running stand-in: the real isolated worker over gRPC, blob polling, timers and the HTTP front door, started from the app's build
/// output as Azure starts it from the deployment package. Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
internal sealed partial class DevHostApp : IAsyncDisposable
{
    private const string DefaultHostId = "parserverless-devhost";

    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _invocations = new();
    private readonly List<Task> _loops = [];
    private readonly HttpClient _http;
    private readonly TimeSpan _shutdownTimeout;
    private readonly ILogger _logger;
    private RpcServer? _rpc;
    private FrontDoorGate? _gate;
    private readonly TaskCompletionSource<HostEndpoints> _endpoints = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile WorkerSession? _worker;
    private WebApplication? _web;
    private int _disposed;

    private DevHostApp(string hostId, HttpClient http, TimeSpan shutdownTimeout, ILogger logger)
    {
        HostId = hostId;
        _http = http;
        _shutdownTimeout = shutdownTimeout;
        _logger = logger;
    }

    /// <summary>host.json and the functions the worker indexed.</summary>
    public FunctionApp App { get; private set; } = null!;

    public string HostId { get; }

    /// <summary>The HTTP listener, e.g. <c>http://127.0.0.1:7071/</c>: <c>/api/...</c>, <c>/admin/...</c>, <c>/runtime/webhooks/blobs</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The current worker (process, gRPC channel, indexed functions); null once stopped.</summary>
    internal WorkerSession? Worker => _worker;

    /// <summary>The gRPC endpoint the worker connects to.</summary>
    internal Uri RpcAddress => _rpc!.Address;

    /// <summary>The worker's exit code after <see cref="DisposeAsync"/>: 0 when it obeyed <c>WorkerTerminate</c>, null when it had to be killed.</summary>
    internal int? WorkerExitCode { get; private set; }

    /// <summary>The blob queue listener, or null when no blob function is enabled.</summary>
    internal BlobQueueProcessor? BlobProcessor { get; private set; }

    /// <summary>The container scanner (also used by the Event Grid webhook to queue), or null when no blob function is enabled.</summary>
    internal BlobTriggerPoller? BlobPoller { get; private set; }

    internal IReadOnlyDictionary<string, TimerScheduler> Timers { get; private set; } = new Dictionary<string, TimerScheduler>();

    /// <summary>One listener per enabled queue-triggered function.</summary>
    internal IReadOnlyList<QueueTriggerListener> QueueListeners { get; private set; } = [];

    public static async Task<DevHostApp> StartAsync(DevHostOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("ParServerless.DevHost");
        var settings = AppSettings.Create(options.InheritEnvironment ? Environment.GetEnvironmentVariables() : (IDictionary?)null, options.SettingsFile, options.Settings);
        var hostId = options.HostId ?? settings.Get("AzureFunctionsWebHost__hostid") ?? DefaultHostId;
        if (!HostIdFormat().IsMatch(hostId))
        {
            throw new ArgumentException($"host id '{hostId}' must be 1-32 lowercase letters, digits and dashes, not starting or ending with a dash", nameof(options));
        }

        var appDirectory = Path.GetFullPath(options.AppDirectory);
        var hostConfig = HostConfig.Load(appDirectory);
        var launch = WorkerLaunch.Read(appDirectory, settings.Explicit);
        var host = new DevHostApp(hostId, HttpForwarder.CreateHttpClient(), options.ShutdownTimeout, logger);
        try
        {
            await host.StartCoreAsync(options, settings, hostConfig, launch, loggerFactory, cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch (Exception exception)
        {
            // Requests held at the front door (or waiting for the admin API) learn that the worker will not come (PAR-A176) before it closes.
            host._gate?.Fail(exception);
            host._endpoints.TrySetException(exception);
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartCoreAsync(DevHostOptions options, AppSettings settings, HostConfig hostConfig, WorkerLaunch launch, ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        // The worker first, as the host does: it indexes the functions, so no trigger can start before it answered. The front door
        // opens meanwhile, as the host's is already open in Azure: a request arriving now is held until the functions are loaded.
        _rpc = await RpcServer.StartAsync(loggerFactory, cancellationToken).ConfigureAwait(false);
        _gate = new FrontDoorGate(options.ReadyTimeout, options.Time, loggerFactory.CreateLogger("ParServerless.DevHost.Http"));
        var starting = WorkerSession.StartAsync(launch, _rpc, loggerFactory, cancellationToken);
        try
        {
            (_web, var port) = await HostWebServer.StartAsync(options.Port, loggerFactory, _gate.HandleAsync, cancellationToken).ConfigureAwait(false);
            BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        }
        catch
        {
            // Whatever way the worker's start ends, DisposeAsync then stops it.
            _worker = await starting.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        Log.FrontDoorOpen(_logger, BaseAddress);
        _worker = await starting.ConfigureAwait(false);
        App = new FunctionApp(hostConfig, _worker.Functions);
        Supervise("worker", () => RestartWorkerWhenItExitsAsync(launch, loggerFactory));

        var names = string.Join(", ", App.Functions.Select(f => $"{f.Name} ({f.Trigger.Type})"));
        Log.Loaded(_logger, App.Functions.Count, names, HostId);
        var enabled = App.Functions.Where(f => !settings.IsDisabled(f.Name)).ToList();
        foreach (var function in App.Functions.Except(enabled))
        {
            Log.Disabled(_logger, function.Name);
        }

        foreach (var function in enabled.Where(f => f.TriggerKind == TriggerKind.Unsupported))
        {
            Log.UnsupportedTrigger(_logger, function.Name, function.Trigger.Type);
        }

        var invoker = new FunctionInvoker(() => _worker, App.Host.FunctionTimeout, loggerFactory.CreateLogger("ParServerless.DevHost.Invocations"));
        // HTTP first: the front door lets requests through once the worker's Kestrel listens, while the triggers are set up
        // (the admin API and the Event Grid webhook, which need them, wait for them).
        var httpFunctions = enabled.Where(f => f.TriggerKind == TriggerKind.Http).ToList();
        if (httpFunctions.Count > 0 && _worker.HttpUri is { } workerHttp)
        {
            await WaitUntilListeningAsync(workerHttp, cancellationToken).ConfigureAwait(false);
        }

        var forwarder = new HttpForwarder(App, httpFunctions, _http, () => _worker, invoker, options.Time, loggerFactory.CreateLogger("ParServerless.DevHost.Http"));
        // As the host: with AzureWebJobsDisableHomepage=true the root belongs to the app's functions, not to a landing page.
        var homepage = !string.Equals(settings.Get("AzureWebJobsDisableHomepage"), "true", StringComparison.OrdinalIgnoreCase);
        _gate.Open(HostWebServer.Dispatch(forwarder, _endpoints.Task, homepage));

        var accounts = new StorageAccounts();
        var hostStorageConnection = settings.Get(AppSettings.HostStorage);

        var blobFunctions = enabled.Where(f => f.TriggerKind == TriggerKind.Blob).Select(f => BlobFunction.Create(f, settings, accounts)).ToList();
        // Admin runs reach disabled blob functions too, as in the host.
        var allBlobFunctions = App.Functions.Where(f => f.TriggerKind == TriggerKind.Blob)
            .ToDictionary(f => f.Name, f => blobFunctions.FirstOrDefault(b => b.Definition == f) ?? BlobFunction.Create(f, settings, accounts), StringComparer.OrdinalIgnoreCase);
        if (allBlobFunctions.Count > 0)
        {
            var hostStorage = accounts.Get(settings.ResolveConnection(AppSettings.HostStorage));
            var blobLogger = loggerFactory.CreateLogger("ParServerless.DevHost.Blobs");
            var queue = new SelfCreatingQueue(hostStorage.Queues.GetQueueClient(HostQueueNames.BlobTrigger(HostId)));
            var wake = new WakeSignal();
            BlobProcessor = new BlobQueueProcessor(queue, blobFunctions, invoker,
                new BlobQueueSettings(App.Host.PoisonBlobThreshold, App.Host.BlobMaxDegreeOfParallelism, options.BlobMessageVisibilityTimeout,
                    options.BlobQueueMaxPollingInterval),
                wake, options.Time, blobLogger);
            BlobPoller = new BlobTriggerPoller(blobFunctions, new ReceiptStore(hostStorage.Blobs), queue, HostId, options.BlobPollingInterval, wake, options.Time, blobLogger);
            if (options.EnableTriggers && blobFunctions.Count > 0)
            {
                var poller = BlobPoller;
                var processor = BlobProcessor;
                if (options.PollBlobs)
                {
                    Supervise("blob polling", () => poller.RunAsync(_stopping.Token));
                }

                Supervise("blob queue", () => processor.RunAsync(_stopping.Token, _invocations.Token));
            }
        }

        var queueLogger = loggerFactory.CreateLogger("ParServerless.DevHost.Queues");
        var queueSettings = new QueueListenerSettings(App.Host.MaxDequeueCount, App.Host.QueueBatchSize, App.Host.QueueNewBatchThreshold,
            App.Host.QueueRetryDelay, options.BlobMessageVisibilityTimeout, App.Host.QueueMaxPollingInterval);
        QueueListeners = [.. enabled.Where(f => f.TriggerKind == TriggerKind.Queue)
            .Select(f => new QueueTriggerListener(QueueFunction.Create(f, settings, accounts), invoker, queueSettings, options.Time, queueLogger))];
        if (options.EnableTriggers)
        {
            foreach (var listener in QueueListeners)
            {
                Supervise("queue " + listener.Function.QueueName, () => listener.RunAsync(_stopping.Token, _invocations.Token));
            }
        }

        var timerLogger = loggerFactory.CreateLogger("ParServerless.DevHost.Timers");
        var monitor = string.IsNullOrEmpty(hostStorageConnection) ? null : new ScheduleMonitor(accounts.Get(hostStorageConnection).Blobs, HostId);
        Timers = App.Functions.Where(f => f.TriggerKind == TriggerKind.Timer)
            .ToDictionary(f => f.Name, f => TimerScheduler.Create(f, settings, monitor, invoker, options.Time, timerLogger), StringComparer.OrdinalIgnoreCase);
        if (options.EnableTriggers)
        {
            foreach (var timer in Timers.Values.Where(t => enabled.Any(f => f.Name == t.Name)))
            {
                Supervise("timer " + timer.Name, () => timer.RunAsync(_stopping.Token));
            }
        }

        var admin = new AdminEndpoints(App, HostId, options.MasterKey, (function, input, token) => RunOnDemand(function, input, allBlobFunctions, token),
            loggerFactory.CreateLogger("ParServerless.DevHost.Admin"), _stopping.Token);
        var eventGrid = new EventGridEndpoint(name => blobFunctions.FirstOrDefault(b => string.Equals(b.Definition.Name, name, StringComparison.OrdinalIgnoreCase)),
            () => BlobPoller, loggerFactory.CreateLogger("ParServerless.DevHost.EventGrid"));
        _endpoints.TrySetResult(new HostEndpoints(admin, eventGrid));
        foreach (var route in forwarder.Routes)
        {
            Log.HttpRoute(_logger, route.Function.Name, route.Methods, BaseAddress, route.Template);
        }

        Log.Started(_logger, BaseAddress, _rpc.Address);
    }

    /// <summary>The worker's Kestrel starts listening only after its init reply; the front door opens once it accepts connections.</summary>
    private static async Task WaitUntilListeningAsync(Uri workerHttp, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(workerHttp.Host, workerHttp.Port, timeout.Token).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, timeout.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs a background loop and restarts it if a fault nobody foresaw escapes it: a trigger must not die silently.</summary>
    private void Supervise(string name, Func<Task> loop) => _loops.Add(Task.Run(async () =>
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await loop().ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the point is to survive any fault
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.LoopFailed(_logger, name, exception);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }, CancellationToken.None));

    /// <summary>The host restarts a worker that dies; so does the stand-in, a second later, with a new worker id and a new handshake.</summary>
    private async Task RestartWorkerWhenItExitsAsync(WorkerLaunch launch, ILoggerFactory loggerFactory)
    {
        while (true)
        {
            var current = _worker!;
            var exitCode = await current.Process.Exited.WaitAsync(_stopping.Token).ConfigureAwait(false);
            Log.WorkerExited(_logger, current.Process.ProcessId, exitCode);
            current.Channel.Close(new IOException($"the worker exited with code {exitCode}"));
            await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token).ConfigureAwait(false);
            _worker = await WorkerSession.StartAsync(launch, _rpc!, loggerFactory, _stopping.Token).ConfigureAwait(false);
            await current.Process.DisposeAsync().ConfigureAwait(false);
            Log.WorkerRestarted(_logger, _worker.Process.ProcessId);
        }
    }

    private Task<InvocationResult>? RunOnDemand(FunctionDefinition function, string? input, IReadOnlyDictionary<string, BlobFunction> blobFunctions, CancellationToken cancellationToken)
    {
        if (Timers.TryGetValue(function.Name, out var timer))
        {
            return timer.FireAsync(isPastDue: false, "Admin API", cancellationToken);
        }

        if (blobFunctions.TryGetValue(function.Name, out var blob) && BlobProcessor is { } processor && !string.IsNullOrEmpty(input))
        {
            return RunBlobAsync(processor, blob, input, cancellationToken);
        }

        return null;
    }

    private static async Task<InvocationResult> RunBlobAsync(BlobQueueProcessor processor, BlobFunction function, string path, CancellationToken cancellationToken) =>
        await processor.RunOnceAsync(function, path, cancellationToken).ConfigureAwait(false)
        ?? new InvocationResult("", false, $"blob {path} not found");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        // Invocations in flight get the shutdown timeout to finish, then are cancelled (their messages come back later).
        _invocations.CancelAfter(_shutdownTimeout);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        if (_web is not null)
        {
            await _web.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _web.DisposeAsync().ConfigureAwait(false);
        }

        if (_worker is { } worker)
        {
            // WorkerTerminate, then the grace period, then a kill: the worker must not outlive the host.
            WorkerExitCode = await worker.StopAsync(_shutdownTimeout).ConfigureAwait(false);
            await worker.Process.DisposeAsync().ConfigureAwait(false);
            _worker = null;
        }

        if (_rpc is not null)
        {
            await _rpc.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var timer in Timers.Values)
        {
            timer.Dispose();
        }

        _http.Dispose();
        _stopping.Dispose();
        _invocations.Dispose();
        Log.Stopped(_logger);
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$")]
    private static partial Regex HostIdFormat();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Found {Count} functions: {Functions} (host id {HostId})")]
        public static partial void Loaded(ILogger logger, int count, string functions, string hostId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Function {Function} is disabled (AzureWebJobs.{Function}.Disabled): no trigger runs it (the admin API still can)")]
        public static partial void Disabled(ILogger logger, string function);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function}: trigger type {Type} is not supported by DevHost; it never runs")]
        public static partial void UnsupportedTrigger(ILogger logger, string function, string type);

        [LoggerMessage(Level = LogLevel.Information, Message = "HTTP function {Function}: [{Methods}] {BaseAddress}{Template}")]
        public static partial void HttpRoute(ILogger logger, string function, IReadOnlyList<string> methods, Uri baseAddress, string template);

        [LoggerMessage(Level = LogLevel.Information, Message = "Front door open on {Address}: requests are held until the worker's functions are loaded")]
        public static partial void FrontDoorOpen(ILogger logger, Uri address);

        [LoggerMessage(Level = LogLevel.Information, Message = "DevHost listening on {Address}, worker gRPC at {RpcAddress}")]
        public static partial void Started(ILogger logger, Uri address, Uri rpcAddress);

        [LoggerMessage(Level = LogLevel.Error, Message = "The {Loop} loop failed; restarting it")]
        public static partial void LoopFailed(ILogger logger, string loop, Exception exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "Worker process {ProcessId} exited unexpectedly with code {ExitCode}; invocations fail until it is restarted")]
        public static partial void WorkerExited(ILogger logger, int processId, int exitCode);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Worker restarted as process {ProcessId}")]
        public static partial void WorkerRestarted(ILogger logger, int processId);

        [LoggerMessage(Level = LogLevel.Information, Message = "DevHost stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
