namespace ParServerless.Pipeline.Publication;

/// <summary>
/// Takes progress from the rendering threads (cheaply: it only keeps the latest) and writes it to the job at most once per
/// interval and at each phase change. A failed progress write never fails the job: the next one, or the outcome, follows.
/// </summary>
internal sealed class ProgressReporter : IProgress<PublicationProgress>, IAsyncDisposable
{
    private readonly PublicationJobStore _jobs;
    private readonly PublicationJob _job;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly Task _loop;
    private PublicationProgress? _latest;
    private PublicationProgress? _written;
    private TaskCompletionSource _phaseChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProgressReporter(PublicationJobStore jobs, PublicationJob job, TimeProvider time, TimeSpan interval)
    {
        _jobs = jobs;
        _job = job;
        _time = time;
        _interval = interval;
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    public void Report(PublicationProgress value)
    {
        lock (_lock)
        {
            // Parallel writers may report out of order: never step back within a phase.
            if (_latest is { } l && l.Phase == value.Phase && l.UnitsRendered > value.UnitsRendered) return;
            var phaseChanged = _latest?.Phase != value.Phase;
            _latest = value;
            if (phaseChanged) _phaseChanged.TrySetResult();
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Task signal;
            lock (_lock) signal = _phaseChanged.Task;
            try
            {
                await Task.WhenAny(signal, Task.Delay(_interval, _time, _stop.Token)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_lock)
                if (_phaseChanged.Task.IsCompleted) _phaseChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
            await FlushAsync().ConfigureAwait(false);
        }
    }

    private async Task FlushAsync()
    {
        PublicationProgress? latest;
        lock (_lock) latest = _latest;
        if (latest is null || latest == _written) return;
        try
        {
            await _jobs.UpdateAsync(_job.Year, _job.Id, j => j.Finished ? j : j with
            {
                Phase = latest.Phase,
                UnitsRendered = latest.Phase == PublicationPhase.Computing ? j.UnitsRendered : latest.UnitsRendered,
                UnitsTotal = latest.UnitsTotal > 0 ? latest.UnitsTotal : j.UnitsTotal,
                UpdatedAt = _time.GetUtcNow(),
            }, CancellationToken.None).ConfigureAwait(false);
            _written = latest;
        }
#pragma warning disable CA1031 // progress is best effort; the outcome is written by the worker
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Stops the loop and writes the latest progress once more.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
