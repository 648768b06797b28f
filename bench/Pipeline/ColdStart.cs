using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ParServerless.Bench.Pipeline;

/// <summary>
/// Cold start, process start → first function ready, alternating runs: (a) DevHost + worker until DevHost's "ready … functions
/// loaded" line and until the first <c>GET /api/health</c> answers 200 through its front door; (b) the bare app
/// (<see cref="BareServer"/>, <c>dotnet &lt;this dll&gt; --bare-server</c>) until its first 200. Peak memory (VmHWM) is read
/// right after the first 200.
/// </summary>
internal static class ColdStart
{
    public sealed record Run(double ReadyMs, double HealthMs, double WorkerMb, double DevHostMb, double BareMs, double BareMb, int Functions);

    public static async Task<IReadOnlyList<Run>> MeasureAsync(string root, string storage, int runs)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var results = new List<Run>();
        for (var i = 0; i < runs; i++)
        {
            WorkerHost host;
            using (var devHost = DevHostProcess.Start(root, storage, $"parcold{i}{Guid.NewGuid():N}"[..20]))
            {
                var url = $"{devHost.BaseAddress}/api/health";
                await Child.Until(() => Child.Answers200(http, url), "DevHost's /api/health", TimeSpan.FromMinutes(3), delayMs: 20);
                var healthAt = devHost.Clock.Elapsed;
                var ready = await devHost.Ready.WaitAsync(TimeSpan.FromSeconds(30));
                host = new WorkerHost(ready.At.TotalMilliseconds, healthAt.TotalMilliseconds, Child.PeakMegabytes(ready.WorkerPid) ?? double.NaN,
                    Child.PeakMegabytes(devHost.Process.Id) ?? double.NaN, ready.Functions);
            }

            var port = Child.FreePort();
            var clock = Stopwatch.StartNew();
            using var bare = Child.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "ParServerless.Bench.Pipeline.dll"), "--bare-server",
                port.ToString(CultureInfo.InvariantCulture)]);
            await Child.Until(() => Child.Answers200(http, $"http://127.0.0.1:{port}/api/health"), "the bare app", TimeSpan.FromMinutes(3), delayMs: 20);
            var bareMs = clock.Elapsed.TotalMilliseconds;
            var bareMb = Child.PeakMegabytes(bare.Id) ?? double.NaN;
            Child.Stop(bare);
            var run = new Run(host.ReadyMs, host.HealthMs, host.WorkerMb, host.DevHostMb, bareMs, bareMb, host.Functions);
            Console.WriteLine($"cold start {i + 1}: ready {run.ReadyMs:F0} ms, health 200 {run.HealthMs:F0} ms, worker {run.WorkerMb:F0} MB, " +
                $"DevHost {run.DevHostMb:F0} MB; bare {run.BareMs:F0} ms, {run.BareMb:F0} MB");
            results.Add(run);
        }

        return results;
    }

    public static void Report(StringBuilder report, IReadOnlyList<Run> runs)
    {
        double M(Func<Run, double> f) => Child.Median(runs.Select(f));
        string All(Func<Run, double> f) => string.Join(", ", runs.Select(r => f(r).ToString("F0", CultureInfo.InvariantCulture)));
        report.AppendLine(CultureInfo.InvariantCulture, $"Cold start, process start → first function ready, median of {runs.Count} alternating runs ({runs[0].Functions} functions loaded):");
        report.AppendLine();
        report.AppendLine("| Measure | Median | Runs | Ratio to bare |");
        report.AppendLine("|---|---:|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| bare ASP.NET Core app (`dotnet <dll>`), first 200 (baseline) | {M(r => r.BareMs):F0} ms | {All(r => r.BareMs)} | 1.00× |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| DevHost + worker, \"ready … functions loaded\" | {M(r => r.ReadyMs):F0} ms | {All(r => r.ReadyMs)} | {M(r => r.ReadyMs) / M(r => r.BareMs):F2}× |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| DevHost + worker, first `GET /api/health` 200 | {M(r => r.HealthMs):F0} ms | {All(r => r.HealthMs)} | {M(r => r.HealthMs) / M(r => r.BareMs):F2}× |");
        report.AppendLine();
        report.AppendLine("| Peak memory (VmHWM) after the first 200 | Median | Runs | Ratio to bare |");
        report.AppendLine("|---|---:|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| bare app (baseline) | {M(r => r.BareMb):F0} MB | {All(r => r.BareMb)} | 1.00× |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| worker process (`ParServerless.Functions.dll`) | {M(r => r.WorkerMb):F0} MB | {All(r => r.WorkerMb)} | {M(r => r.WorkerMb) / M(r => r.BareMb):F2}× |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| DevHost process (local only; Azure runs its own host) | {M(r => r.DevHostMb):F0} MB | {All(r => r.DevHostMb)} | {M(r => r.DevHostMb) / M(r => r.BareMb):F2}× |");
        report.AppendLine();
    }

    private sealed record WorkerHost(double ReadyMs, double HealthMs, double WorkerMb, double DevHostMb, int Functions);
}
