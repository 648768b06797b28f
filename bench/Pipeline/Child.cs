using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ParServerless.Bench.Pipeline;

/// <summary>Child processes of the benchmark and what it reads of them: output lines, peak memory, free ports.</summary>
internal static class Child
{
    public static Process Start(string file, IEnumerable<string> arguments, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["TZ"] = "UTC";
        var p = Process.Start(info)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is { } line) onLine?.Invoke(line); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine(line); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Kills the process and its children (DevHost's worker) and waits for them.</summary>
    public static void Stop(Process p)
    {
        if (!p.HasExited) p.Kill(entireProcessTree: true);
        p.WaitForExit(10_000);
    }

    /// <summary>Peak resident set size (VmHWM) in MB, from /proc/&lt;pid&gt;/status; null when the process is gone.</summary>
    public static double? PeakMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line[6..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, int delayMs = 250)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > (timeout ?? TimeSpan.FromMinutes(2))) throw new TimeoutException($"gave up waiting for {what}");
            await Task.Delay(delayMs);
        }
    }

    /// <summary>True once <paramref name="url"/> answers 200; connection failures are false (not started yet).</summary>
    public static async Task<bool> Answers200(HttpClient http, string url)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    public static double Median(IEnumerable<double> values)
    {
        var a = values.Order().ToArray();
        return a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2;
    }

    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ParServerless.sln"))) return dir.FullName;
        throw new InvalidOperationException("ParServerless.sln not found");
    }
}
