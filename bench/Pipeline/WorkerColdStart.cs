using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ParServerless.Bench.Pipeline;

/// <summary>
/// Cold start of the worker to its first storage-backed answer (issue #14): DevHost starts the worker (one of several builds of
/// it, e.g. the plain build output and a ReadyToRun publish), and <c>GET /api/public/years</c> (a table query) is polled every
/// 20 ms through DevHost's front door until it answers 200. Timed from the <b>worker process's</b> start, read from
/// <c>/proc/&lt;pid&gt;/stat</c> (clock ticks of 10 ms) relative to DevHost's, so DevHost's own start does not count; also from
/// DevHost's start. Baseline in the same run, alternating: the bare ASP.NET Core app from its process start to its first 200.
/// Each run gets fresh tables (a new host id and a fresh Azurite account is not needed: the route reads the Years table).
/// </summary>
internal static class WorkerColdStart
{
    public const string StorageRoute = "/api/public/years";

    public sealed record Sample(string Build, double WorkerMs, double DevHostMs, double WorkerMb, double ReadyMs);

    public static async Task<(IReadOnlyList<Sample> Workers, IReadOnlyList<double> Bare)> MeasureAsync(
        string root, string storage, int runs, IReadOnlyList<(string Label, string Directory)> builds)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var workers = new List<Sample>();
        var bare = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            bare.Add(await BareAsync(http));
            foreach (var (label, directory) in builds)
            {
                using var devHost = DevHostProcess.Start(root, storage, $"parws{i}{Guid.NewGuid():N}"[..20], appDirectory: directory);
                var url = devHost.BaseAddress + StorageRoute;
                await Child.Until(() => Child.Answers200(http, url), "the first storage-backed answer", TimeSpan.FromMinutes(3), delayMs: 20);
                var answeredAt = devHost.Clock.Elapsed.TotalMilliseconds;
                var ready = await devHost.Ready.WaitAsync(TimeSpan.FromSeconds(30));
                var workerStartedAt = (StartTicks(ready.WorkerPid) - StartTicks(devHost.Process.Id)) * 10.0;
                var sample = new Sample(label, answeredAt - workerStartedAt, answeredAt, Child.PeakMegabytes(ready.WorkerPid) ?? double.NaN,
                    ready.At.TotalMilliseconds - workerStartedAt);
                Console.WriteLine(FormattableString.Invariant(
                    $"worker cold start {i + 1} ({label}): worker start → functions loaded {sample.ReadyMs:F0} ms, → first storage answer {sample.WorkerMs:F0} ms, DevHost start → {sample.DevHostMs:F0} ms, {sample.WorkerMb:F0} MB; bare {bare[^1]:F0} ms"));
                workers.Add(sample);
            }
        }
        return (workers, bare);
    }

    public static void Report(StringBuilder report, IReadOnlyList<Sample> workers, IReadOnlyList<double> bare)
    {
        string All(IEnumerable<double> xs) => string.Join(", ", xs.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)));
        var bareMedian = Child.Median(bare);
        report.AppendLine(CultureInfo.InvariantCulture, $"Worker cold start to its first storage-backed answer (`GET {StorageRoute}` 200), median of {bare.Count} alternating runs:");
        report.AppendLine();
        report.AppendLine("| Measure | Median | Runs | Ratio to bare |");
        report.AppendLine("|---|---:|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| bare ASP.NET Core app, process start → first 200 (baseline) | {bareMedian:F0} ms | {All(bare)} | 1.00× |");
        foreach (var build in workers.GroupBy(w => w.Build))
        {
            var w = build.Select(x => x.WorkerMs).ToArray();
            var d = build.Select(x => x.DevHostMs).ToArray();
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), worker process start → first storage answer | {Child.Median(w):F0} ms | {All(w)} | **{Child.Median(w) / bareMedian:F2}×** |");
            var r = build.Select(x => x.ReadyMs).ToArray();
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), worker process start → \"functions loaded\" | {Child.Median(r):F0} ms | {All(r)} | {Child.Median(r) / bareMedian:F2}× |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), DevHost start → first storage answer | {Child.Median(d):F0} ms | {All(d)} | {Child.Median(d) / bareMedian:F2}× |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), peak memory (VmHWM) | {Child.Median(build.Select(x => x.WorkerMb)):F0} MB | | |");
        }
        report.AppendLine();
    }

    private static async Task<double> BareAsync(HttpClient http)
    {
        var port = Child.FreePort();
        var clock = Stopwatch.StartNew();
        using var bare = Child.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "ParServerless.Bench.Pipeline.dll"), "--bare-server",
            port.ToString(CultureInfo.InvariantCulture)]);
        await Child.Until(() => Child.Answers200(http, $"http://127.0.0.1:{port}/api/health"), "the bare app", TimeSpan.FromMinutes(3), delayMs: 20);
        var ms = clock.Elapsed.TotalMilliseconds;
        Child.Stop(bare);
        return ms;
    }

    /// <summary>Start time of a process in clock ticks since boot (field 22 of /proc/&lt;pid&gt;/stat; 100 ticks a second on Linux).</summary>
    private static long StartTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[19], CultureInfo.InvariantCulture);
    }
}
