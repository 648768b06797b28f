using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ParServerless.Pipeline.Storage;

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

    public sealed record Sample(string Build, double WorkerMs, double DevHostMs, double WorkerMb, double ReadyMs, double DoorMs, double CpuMs)
    {
        /// <summary>
        /// The worker's own share: to "functions loaded", then from the moment DevHost's front door accepted the request that got
        /// the answer. A DevHost that opens its front door only after the worker is ready and its own Kestrel has started (before
        /// issue #14's last round; in Azure the host's front door is already open) charges the time between to the worker; it is
        /// DevHost's, so it is left out. A DevHost whose door opens while the worker starts (today's) holds the early request, and
        /// the own share is the whole time to the answer. DevHost's forwarding of the first request (its own first-call JIT) stays in.
        /// </summary>
        public double OwnMs => ReadyMs + (WorkerMs - Math.Max(DoorMs, ReadyMs));
    }

    /// <summary>
    /// A build of the worker to start, with app settings of its own (e.g. a setting the build is measured with), and optionally
    /// another DevHost (its build output folder), so that two DevHosts are compared in the same run.
    /// </summary>
    public sealed record Build(string Label, string Directory, IReadOnlyDictionary<string, string> Settings, string? DevHostDirectory = null)
    {
        /// <summary>The pseudo-setting naming the DevHost build output to use (not passed to the worker).</summary>
        public const string DevHostSetting = "@devhost";

        /// <summary><c>label=dir</c>, optionally followed by <c>;NAME=VALUE</c> app settings and <c>;@devhost=dir</c>.</summary>
        public static Build Parse(string spec)
        {
            var parts = spec.Split(';');
            var labelDir = parts[0].Split('=', 2);
            var settings = parts.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            var devHost = settings.Remove(DevHostSetting, out var dir) ? Path.GetFullPath(dir) : null;
            return new Build(labelDir[0], Path.GetFullPath(labelDir[1]), settings, devHost);
        }
    }

    /// <summary>The bare app: wall time and CPU time (user + system, all threads) from its start to its first 200.</summary>
    public sealed record BareSample(double Ms, double CpuMs);

    public static async Task<(IReadOnlyList<Sample> Workers, IReadOnlyList<BareSample> Bare)> MeasureAsync(
        string root, string storage, int runs, IReadOnlyList<Build> builds)
    {
        await ProvisionAsync(storage);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var workers = new List<Sample>();
        var bare = new List<BareSample>();
        for (var i = 0; i < runs; i++)
        {
            bare.Add(await BareAsync(http));
            foreach (var build in builds)
            {
                using var devHost = DevHostProcess.Start(root, storage, $"parws{i}{Guid.NewGuid():N}"[..20], appDirectory: build.Directory,
                    extraSettings: build.Settings, devHostDirectory: build.DevHostDirectory);
                var doorAt = await FirstAnswerAsync(http, devHost.BaseAddress + StorageRoute, devHost.Clock);
                var answeredAt = devHost.Clock.Elapsed.TotalMilliseconds;
                var ready = await devHost.Ready.WaitAsync(TimeSpan.FromSeconds(30));
                var cpuMs = CpuMs(ready.WorkerPid);
                var workerStartedAt = (StartTicks(ready.WorkerPid) - StartTicks(devHost.Process.Id)) * 10.0;
                var sample = new Sample(build.Label, answeredAt - workerStartedAt, answeredAt, Child.PeakMegabytes(ready.WorkerPid) ?? double.NaN,
                    ready.At.TotalMilliseconds - workerStartedAt, doorAt - workerStartedAt, cpuMs);
                Console.WriteLine(FormattableString.Invariant(
                    $"worker cold start {i + 1} ({build.Label}): worker start → functions loaded {sample.ReadyMs:F0} ms, front door open {sample.DoorMs:F0} ms, → first storage answer {sample.WorkerMs:F0} ms (own {sample.OwnMs:F0} ms, CPU {sample.CpuMs:F0} ms), DevHost start → {sample.DevHostMs:F0} ms, {sample.WorkerMb:F0} MB; bare {bare[^1].Ms:F0} ms, CPU {bare[^1].CpuMs:F0} ms"));
                workers.Add(sample);
            }
        }
        return (workers, bare);
    }

    /// <summary>
    /// Polls <paramref name="url"/> every 20 ms until it answers 200; returns when (on <paramref name="clock"/>) the first request
    /// that got any HTTP answer was sent, i.e. when DevHost's front door opened (to within the 20 ms).
    /// </summary>
    private static async Task<double> FirstAnswerAsync(HttpClient http, string url, Stopwatch clock)
    {
        double? doorAt = null;
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var sentAt = clock.Elapsed.TotalMilliseconds;
            try
            {
                using var response = await http.GetAsync(url);
                doorAt ??= sentAt;
                if (response.StatusCode == System.Net.HttpStatusCode.OK) return doorAt.Value;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("gave up waiting for the first storage-backed answer");
    }

    /// <summary>
    /// Creates every container, table and queue first, as infra/main.bicep does in Azure: each run then meets what a new instance
    /// meets there (all exists), and a build may skip the creates (<see cref="StorageNames.Settings.StorageProvisioned"/>).
    /// </summary>
    private static async Task ProvisionAsync(string storage)
    {
        var blobs = new BlobServiceClient(storage);
        var tables = new TableServiceClient(storage);
        var queues = new QueueServiceClient(storage);
        await Task.WhenAll(StorageNames.Uploads.All.Concat(StorageNames.AppContainers.All).Select(n => (Task)blobs.GetBlobContainerClient(n).CreateIfNotExistsAsync())
            .Concat(StorageNames.Tables.All.Select(n => (Task)tables.CreateTableIfNotExistsAsync(n)))
            .Concat(new[] { StorageNames.Queues.Publications, StorageNames.Queues.PublicationsPoison }.Select(n => (Task)queues.GetQueueClient(n).CreateIfNotExistsAsync())));
    }

    public static void Report(StringBuilder report, IReadOnlyList<Sample> workers, IReadOnlyList<BareSample> bareRuns)
    {
        string All(IEnumerable<double> xs) => string.Join(", ", xs.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)));
        var bare = bareRuns.Select(b => b.Ms).ToArray();
        var bareMedian = Child.Median(bare);
        var bareCpu = bareRuns.Select(b => b.CpuMs).ToArray();
        var bareCpuMedian = Child.Median(bareCpu);
        report.AppendLine(CultureInfo.InvariantCulture, $"Worker cold start to its first storage-backed answer (`GET {StorageRoute}` 200), median of {bare.Length} alternating runs:");
        report.AppendLine();
        report.AppendLine("| Measure | Median | Runs | Ratio to bare |");
        report.AppendLine("|---|---:|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| bare ASP.NET Core app, process start → first 200 (baseline) | {bareMedian:F0} ms | {All(bare)} | 1.00× |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| bare ASP.NET Core app, CPU time to first 200 (baseline) | {bareCpuMedian:F0} ms | {All(bareCpu)} | 1.00× |");
        foreach (var build in workers.GroupBy(w => w.Build))
        {
            var w = build.Select(x => x.WorkerMs).ToArray();
            var d = build.Select(x => x.DevHostMs).ToArray();
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), worker process start → first storage answer | {Child.Median(w):F0} ms | {All(w)} | **{Child.Median(w) / bareMedian:F2}×** |");
            var r = build.Select(x => x.ReadyMs).ToArray();
            var o = build.Select(x => x.OwnMs).ToArray();
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), its own share (to \"functions loaded\" + front door open → answer) | {Child.Median(o):F0} ms | {All(o)} | **{Child.Median(o) / bareMedian:F2}×** |");
            var c = build.Select(x => x.CpuMs).ToArray();
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), CPU time to first storage answer (against the bare app's CPU time) | {Child.Median(c):F0} ms | {All(c)} | {Child.Median(c) / bareCpuMedian:F2}× |");
            var f = build.Select(x => x.DoorMs - x.ReadyMs).ToArray();
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), \"functions loaded\" → DevHost's front door open (DevHost's) | {Child.Median(f):F0} ms | {All(f)} | |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), worker process start → \"functions loaded\" | {Child.Median(r):F0} ms | {All(r)} | {Child.Median(r) / bareMedian:F2}× |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), DevHost start → first storage answer | {Child.Median(d):F0} ms | {All(d)} | {Child.Median(d) / bareMedian:F2}× |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| worker ({build.Key}), peak memory (VmHWM) | {Child.Median(build.Select(x => x.WorkerMb)):F0} MB | | |");
        }
        report.AppendLine();
    }

    private static async Task<BareSample> BareAsync(HttpClient http)
    {
        var port = Child.FreePort();
        var clock = Stopwatch.StartNew();
        using var bare = Child.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "ParServerless.Bench.Pipeline.dll"), "--bare-server",
            port.ToString(CultureInfo.InvariantCulture)]);
        await Child.Until(() => Child.Answers200(http, $"http://127.0.0.1:{port}/api/health"), "the bare app", TimeSpan.FromMinutes(3), delayMs: 20);
        var ms = clock.Elapsed.TotalMilliseconds;
        var cpuMs = CpuMs(bare.Id);
        Child.Stop(bare);
        return new BareSample(ms, cpuMs);
    }

    /// <summary>CPU time a process has used so far, user + system, in ms (fields 14 and 15 of /proc/&lt;pid&gt;/stat, 10 ms ticks).</summary>
    private static double CpuMs(int pid)
    {
        var fields = StatFields(pid);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    /// <summary>Start time of a process in clock ticks since boot (field 22 of /proc/&lt;pid&gt;/stat; 100 ticks a second on Linux).</summary>
    private static long StartTicks(int pid) => long.Parse(StatFields(pid)[19], CultureInfo.InvariantCulture);

    /// <summary>The fields of /proc/&lt;pid&gt;/stat from the third (state) on: index i is field i + 3.</summary>
    private static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }
}
