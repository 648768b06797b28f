using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ParServerless.Files;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;
using ParServerless.Testing.Azurite;

namespace ParServerless.Bench.Pipeline;

/// <summary>
/// The benchmark: 0. cold start (<see cref="ColdStart"/>); 1. ingest N submissions through blob triggers (DevHost polling Azurite →
/// the isolated worker) against the raw storage work the same submissions need, measured in the same run; 2. publish the year and
/// load <c>GET /api/public/years/{year}/results</c> with wrk through DevHost's front door, against a bare Kestrel endpoint returning
/// the same bytes. Writes bench/artifacts/pipeline.md.
/// </summary>
internal static class PipelineBench
{
    private const int Year = 2025;

    public static async Task<int> RunAsync(string[] args)
    {
        var units = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 1000;
        var coldRuns = args.SkipWhile(a => a != "--cold-runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(5);
        var root = Child.FindRoot();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average at start {LoadAverage()}.");
        report.AppendLine();

        if (coldRuns > 0 && !args.Contains("--worker-cold-start"))
        {
            await using var coldAzurite = await AzuriteInstance.StartInMemoryAsync();
            ColdStart.Report(report, await ColdStart.MeasureAsync(root, coldAzurite.ConnectionString, coldRuns));
            Console.WriteLine(report);
        }

        // --worker-cold-start label=dir[;NAME=VALUE…] (repeatable): the worker's cold start to a storage-backed answer, per build
        // of it, with app settings of its own.
        var builds = args.Select((a, i) => (a, i)).Where(x => x.a == "--worker-cold-start" && x.i + 1 < args.Length)
            .Select(x => WorkerColdStart.Build.Parse(args[x.i + 1])).ToArray();
        if (builds.Length > 0)
        {
            await using var azurite = await AzuriteInstance.StartInMemoryAsync();
            var (workers, bare) = await WorkerColdStart.MeasureAsync(root, azurite.ConnectionString, Math.Max(coldRuns, 1), builds);
            WorkerColdStart.Report(report, workers, bare);
            Console.WriteLine(report);
        }

        if (!args.Contains("--no-pipeline")) await PipelineAsync(root, units, report);
        var output = Path.Combine(root, "bench", "artifacts", "pipeline.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, report.ToString());
        // Without the pipeline part the cold-start report above was the whole report, already printed.
        if (!args.Contains("--no-pipeline")) Console.WriteLine(report);
        return 0;
    }

    private static async Task PipelineAsync(string root, int units, StringBuilder report)
    {
        await using var azurite = await AzuriteInstance.StartInMemoryAsync();
        var storage = azurite.ConnectionString;
        using var host = DevHostProcess.Start(root, storage, "parbench");
        var worker = await host.Ready.WaitAsync(TimeSpan.FromMinutes(3));
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseAddress), Timeout = TimeSpan.FromMinutes(15) };
        await Child.Until(() => Child.Answers200(http, "/api/health"), "DevHost's front door");

        var scheme = ShippedSchemes.Load(ShippedSchemes.SampleProvince2025);
        var unitList = Enumerable.Range(1, units).Select(i => new Unit($"U{i:D4}", $"Đơn vị thử nghiệm {i}", scheme.Groups[i % scheme.Groups.Count].Code)).ToList();
        await Admin(http, HttpMethod.Put, "/api/admin/schemes", new StringContent(SchemeJson.Save(scheme), Encoding.UTF8, "application/json"));
        await Admin(http, HttpMethod.Put, $"/api/admin/years/{Year}", JsonContent.Create(new
        {
            scheme = new { id = scheme.Ref.Id, version = scheme.Ref.Version },
            // Complete settings (a Decision with a missing one is refused publication), with the sample province's texts.
            // The 2025 national decision's date is not known to the defaults, so the synthetic province gives a sample one:
            // only the timings matter here, and publication refuses a Decision with any setting missing.
            decision = ParServerless.Samples.HueSample.Decision with
            {
                Province = "Mẫu",
                Place = "Mẫu",
                Date = new DateOnly(2026, 1, 15),
                NationalScheme = new ParServerless.Scoring.Decisions.LegalReference { Number = "1187", Date = new DateOnly(2025, 1, 2) },
            },
            publishAt = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.FromHours(7)),
        }));
        await Admin(http, HttpMethod.Put, $"/api/admin/years/{Year}/units", JsonContent.Create(unitList.Select(u => new { code = u.Code, name = u.Name, group = u.GroupCode })));
        var files = unitList.ToDictionary(u => u.Code, u => TemplateWriter.Write(scheme, Year, u, FileKind.SelfAssessment));
        Console.WriteLine($"setup: {units} units, {files.Values.Sum(f => f.Length) / 1024} KB of self-assessment files");

        var leaves = scheme.Leaves.Count;
        var rawSeconds = await RawStorage.MeasureAsync(unitList, files, Year, leaves);
        Console.WriteLine($"raw storage: {rawSeconds:F1} s");

