using Microsoft.Azure.Functions.Worker;
using ParServerless.Pipeline.Publication;

namespace ParServerless.Functions.Triggers;

/// <summary>
/// The year-end timer on <c>%DECISION_SCHEDULE%</c> (UTC, six fields): publishes every year whose publication moment has
/// come. With the monitor, a missed occurrence runs once at start with <c>IsPastDue</c>. Also runs on demand through the
/// host's admin API (<c>POST /admin/functions/GenerateDecision</c>).
/// </summary>
public sealed class GenerateDecision(DecisionTimer timer)
{
    public const string Schedule = "%" + ParServerless.Pipeline.Storage.StorageNames.Settings.DecisionSchedule + "%";

    [Function(nameof(GenerateDecision))]
    public Task Run([TimerTrigger(Schedule, UseMonitor = true)] TimerInfo info, CancellationToken ct) =>
        timer.RunAsync(info.IsPastDue, ct);
}
