using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Rpc;

namespace ParServerless.DevHost.Worker;

/// <summary>
/// The host's gRPC endpoint: HTTP/2 cleartext (prior knowledge) on loopback, serving <c>FunctionRpc.EventStream</c>.
/// A worker opens the stream and sends <c>StartStream{worker_id}</c>; the stream is handed to whoever awaits that worker id.
/// </summary>
internal sealed class RpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WorkerStreams _streams;

    private RpcServer(WebApplication app, WorkerStreams streams, Uri address)
    {
        _app = app;
        _streams = streams;
        Address = address;
    }

    /// <summary>E.g. <c>http://127.0.0.1:41234/</c>, given to the worker as <c>--functions-uri</c>.</summary>
    public Uri Address { get; }

    public static async Task<RpcServer> StartAsync(ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        var streams = new WorkerStreams(loggerFactory);
        builder.Services.AddSingleton(streams);
        builder.Services.AddGrpc(grpc =>
        {
            // The host accepts messages of any size (--functions-grpc-max-message-length is int.MaxValue on both sides).
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RpcServer(app, streams, new Uri($"http://127.0.0.1:{new Uri(address).Port}/"));
    }

    /// <summary>Waits for the worker started with <paramref name="workerId"/> to open its stream.</summary>
    public Task<WorkerChannel> WaitForWorkerAsync(string workerId, CancellationToken cancellationToken) =>
        _streams.WaitAsync(workerId, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _streams.CloseAll();
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Worker streams awaited by worker id.</summary>
internal sealed class WorkerStreams(ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WorkerChannel>> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<WorkerChannel, bool> _open = new();

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    public async Task<WorkerChannel> WaitAsync(string workerId, CancellationToken cancellationToken)
    {
        var waiting = _waiting.GetOrAdd(workerId, _ => new TaskCompletionSource<WorkerChannel>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            return await waiting.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _waiting.TryRemove(workerId, out _);
        }
    }

    /// <returns>False when nobody awaits this worker id (a stray worker): its stream is refused.</returns>
    public bool TryAttach(string workerId, WorkerChannel channel)
    {
        if (!_waiting.TryGetValue(workerId, out var waiting) || !waiting.TrySetResult(channel))
        {
            return false;
        }

        _open[channel] = true;
        _ = channel.Closed.ContinueWith(_ => _open.TryRemove(channel, out bool _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return true;
    }

    public void CloseAll()
    {
        foreach (var channel in _open.Keys)
        {
            channel.Close(new InvalidOperationException("the host is stopping"));
        }
    }
}

/// <summary>The generated service base, bound to <see cref="WorkerStreams"/>: one call per worker, alive as long as its stream.</summary>
internal sealed class FunctionRpcService(WorkerStreams streams) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false)
            || requestStream.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.InvalidArgument, "the first message must be StartStream"));
        }

        var workerId = requestStream.Current.StartStream.WorkerId;
        var channel = new WorkerChannel(workerId, responseStream, streams.LoggerFactory.CreateLogger("ParServerless.DevHost.Worker"));
        if (!streams.TryAttach(workerId, channel))
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.PermissionDenied, $"no worker {workerId} was started by this host"));
        }

        await channel.ReadAsync(requestStream, context.CancellationToken).ConfigureAwait(false);
    }
}
