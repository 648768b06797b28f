namespace ParServerless.DevHost.Timers;

/// <summary>The timer monitor's record (<c>ScheduleStatus</c> in the timer data): last and next occurrence, and when it was written. UTC.</summary>
internal sealed record ScheduleStatus(DateTime Last, DateTime Next, DateTime LastUpdated);
