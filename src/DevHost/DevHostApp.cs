using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Blobs;
using ParServerless.DevHost.Configuration;
using ParServerless.DevHost.Handler;
using ParServerless.DevHost.Http;
using ParServerless.DevHost.Timers;

namespace ParServerless.DevHost;

/// <summary>
/// The running stand-in: the handler process, blob polling, timers and the HTTP listener, started from the same host.json and
/// function.json files Azure reads. Start it with <see cref="StartAsync"/>; dispose it to stop.
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
    private HandlerProcess? _handlerProcess;
    private WebApplication? _web;
    private int _disposed;

    private DevHostApp(FunctionApp app, string hostId, HttpClient http, TimeSpan shutdownTimeout, ILogger logger)
    {
        App = app;
        HostId = hostId;
        _http = http;
        _shutdownTimeout = shutdownTimeout;
        _logger = logger;
    }

    public FunctionApp App { get; }

    public string HostId { get; }

    /// <summary>The HTTP listener, e.g. <c>http://127.0.0.1:7071/</c>: <c>/api/...</c> forwarding and <c>/admin/...</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the handler listens.</summary>
    public Uri HandlerAddress { get; private set; } = null!;

    /// <summary>The blob queue listener, or null when no blob function is enabled.</summary>
    internal BlobQueueProcessor? BlobProcessor { get; private set; }

    /// <summary>The container scanner, or null when no blob function is enabled or triggers are off.</summary>
    internal BlobTriggerPoller? BlobPoller { get; private set; }

    internal IReadOnlyDictionary<string, TimerScheduler> Timers { get; private set; } = new Dictionary<string, TimerScheduler>();

    public static async Task<DevHostApp> StartAsync(DevHostOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("ParServerless.DevHost");
        var settings = AppSettings.Create(options.InheritEnvironment ? Environment.GetEnvironmentVariables() : (IDictionary?)null, options.SettingsFile, options.Settings);
        var hostId = options.HostId ?? settings.Get("AzureFunctionsWebHost__hostid") ?? DefaultHostId;
        if (!HostIdFormat().IsMatch(hostId))
        {
            throw new ArgumentException($"host id '{hostId}' must be 1-32 lowercase letters, digits and dashes, not starting or ending with a dash", nameof(options));
        }

        var scriptRoot = Path.GetFullPath(options.ScriptRoot);
        var app = HostConfigLoader.Load(scriptRoot, Path.GetFullPath(options.FunctionsRoot ?? scriptRoot));
        var host = new DevHostApp(app, hostId, HandlerClient.CreateHttpClient(), options.ShutdownTimeout, logger);
        try
        {
            await host.StartCoreAsync(options, settings, scriptRoot, loggerFactory, cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartCoreAsync(DevHostOptions options, AppSettings settings, string scriptRoot, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", App.Functions.Select(f => $"{f.Name} ({f.Trigger.Type})"));
        Log.Loaded(_logger, App.Functions.Count, names, HostId);
        var enabled = App.Functions.Where(f => !f.Disabled && !settings.IsDisabled(f.Name)).ToList();
        foreach (var function in App.Functions.Except(enabled))
        {
            Log.Disabled(_logger, function.Name);
        }

        foreach (var function in enabled.Where(f => f.TriggerKind == TriggerKind.Unsupported))
        {
            Log.UnsupportedTrigger(_logger, function.Name, function.Trigger.Type);
        }

        // Handler first: the host starts the worker before any listener.
        var handlerLogger = loggerFactory.CreateLogger("ParServerless.DevHost.Handler");
        if (options.HandlerUrl is { } url)
        {
            HandlerAddress = url;
            await Readiness.WaitAsync(_http, url, options.HandlerReadinessTimeout, () => null, handlerLogger, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var launch = HandlerLaunchFor(options, settings, scriptRoot);
            _handlerProcess = await HandlerProcess.StartAsync(launch, _http, handlerLogger, cancellationToken).ConfigureAwait(false);
            HandlerAddress = _handlerProcess.BaseAddress;
            Supervise("handler", () => RestartHandlerWhenItExitsAsync(launch, handlerLogger));
        }

        var handler = new HandlerClient(_http, () => HandlerAddress, App.Host.FunctionTimeout, loggerFactory.CreateLogger("ParServerless.DevHost.Invocations"));
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
            BlobProcessor = new BlobQueueProcessor(queue, blobFunctions, handler,
                new BlobQueueSettings(App.Host.PoisonBlobThreshold, App.Host.BlobMaxDegreeOfParallelism, options.BlobMessageVisibilityTimeout,
                    options.BlobQueueMaxPollingInterval, options.BlobPropertiesFormat),
                wake, options.Time, blobLogger);
            if (options.EnableTriggers && blobFunctions.Count > 0)
            {
                var poller = BlobPoller = new BlobTriggerPoller(blobFunctions, new ReceiptStore(hostStorage.Blobs), queue, HostId, options.BlobPollingInterval, wake, options.Time, blobLogger);
                var processor = BlobProcessor;
                Supervise("blob polling", () => poller.RunAsync(_stopping.Token));
                Supervise("blob queue", () => processor.RunAsync(_stopping.Token, _invocations.Token));
            }
        }

        var timerLogger = loggerFactory.CreateLogger("ParServerless.DevHost.Timers");
        var monitor = string.IsNullOrEmpty(hostStorageConnection) ? null : new ScheduleMonitor(accounts.Get(hostStorageConnection).Blobs, HostId);
        Timers = App.Functions.Where(f => f.TriggerKind == TriggerKind.Timer)
            .ToDictionary(f => f.Name, f => TimerScheduler.Create(f, settings, monitor, handler, options.Time, timerLogger), StringComparer.OrdinalIgnoreCase);
        if (options.EnableTriggers)
        {
            foreach (var timer in Timers.Values.Where(t => enabled.Any(f => f.Name == t.Name)))
            {
                Supervise("timer " + timer.Name, () => timer.RunAsync(_stopping.Token));
            }
        }

        var httpFunctions = enabled.Where(f => f.TriggerKind == TriggerKind.Http);
        var forwarder = new HttpForwarder(App, httpFunctions, _http, () => HandlerAddress, loggerFactory.CreateLogger("ParServerless.DevHost.Http"));
        var admin = new AdminEndpoints(App, HostId, options.MasterKey, (function, input, token) => RunOnDemand(function, input, allBlobFunctions, token),
            loggerFactory.CreateLogger("ParServerless.DevHost.Admin"), _stopping.Token);
        (_web, var port) = await HostWebServer.StartAsync(options.Port, loggerFactory, forwarder, admin, cancellationToken).ConfigureAwait(false);
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        foreach (var route in forwarder.Routes)
        {
            var methods = string.Join(',', route.Function.Trigger.Methods.DefaultIfEmpty("*"));
            var routeUrl = new Uri(BaseAddress, route.Template);
            Log.HttpRoute(_logger, route.Function.Name, methods, routeUrl, route.Forwardable);
        }

        Log.Started(_logger, BaseAddress, HandlerAddress);
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

    /// <summary>The host restarts a worker that dies; so does the stand-in (on a new port), after a second's pause.</summary>
    private async Task RestartHandlerWhenItExitsAsync(HandlerLaunch launch, ILogger handlerLogger)
    {
        while (true)
        {
            var current = _handlerProcess!;
            await current.Exited.WaitAsync(_stopping.Token).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token).ConfigureAwait(false);
            var next = await HandlerProcess.StartAsync(launch, _http, handlerLogger, _stopping.Token).ConfigureAwait(false);
            _handlerProcess = next;
            HandlerAddress = next.BaseAddress;
            await current.DisposeAsync().ConfigureAwait(false);
            Log.HandlerRestarted(_logger, next.BaseAddress);
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
        ?? new InvocationResult(Guid.Empty, false, null, $"blob {path} not found", null);

    /// <summary>
    /// The handler command: <c>--handler</c> (its folder as working directory unless <c>--handler-workdir</c>), else host.json's
    /// <c>defaultExecutablePath</c>, <c>workingDirectory</c> and <c>arguments</c> relative to the script root, as the host reads them.
    /// </summary>
    private HandlerLaunch HandlerLaunchFor(DevHostOptions options, AppSettings settings, string scriptRoot)
    {
        var description = App.Host.Handler;
        string executable;
        string workingDirectory;
        IReadOnlyList<string> arguments;
        if (options.HandlerPath is { } given)
        {
            // A bare name ("dotnet", "node") is looked up on PATH; a path is taken from the current directory.
            executable = given.Contains('/', StringComparison.Ordinal) || given.Contains('\\', StringComparison.Ordinal) ? Path.GetFullPath(given) : given;
            workingDirectory = Path.GetDirectoryName(executable) is { Length: > 0 } folder ? folder : Directory.GetCurrentDirectory();
            arguments = options.HandlerArguments ?? [];
        }
        else
        {
            executable = description.DefaultExecutablePath is { } relative ? Path.GetFullPath(Path.Combine(scriptRoot, relative))
                : throw new InvalidOperationException("no handler: give --handler, or customHandler.description.defaultExecutablePath in host.json");
            workingDirectory = description.WorkingDirectory is { } folder ? Path.GetFullPath(Path.Combine(scriptRoot, folder)) : scriptRoot;
            arguments = options.HandlerArguments ?? description.Arguments;
        }

        if (Path.IsPathRooted(executable) && !File.Exists(executable))
        {
            throw new FileNotFoundException($"handler {executable} not found: build it, or point --handler at it", executable);
        }

        return new HandlerLaunch(
            executable,
            arguments,
            options.HandlerWorkingDirectory is { } workdir ? Path.GetFullPath(workdir) : workingDirectory,
            scriptRoot,
            settings.Explicit,
            options.HandlerReadinessTimeout);
    }

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

        if (_handlerProcess is not null)
        {
            await _handlerProcess.DisposeAsync().ConfigureAwait(false);
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

        [LoggerMessage(Level = LogLevel.Information, Message = "Function {Function} is disabled: no trigger runs it (the admin API still can)")]
        public static partial void Disabled(ILogger logger, string function);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function}: trigger type {Type} is not supported by DevHost; it never runs")]
        public static partial void UnsupportedTrigger(ILogger logger, string function, string type);

        [LoggerMessage(Level = LogLevel.Information, Message = "HTTP function {Function}: [{Methods}] {Url} (forwarded: {Forwarded})")]
        public static partial void HttpRoute(ILogger logger, string function, string methods, Uri url, bool forwarded);

        [LoggerMessage(Level = LogLevel.Information, Message = "DevHost listening on {Address}, handler at {HandlerAddress}")]
        public static partial void Started(ILogger logger, Uri address, Uri handlerAddress);

        [LoggerMessage(Level = LogLevel.Error, Message = "The {Loop} loop failed; restarting it")]
        public static partial void LoopFailed(ILogger logger, string loop, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Handler restarted at {Address}")]
        public static partial void HandlerRestarted(ILogger logger, Uri address);

        [LoggerMessage(Level = LogLevel.Information, Message = "DevHost stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