        // 1. Pipeline: upload every file as an agency would (8 at a time), then wait until every status row exists.
        var submissions = new BlobContainerClient(storage, "submissions");
        await submissions.CreateIfNotExistsAsync();
        var uploadedAt = new ConcurrentDictionary<string, DateTimeOffset>();
        var started = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(unitList, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (u, ct) =>
        {
            await submissions.GetBlobClient($"{Year}/{u.Code}/tu-danh-gia.xlsx").UploadAsync(new BinaryData(files[u.Code]), overwrite: true, ct);
            uploadedAt[u.Code] = DateTimeOffset.UtcNow;
        });
        var uploadsTable = new TableClient(storage, "Uploads");
        var rows = new List<TableEntity>();
        await Child.Until(async () =>
        {
            rows = [];
            await foreach (var e in uploadsTable.QueryAsync<TableEntity>(x => x.PartitionKey == Year.ToString(CultureInfo.InvariantCulture))) rows.Add(e);
            return rows.Count >= units;
        }, "every submission to be ingested", TimeSpan.FromMinutes(30));
        var latencies = rows.Select(r => (r.GetDateTimeOffset("IngestedAt")!.Value - uploadedAt[r.GetString("Unit")]).TotalMilliseconds).Order().ToArray();
        var pipelineSeconds = (rows.Max(r => r.GetDateTimeOffset("IngestedAt")!.Value) - started).TotalSeconds;
        var accepted = rows.Count(r => r.GetString("Outcome") == "Accepted");
        Console.WriteLine($"pipeline: {pipelineSeconds:F1} s, p50 {Percentile(latencies, 50):F0} ms, p95 {Percentile(latencies, 95):F0} ms, {accepted} accepted");
        var workerAfterIngest = Child.PeakMegabytes(worker.WorkerPid);

        // 2. Publish (the council's round-1 appraisal first: only appraised results are published), then load GET.
        foreach (var group in scheme.Groups)
        {
            var members = unitList.Where(u => u.GroupCode == group.Code).ToList();
            var appraisal = TemplateWriter.Write(scheme, new TemplateRequest(Year, group.Code, FileKind.Appraisal, members, 1));
            await Admin(http, HttpMethod.Post, $"/api/admin/years/{Year}/uploads/appraisal/tham-dinh-{group.Code}.xlsx?round=1", new ByteArrayContent(appraisal));
        }
        await Child.Until(async () =>
        {
            var count = 0;
            await foreach (var _ in uploadsTable.QueryAsync<TableEntity>(x => x.PartitionKey == Year.ToString(CultureInfo.InvariantCulture))) count++;
            return count >= units + scheme.Groups.Count;
        }, "the appraisals to be ingested", TimeSpan.FromMinutes(30));
        var publishWatch = Stopwatch.StartNew();
        await Admin(http, HttpMethod.Post, $"/api/admin/years/{Year}/publish", null);
        var publishSeconds = publishWatch.Elapsed.TotalSeconds;
        Console.WriteLine($"publish: {publishSeconds:F1} s");
        var route = $"/api/public/years/{Year}/results?group={scheme.Groups[0].Code}";
        await Child.Until(async () => (await http.GetAsync(route)).IsSuccessStatusCode, "the published results");
        var body = await http.GetByteArrayAsync(route);
        var direct = await GetLoad.ProbeWorkerAsync(worker.HttpUri, route);
        Console.WriteLine($"worker's own HTTP port, GET without the host: {direct}");
        var get = await GetLoad.MeasureAsync(body, "application/json", $"{host.BaseAddress}{route}");
        // The same through a function that does nothing: what the host hop and the invocation cost per request, whatever the body.
        using var healthResponse = await http.GetAsync("/api/health");
        var healthBody = await healthResponse.Content.ReadAsByteArrayAsync();
        var health = await GetLoad.MeasureAsync(healthBody, healthResponse.Content.Headers.ContentType?.ToString() ?? "text/plain", $"{host.BaseAddress}/api/health");
        var workerPeak = Child.PeakMegabytes(worker.WorkerPid);
        var devHostPeak = Child.PeakMegabytes(host.Process.Id);

        report.AppendLine(CultureInfo.InvariantCulture, $"Pipeline: {units} submissions of {leaves} leaves ({files.Values.Average(f => f.Length) / 1024:F1} KB xlsx each), {accepted} accepted.");
        report.AppendLine();
        report.AppendLine("| Ingestion | Value |");
        report.AppendLine("|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| pipeline wall time (first upload → last status row) | {pipelineSeconds:F1} s |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| throughput | {units / pipelineSeconds:F1} submissions/s |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| upload → queryable, p50 | {Percentile(latencies, 50):F0} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| upload → queryable, p95 | {Percentile(latencies, 95):F0} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| raw storage operations for the same work (blob read + table transactions), on a fresh Azurite | {rawSeconds:F1} s |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| **ratio pipeline / raw** | **{pipelineSeconds / rawSeconds:F2}×** |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| publish (Decision + {units} result sheets) | {publishSeconds:F1} s |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| worker peak memory (VmHWM) after ingestion / after publish and GET load | {workerAfterIngest:F0} MB / {workerPeak:F0} MB |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| DevHost peak memory (VmHWM) at the end | {devHostPeak:F0} MB |");
        report.AppendLine();
        GetLoad.Report(report, get, route, body.Length);
        GetLoad.Report(report, health, "/api/health", healthBody.Length);
        report.AppendLine(CultureInfo.InvariantCulture, $"Worker's own HTTP port without the host: {direct}.");
    }

    private static async Task Admin(HttpClient http, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevHostProcess.AdminKey);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static double Percentile(double[] sorted, int p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
