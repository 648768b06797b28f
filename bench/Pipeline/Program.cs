using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ParServerless.Files;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;
using ParServerless.Testing.Azurite;

// End-to-end pipeline benchmark (bench/pipeline.sh runs it in Release):
// 1. ingest N submissions through blob triggers (DevHost polling Azurite → handler) and measure throughput and
//    upload-to-queryable latency; measure in the same run the raw storage operations the same work needs (blob read +
//    the table transactions of its marks and status) and report the ratio;
// 2. publish the year and load GET /api/public/years/{year}/results with wrk, against a bare Kestrel endpoint returning
//    the same bytes.
var units = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var root = FindRoot();
var output = Path.Combine(root, "bench", "artifacts", "pipeline.md");
const string AdminKey = "bench-admin-key";
const int Year = 2025;

await using var azurite = await AzuriteInstance.StartInMemoryAsync();
var storage = azurite.ConnectionString;
var handlerPort = FreePort();
var hostPort = FreePort();
var settingsFile = Path.Combine(Path.GetTempPath(), $"parbench-{Guid.NewGuid():N}.json");
var settings = new Dictionary<string, string>
{
    ["AzureWebJobsStorage"] = storage,
    ["DECISION_SCHEDULE"] = "0 0 2 15 1 *",
    ["PAR_ADMIN_KEY"] = AdminKey,
    ["PAR_AGENCY_KEY_SECRET"] = "bench-agency-secret",
    ["Logging__LogLevel__Default"] = "Warning",
};
await File.WriteAllTextAsync(settingsFile, new JsonObject { ["Values"] = new JsonObject(settings.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))) }.ToJsonString());

using var handler = Start("dotnet", [Path.Combine(root, "src/Functions/bin/Release/net10.0/ParServerless.Functions.dll")],
    new Dictionary<string, string>(settings) { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = handlerPort.ToString(CultureInfo.InvariantCulture) });
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{handlerPort}"), Timeout = TimeSpan.FromMinutes(15) };
await Until(async () => { try { return (await http.GetAsync("/")).IsSuccessStatusCode; } catch (HttpRequestException) { return false; } }, "the handler");
using var host = Start("dotnet", [Path.Combine(root, "src/DevHost/bin/Release/net10.0/ParServerless.DevHost.dll"), "--script-root", root,
    "--functions-root", Path.Combine(root, "src/Functions"), "--handler-url", $"http://127.0.0.1:{handlerPort}", "--settings", settingsFile,
    "--port", hostPort.ToString(CultureInfo.InvariantCulture), "--poll-interval", "1", "--host-id", "parbench", "--no-inherit-env"], new Dictionary<string, string>());

var scheme = ShippedSchemes.Load(ShippedSchemes.SampleProvince2025);
var unitList = Enumerable.Range(1, units).Select(i => new Unit($"U{i:D4}", $"Đơn vị thử nghiệm {i}", scheme.Groups[i % scheme.Groups.Count].Code)).ToList();
await Admin(HttpMethod.Put, "/api/admin/schemes", new StringContent(SchemeJson.Save(scheme), Encoding.UTF8, "application/json"));
await Admin(HttpMethod.Put, $"/api/admin/years/{Year}", JsonContent.Create(new
{
    scheme = new { id = scheme.Ref.Id, version = scheme.Ref.Version },
    decision = new { province = "Mẫu", place = "Mẫu" },
    publishAt = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.FromHours(7)),
}));
await Admin(HttpMethod.Put, $"/api/admin/years/{Year}/units", JsonContent.Create(unitList.Select(u => new { code = u.Code, name = u.Name, group = u.GroupCode })));
var files = unitList.ToDictionary(u => u.Code, u => TemplateWriter.Write(scheme, Year, u, FileKind.SelfAssessment));
Console.WriteLine($"setup: {units} units, {files.Values.Sum(f => f.Length) / 1024} KB of self-assessment files");

