using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ParServerless.Bench.Pipeline;

/// <summary>
/// GET of the published results with wrk (-t2 -c16 -d10s, two alternating rounds, medians): through DevHost's front door (→ worker,
/// as users meet it) against a bare Kestrel endpoint in this process returning the same bytes.
/// </summary>
internal static partial class GetLoad
{
    public sealed record Figures(double BareRps, double BareP99, double HostRps, double HostP99);

    public static async Task<Figures> MeasureAsync(byte[] body, string contentType, string hostUrl)
    {
        var port = Child.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var bare = builder.Build();
        bare.MapGet(new Uri(hostUrl).AbsolutePath, () => Results.Bytes(body, contentType));
        await bare.StartAsync();
        var bareUrl = $"http://127.0.0.1:{port}{new Uri(hostUrl).PathAndQuery}";
        var runs = new List<(string Name, double Rps, double P99)>();
        for (var round = 0; round < 2; round++)
        {
            var (bareRps, bareP99) = Wrk(bareUrl);
            runs.Add(("bare", bareRps, bareP99));
            var (hostRps, hostP99) = Wrk(hostUrl);
            runs.Add(("host", hostRps, hostP99));
            Console.WriteLine($"GET round {round + 1}: bare {bareRps:F0} rps, p99 {bareP99:F2} ms; DevHost → worker {hostRps:F0} rps, p99 {hostP99:F2} ms");
        }
        await bare.StopAsync();
        double M(string name, Func<(string Name, double Rps, double P99), double> f) => Child.Median(runs.Where(r => r.Name == name).Select(f));
        return new Figures(M("bare", r => r.Rps), M("bare", r => r.P99), M("host", r => r.Rps), M("host", r => r.P99));
    }

    /// <summary>
    /// One GET straight to the worker's own HTTP listener (the HttpUri it announced), without the host: the ASP.NET Core integration
    /// pairs every request with an invocation the host sends over gRPC (header x-ms-invocation-id), so without the host it cannot
    /// answer. Returns what happened, for the report.
    /// </summary>
    public static async Task<string> ProbeWorkerAsync(string workerUri, string route)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = $"{workerUri.TrimEnd('/')}{route}";
        async Task<string> Try(bool withId)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (withId) request.Headers.Add("x-ms-invocation-id", Guid.NewGuid().ToString());
            try
            {
                using var response = await http.SendAsync(request);
                return $"{(int)response.StatusCode}";
            }
            catch (TaskCanceledException)
            {
                return "no answer in 5 s";
            }
            catch (HttpRequestException e)
            {
                return e.Message;
            }
        }
        return $"without x-ms-invocation-id: {await Try(false)}; with an invocation id the host never sent: {await Try(true)}";
    }

    public static void Report(StringBuilder report, Figures f, string route, int bytes)
    {
        report.AppendLine(CultureInfo.InvariantCulture, $"GET `{route}` ({bytes:N0} bytes), wrk -t2 -c16 -d10s, median of 2 alternating rounds:");
        report.AppendLine();
        report.AppendLine("| Endpoint | Requests/s | p99 |");
        report.AppendLine("|---|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| bare Kestrel, same bytes (baseline) | {f.BareRps:F0} | {f.BareP99:F2} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| DevHost front door → worker | {f.HostRps:F0} | {f.HostP99:F2} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| **ratio DevHost → worker / bare** | **{f.BareRps / f.HostRps:F2}× (throughput)** | **{f.HostP99 / f.BareP99:F2}× (p99)** |");
        report.AppendLine();
    }

    private static (double Rps, double P99) Wrk(string url)
    {
        using var p = Process.Start(new ProcessStartInfo("wrk", ["-t2", "-c16", "-d10s", "--latency", url]) { RedirectStandardOutput = true })!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var rps = double.Parse(RequestsPerSecond().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var m = P99().Match(text);
        var p99 = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * m.Groups[2].Value switch { "us" => 0.001, "s" => 1000, _ => 1 };
        return (rps, p99);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"99%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex P99();
}
