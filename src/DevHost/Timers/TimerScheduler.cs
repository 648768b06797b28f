using Azure;
using Cronos;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Configuration;
using ParServerless.DevHost.Worker;

namespace ParServerless.DevHost.Timers;

/// <summary>
/// Fires one timer-triggered function on its six-field NCRONTAB schedule, in UTC, as a singleton: occurrences never overlap, and a
/// failed run is not retried (the host's timer does not retry either).
/// </summary>
/// <remarks>
/// With the monitor (<c>useMonitor</c>, on by default for schedules at least a minute apart) an occurrence missed while nothing ran fires
/// once at start with <c>IsPastDue = true</c>; <c>runOnStartup</c> fires once at start. The singleton holds within one stand-in process;
/// the host's cross-instance blob lease is not reproduced.
/// </remarks>
internal sealed partial class TimerScheduler : IDisposable
{
    private readonly FunctionDefinition _function;
    private readonly CronExpression _schedule;
    private readonly ScheduleMonitor? _monitor;
    private readonly FunctionInvoker _invoker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private static readonly TimeSpan MaxSleep = TimeSpan.FromDays(1);
    private readonly SemaphoreSlim _singleton = new(1, 1);

    private TimerScheduler(FunctionDefinition function, string expression, CronExpression schedule, ScheduleMonitor? monitor, FunctionInvoker invoker,
        TimeProvider time, ILogger logger)
    {
        _function = function;
        Expression = expression;
        _schedule = schedule;
        _monitor = monitor;
        _invoker = invoker;
        _time = time;
        _logger = logger;
    }

    public string Name => _function.Name;

    /// <summary>The schedule after <c>%SETTING%</c> resolution.</summary>
    public string Expression { get; }

    /// <param name="monitorStore">Where the monitor keeps its status; null turns the monitor off whatever the binding says.</param>
    public static TimerScheduler Create(FunctionDefinition function, AppSettings settings, ScheduleMonitor? monitorStore, FunctionInvoker invoker,
        TimeProvider time, ILogger logger)
    {
        var trigger = function.Trigger;
        var expression = settings.Resolve(trigger.Schedule
            ?? throw new InvalidDataException($"{function.Name}: a timerTrigger needs a \"schedule\""));
        CronExpression schedule;
        try
        {
            schedule = CronExpression.Parse(expression, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException exception)
        {
            throw new InvalidDataException($"{function.Name}: schedule '{expression}' is not a six-field NCRONTAB expression: {exception.Message}", exception);
        }

        var monitored = (trigger.UseMonitor ?? true) && AtLeastAMinuteApart(schedule, time.GetUtcNow().UtcDateTime);
        return new TimerScheduler(function, expression, schedule, monitored ? monitorStore : null, invoker, time, logger);
    }

    public DateTime? NextOccurrence(DateTime afterUtc) => _schedule.GetNextOccurrence(afterUtc, TimeZoneInfo.Utc);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var status = await ReadStatusAsync(cancellationToken).ConfigureAwait(false);
            if (status is not null && status.Next < now)
            {
                await FireAsync(isPastDue: true, "Timer fired: past due", cancellationToken).ConfigureAwait(false);
            }
            else if (_function.Trigger.RunOnStartup)
            {
                await FireAsync(isPastDue: false, "Timer fired: runOnStartup", cancellationToken).ConfigureAwait(false);
            }

            var announced = false;
            while (!cancellationToken.IsCancellationRequested)
            {
                now = _time.GetUtcNow().UtcDateTime;
                if (NextOccurrence(now) is not { } next)
                {
                    return; // the schedule has no future occurrence
                }

                await WriteStatusAsync(new ScheduleStatus(status?.Last ?? default, next, now), cancellationToken).ConfigureAwait(false);
                if (!announced)
                {
                    // Logged once the monitor holds the next occurrence, so anything waiting on this line sees a complete status.
                    Log.Scheduled(_logger, _function.Name, Expression, next);
                    announced = true;
                }

                await WaitUntilAsync(next, cancellationToken).ConfigureAwait(false);

                await FireAsync(isPastDue: false, "Timer fired", cancellationToken).ConfigureAwait(false);
                status = new ScheduleStatus(next, NextOccurrence(next) ?? next, _time.GetUtcNow().UtcDateTime);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs the function once now, waiting for a run in progress to finish first (singleton). Used by the schedule and the admin API.</summary>
    public async Task<InvocationResult> FireAsync(bool isPastDue, string reason, CancellationToken cancellationToken)
    {
        await _singleton.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var status = await ReadStatusAsync(cancellationToken).ConfigureAwait(false);
            var request = Invocations.ForTimer(_function.Trigger.Name, _function.Name, status, isPastDue, _time.GetUtcNow());
            return await _invoker.InvokeAsync(_function, request, reason, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _singleton.Release();
        }
    }

    public void Dispose() => _singleton.Dispose();

    /// <summary>Sleeps until <paramref name="dueUtc"/> in steps of at most a day: Task.Delay refuses more than about 49 days, and a yearly schedule is normal here.</summary>
    private async Task WaitUntilAsync(DateTime dueUtc, CancellationToken cancellationToken)
    {
        while (dueUtc - _time.GetUtcNow().UtcDateTime is var remaining && remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining < MaxSleep ? remaining : MaxSleep, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ScheduleStatus?> ReadStatusAsync(CancellationToken cancellationToken)
    {
        if (_monitor is null)
        {
            return null;
        }

        try
        {
            return await _monitor.GetStatusAsync(_function.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransient(exception, cancellationToken))
        {
            Log.MonitorUnavailable(_logger, _function.Name, exception.Message);
            return null;
        }
    }

    private async Task WriteStatusAsync(ScheduleStatus status, CancellationToken cancellationToken)
    {
        if (_monitor is null)
        {
            return;
        }

        try
        {
            await _monitor.UpdateStatusAsync(_function.Id, status, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransient(exception, cancellationToken))
        {
            Log.MonitorUnavailable(_logger, _function.Name, exception.Message);
        }
    }

    /// <summary>Storage faults, including a network timeout that surfaces as a cancellation nobody asked for.</summary>
    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        exception is RequestFailedException or HttpRequestException or IOException or AggregateException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool AtLeastAMinuteApart(CronExpression schedule, DateTime now) =>
        schedule.GetNextOccurrence(now, TimeZoneInfo.Utc) is not { } first
        || schedule.GetNextOccurrence(first, TimeZoneInfo.Utc) is not { } second
        || second - first >= TimeSpan.FromMinutes(1);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Function} scheduled '{Schedule}' (UTC); next occurrence {Next:O}")]
        public static partial void Scheduled(ILogger logger, string function, string schedule, DateTime? next);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {Function}: schedule monitor unavailable, running without it: {Reason}")]
        public static partial void MonitorUnavailable(ILogger logger, string function, string reason);
    }
}