// Raw storage work for the same submissions, in the same run: read each blob and write its marks and status rows in
// transactions of one partition, 4 at a time (the host's blobs.maxDegreeOfParallelism). It runs on a fresh Azurite of its
// own, as the pipeline does on its own: Azurite slows as it fills, so sharing one instance would favour whichever runs first.
var rawAzurite = await AzuriteInstance.StartInMemoryAsync();
var rawFiles = new BlobContainerClient(rawAzurite.ConnectionString, "rawbench");
await rawFiles.CreateIfNotExistsAsync();
await Parallel.ForEachAsync(unitList, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (u, ct) =>
    await rawFiles.GetBlobClient($"{Year}/{u.Code}/tu-danh-gia.xlsx").UploadAsync(new BinaryData(files[u.Code]), overwrite: true, ct));
var leaves = scheme.Leaves.Count;
var raw = new TableClient(rawAzurite.ConnectionString, "BenchRaw");
await raw.CreateIfNotExistsAsync();
async Task<double> RawAsync(string run)
{
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(unitList, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (u, ct) =>
    {
        var content = (await rawFiles.GetBlobClient($"{Year}/{u.Code}/tu-danh-gia.xlsx").DownloadContentAsync(ct)).Value.Content;
        var pk = $"{run}|{Year}|{u.Code}";
        var marks = Enumerable.Range(0, leaves).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(pk, $"S1|x|L|{i:D4}") { ["Criterion"] = "1.1", ["Points"] = "1.5", ["Note"] = null })).ToList();
        foreach (var chunk in marks.Chunk(100)) await raw.SubmitTransactionAsync(chunk, ct);
        await raw.UpsertEntityAsync(new TableEntity(pk, "S1|head") { ["Sha256"] = content.Length.ToString(CultureInfo.InvariantCulture) }, cancellationToken: ct);
        await raw.UpsertEntityAsync(new TableEntity($"{run}|{Year}", u.Code) { ["Outcome"] = "Accepted" }, cancellationToken: ct);
    });
    return watch.Elapsed.TotalSeconds;
}
var rawSeconds = await RawAsync("raw");
Console.WriteLine($"raw storage: {rawSeconds:F1} s");
await rawAzurite.DisposeAsync();

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
await Until(async () =>
{
    rows = [];
    await foreach (var e in uploadsTable.QueryAsync<TableEntity>(x => x.PartitionKey == Year.ToString(CultureInfo.InvariantCulture))) rows.Add(e);
    return rows.Count >= units;
}, "every submission to be ingested", TimeSpan.FromMinutes(30));
var latencies = rows.Select(r => (r.GetDateTimeOffset("IngestedAt")!.Value - uploadedAt[r.GetString("Unit")]).TotalMilliseconds).Order().ToArray();
var pipelineSeconds = (rows.Max(r => r.GetDateTimeOffset("IngestedAt")!.Value) - started).TotalSeconds;
Console.WriteLine($"pipeline: {pipelineSeconds:F1} s, p50 {Percentile(latencies, 50):F0} ms, p95 {Percentile(latencies, 95):F0} ms");


// 2. Publish (the council's round-1 appraisal first: only appraised results are published), then load GET.
foreach (var group in scheme.Groups)
{
    var members = unitList.Where(u => u.GroupCode == group.Code).ToList();
    var appraisal = TemplateWriter.Write(scheme, new TemplateRequest(Year, group.Code, FileKind.Appraisal, members, 1));
    await Admin(HttpMethod.Post, $"/api/admin/years/{Year}/uploads/appraisal/tham-dinh-{group.Code}.xlsx?round=1", new ByteArrayContent(appraisal));
}
await Until(async () =>
{
    var count = 0;
    await foreach (var _ in uploadsTable.QueryAsync<TableEntity>(x => x.PartitionKey == Year.ToString(CultureInfo.InvariantCulture))) count++;
    return count >= units + scheme.Groups.Count;
}, "the appraisals to be ingested", TimeSpan.FromMinutes(30));
var publishWatch = Stopwatch.StartNew();
await Admin(HttpMethod.Post, $"/api/admin/years/{Year}/publish", null);
var publishSeconds = publishWatch.Elapsed.TotalSeconds;
var route = $"/api/public/years/{Year}/results?group={scheme.Groups[0].Code}";
await Until(async () => (await http.GetAsync(route)).IsSuccessStatusCode, "the published results");
var body = await http.GetByteArrayAsync(route);

