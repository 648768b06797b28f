using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Rpc;

namespace ParServerless.DevHost.Worker;

/// <summary>
/// One worker's bidirectional stream. Writes are serialised (a gRPC stream takes one write at a time); replies are correlated
/// by what they answer (init, metadata, function id, invocation id), since they arrive in any order. <c>RpcLog</c>s become log lines.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never used holds nothing to dispose.")]
internal sealed partial class WorkerChannel
{
    private readonly IServerStreamWriter<StreamingMessage> _writer;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _invocationFunctions = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _closedBecause;

    public WorkerChannel(string workerId, IServerStreamWriter<StreamingMessage> writer, ILogger logger)
    {
        WorkerId = workerId;
        _writer = writer;
        _logger = logger;
    }

    public string WorkerId { get; }

    /// <summary>Completes when the stream ends (the worker left, or the host closed it).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Reads the worker's messages until the stream ends; run by the gRPC call, which lives as long as this loop.</summary>
    public async Task ReadAsync(IAsyncStreamReader<StreamingMessage> reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                Dispatch(reader.Current);
            }

            Close(new IOException($"worker {WorkerId} closed its stream"));
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or Grpc.Core.RpcException or InvalidOperationException)
        {
            Close(new IOException($"worker {WorkerId} stream ended: {exception.Message}", exception));
        }

        // Keep the call open until every waiter saw the end.
        await _closed.Task.ConfigureAwait(false);
    }

    public Task<StreamingMessage> InitAsync(WorkerInitRequest request, CancellationToken cancellationToken) =>
        RequestAsync("init", new StreamingMessage { WorkerInitRequest = request }, cancellationToken);

    public Task<StreamingMessage> MetadataAsync(FunctionsMetadataRequest request, CancellationToken cancellationToken) =>
        RequestAsync("metadata", new StreamingMessage { FunctionsMetadataRequest = request }, cancellationToken);

    public Task<StreamingMessage> LoadAsync(FunctionLoadRequest request, CancellationToken cancellationToken) =>
        RequestAsync("load:" + request.FunctionId, new StreamingMessage { FunctionLoadRequest = request }, cancellationToken);

    /// <param name="functionName">For the log lines the worker sends during the invocation.</param>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, string functionName, CancellationToken cancellationToken)
    {
        _invocationFunctions[request.InvocationId] = functionName;
        try
        {
            var reply = await RequestAsync("invocation:" + request.InvocationId, new StreamingMessage { InvocationRequest = request }, cancellationToken)
                .ConfigureAwait(false);
            return reply.InvocationResponse;
        }
        finally
        {
            _invocationFunctions.TryRemove(request.InvocationId, out _);
        }
    }

    /// <summary>Asks the worker to stop once its invocations end; it answers by exiting.</summary>
    public Task TerminateAsync(TimeSpan grace, CancellationToken cancellationToken) =>
        WriteAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(grace) } }, cancellationToken);

    /// <summary>Cancels an invocation still running (function timeout, host stopping).</summary>
    public Task CancelAsync(string invocationId, CancellationToken cancellationToken) =>
        WriteAsync(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } }, cancellationToken);

    /// <summary>Ends the channel: every request still waiting fails with <paramref name="reason"/>.</summary>
    public void Close(Exception reason)
    {
        _closedBecause ??= reason;
        _closed.TrySetResult();
        foreach (var (key, waiter) in _pending)
        {
            if (_pending.TryRemove(key, out _))
            {
                waiter.TrySetException(reason);
            }
        }
    }

    private async Task<StreamingMessage> RequestAsync(string key, StreamingMessage message, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, reply))
        {
            throw new InvalidOperationException($"a request '{key}' is already waiting for the worker");
        }

        try
        {
            if (_closed.Task.IsCompleted)
            {
                throw _closedBecause ?? new IOException("worker stream closed");
            }

            message.RequestId = Guid.NewGuid().ToString();
            await WriteAsync(message, cancellationToken).ConfigureAwait(false);
            return await reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    private async Task WriteAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.WorkerInitResponse => "init",
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => "metadata",
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => "load:" + message.FunctionLoadResponse.FunctionId,
            StreamingMessage.ContentOneofCase.InvocationResponse => "invocation:" + message.InvocationResponse.InvocationId,
            _ => null,
        };

        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            WriteLog(message.RpcLog);
        }
        else if (key is not null && _pending.TryRemove(key, out var waiter))
        {
            waiter.TrySetResult(message);
        }
        else
        {
            Log.Unexpected(_logger, WorkerId, message.ContentCase);
        }
    }

    private void WriteLog(RpcLog log)
    {
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (level == LogLevel.None || log.LogCategory == RpcLog.Types.RpcLogCategory.CustomMetric)
        {
            return;
        }

        if (!_logger.IsEnabled(level))
        {
            return;
        }

        var exception = log.Exception is { } e ? $" {e.Type}: {e.Message}" : "";
        if (!string.IsNullOrEmpty(log.InvocationId))
        {
            var function = _invocationFunctions.TryGetValue(log.InvocationId, out var name) ? name : "?";
            Log.InvocationLog(_logger, level, function, log.InvocationId, log.Message, exception);
        }
        else
        {
            Log.WorkerLog(_logger, level, log.Category, log.Message, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Message = "Functions.{Function} (Id={InvocationId}): {Message}{Exception}")]
        public static partial void InvocationLog(ILogger logger, LogLevel level, string function, string invocationId, string message, string exception);

        [LoggerMessage(Message = "[{Category}] {Message}{Exception}")]
        public static partial void WorkerLog(ILogger logger, LogLevel level, string category, string message, string exception);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId} sent an unexpected {Content}; ignored")]
        public static partial void Unexpected(ILogger logger, string workerId, StreamingMessage.ContentOneofCase content);
    }
}
