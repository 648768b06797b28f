namespace ParServerless.DevHost.Blobs;

/// <summary>Wakes a sleeping poller early, like the host's fast path from blob detection to its queue listener.</summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _signal = NewSource();

    public void Set() => _signal.TrySetResult();

    /// <summary>Waits until <see cref="Set"/> or the delay, whichever comes first, then re-arms.</summary>
    public async Task WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        var signal = _signal;
        await Task.WhenAny(signal.Task, Task.Delay(delay, time, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (signal.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _signal, NewSource(), signal);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