var barePort = FreePort();
var bare = WebApplication.CreateSlimBuilder();
bare.Logging.ClearProviders();
bare.WebHost.UseUrls($"http://127.0.0.1:{barePort}");
var bareApp = bare.Build();
bareApp.MapGet("/api/public/years/{year}/results", () => Results.Bytes(body, "application/json"));
await bareApp.StartAsync();

var runs = new List<(string Name, double Rps, double P99)>();
for (var round = 0; round < 2; round++)
{
    var (bareRpsRun, bareP99Run) = Wrk($"http://127.0.0.1:{barePort}{route}");
    runs.Add(("bare", bareRpsRun, bareP99Run));
    var (appRpsRun, appP99Run) = Wrk($"http://127.0.0.1:{handlerPort}{route}");
    runs.Add(("handler", appRpsRun, appP99Run));
}
await bareApp.StopAsync();
double Median(IEnumerable<double> v) { var a = v.Order().ToArray(); return a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2; }
var bareRps = Median(runs.Where(r => r.Name == "bare").Select(r => r.Rps));
var appRps = Median(runs.Where(r => r.Name == "handler").Select(r => r.Rps));
var bareP99 = Median(runs.Where(r => r.Name == "bare").Select(r => r.P99));
var appP99 = Median(runs.Where(r => r.Name == "handler").Select(r => r.P99));

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {units} submissions of {leaves} leaves ({files.Values.Average(f => f.Length) / 1024:F1} KB xlsx each).");
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
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"GET `{route}` ({body.Length / 1024} KB), wrk -t2 -c16 -d10s, median of 2 alternating rounds:");
report.AppendLine();
report.AppendLine("| Endpoint | Requests/s | p99 |");
report.AppendLine("|---|---:|---:|");
report.AppendLine(CultureInfo.InvariantCulture, $"| bare Kestrel, same bytes (baseline) | {bareRps:F0} | {bareP99:F2} ms |");
report.AppendLine(CultureInfo.InvariantCulture, $"| handler | {appRps:F0} | {appP99:F2} ms |");
report.AppendLine(CultureInfo.InvariantCulture, $"| **ratio handler / bare** | **{bareRps / appRps:F2}× (throughput)** | **{appP99 / bareP99:F2}× (p99)** |");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine(report);
File.Delete(settingsFile);
Stop(host);
Stop(handler);
return 0;

async Task Admin(HttpMethod method, string path, HttpContent? content)
{
    using var request = new HttpRequestMessage(method, path) { Content = content };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    using var response = await http.SendAsync(request);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}

static (double Rps, double P99) Wrk(string url)
{
    using var p = Process.Start(new ProcessStartInfo("wrk", ["-t2", "-c16", "-d10s", "--latency", url]) { RedirectStandardOutput = true })!;
    var text = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    var rps = double.Parse(Regex.Match(text, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
    var m = Regex.Match(text, @"99%\s+([\d.]+)(us|ms|s)");
    var p99 = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * m.Groups[2].Value switch { "us" => 0.001, "s" => 1000, _ => 1 };
    return (rps, p99);
}

static double Percentile(double[] sorted, int p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];

static Process Start(string file, IEnumerable<string> arguments, IDictionary<string, string> environment)
{
    var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var (k, v) in environment) info.Environment[k] = v;
    info.Environment["TZ"] = "UTC";
    var p = Process.Start(info)!;
    p.OutputDataReceived += (_, _) => { };
    p.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine(line); };
    p.BeginOutputReadLine();
    p.BeginErrorReadLine();
    return p;
}

static void Stop(Process p)
{
    if (!p.HasExited) p.Kill(entireProcessTree: true);
}

static int FreePort()
{
    using var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    return ((IPEndPoint)l.LocalEndpoint).Port;
}

static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
{
    var watch = Stopwatch.StartNew();
    while (!await condition())
    {
        if (watch.Elapsed > (timeout ?? TimeSpan.FromMinutes(2))) throw new TimeoutException($"gave up waiting for {what}");
        await Task.Delay(250);
    }
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ParServerless.sln"))) return dir.FullName;
    throw new InvalidOperationException("ParServerless.sln not found");
}
