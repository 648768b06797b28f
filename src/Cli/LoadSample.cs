using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ParServerless.Files.Workflow;
using ParServerless.Samples;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Cli;

/// <summary>
/// <c>load-sample</c>: sets up the Thừa Thiên Huế 2021 year on a running pipeline and uploads score files through the API
/// (which writes the blobs the triggers ingest), waits for every ingestion, runs the GenerateDecision timer through the host's
/// admin API, and waits for the publication. Everything it does is idempotent: a second run finds the year published and stops.
/// </summary>
/// <remarks>
/// Files come from a folder laid out as <c>{container}/{blob name}</c> (what <c>sample-uploads</c> writes): agency files
/// (<c>submissions</c>, <c>explanations</c>) go up with the unit's own key, council files with the admin key.
/// </remarks>
internal sealed class LoadSample(HttpClient http, string adminKey, TextWriter output)
{
    private const int Year = HueSample.Year;

    public async Task<int> RunAsync(string folder, CancellationToken cancellationToken)
    {
        await WaitForApiAsync(cancellationToken);
        var year = await SendAsync(HttpMethod.Get, $"/api/admin/years/{Year}", null, cancellationToken, allow404: true);
        if (year is not null && (string?)year["status"] == "Published")
        {
            output.WriteLine($"Năm {Year} đã được công bố trước đó: không có gì thay đổi. / {Year} is already published: nothing changes.");
            return 0;
        }

        output.WriteLine($"Đăng ký bộ tiêu chí, năm {Year} và {HueSample.Units.Count} đơn vị… / Registering the scheme, the year and the units…");
        await SendAsync(HttpMethod.Put, "/api/admin/schemes", new StringContent(SchemeJson.Save(HueSample.Scheme), Encoding.UTF8, "application/json"), cancellationToken);
        await SendAsync(HttpMethod.Put, $"/api/admin/years/{Year}", JsonContent.Create(new
        {
            scheme = new { id = HueSample.Scheme.Ref.Id, version = HueSample.Scheme.Ref.Version },
            decision = HueSample.Decision,
            // 09:00 on the publication day in Vietnam: already past, so the timer publishes at its next run.
            publishAt = new DateTimeOffset(HueSample.PublishedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)),
        }), cancellationToken);
        var units = (await SendAsync(HttpMethod.Put, $"/api/admin/years/{Year}/units", JsonContent.Create(
            HueSample.Units.Select(u => new { code = u.Code, name = u.Name, group = u.GroupCode, ranked = u.Ranked })), cancellationToken))!.AsArray();
        var keys = units.ToDictionary(u => (string)u!["code"]!, u => (string)u!["key"]!);

        var uploads = new List<string>();
        // One folder per container, in workflow order (both appraisal rounds share "appraisals", before the explanations).
        foreach (var step in WorkflowSteps.All.DistinctBy(s => s.Container))
        {
            var (container, kind) = (step.Container, step.UploadKind);
            var dir = Path.Combine(folder, container);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var parts = Path.GetRelativePath(dir, file).Split(Path.DirectorySeparatorChar);
                var name = Uri.EscapeDataString(parts[^1]);
                var (route, key) = (step.Actor, step.Scope) switch
                {
                    (StepActor.Agency, _) => ($"/api/agency/{parts[0]}/{parts[1]}/uploads/{kind}/{name}", keys[parts[1]]),
                    (_, PathScope.Round) => ($"/api/admin/years/{parts[0]}/uploads/{kind}/{name}?round={parts[1]}", adminKey),
                    _ => ($"/api/admin/years/{parts[0]}/uploads/{kind}/{name}", adminKey),
                };
                var accepted = await SendAsync(HttpMethod.Post, route, new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellationToken)), cancellationToken, key: key);
                uploads.Add((string)accepted!["sha256"]!);
                output.WriteLine($"  ↑ {container}/{string.Join('/', parts)}");
            }
        }

        await WaitForIngestionAsync(uploads, cancellationToken);
        output.WriteLine("Chạy hàm GenerateDecision (bộ hẹn giờ) ngay… / Running the GenerateDecision timer now…");
        using (var run = new HttpRequestMessage(HttpMethod.Post, "/admin/functions/GenerateDecision") { Content = new StringContent("{}", Encoding.UTF8, "application/json") })
        using (var response = await http.SendAsync(run, cancellationToken))
            if (response.StatusCode != HttpStatusCode.Accepted)
                throw new InvalidOperationException($"The host refused to run GenerateDecision: {(int)response.StatusCode}");
        await Until(async () =>
        {
            using var r = await http.GetAsync($"/api/public/years/{Year}", cancellationToken);
            return r.IsSuccessStatusCode;
        }, "the publication", cancellationToken);
        output.WriteLine($"Đã công bố kết quả năm {Year}. / {Year} is published.");
        return 0;
    }

    private async Task WaitForIngestionAsync(List<string> uploads, CancellationToken cancellationToken)
    {
        var pending = uploads.ToHashSet(StringComparer.Ordinal);
        var last = -1;
        await Until(async () =>
        {
            var rows = (await SendAsync(HttpMethod.Get, $"/api/admin/years/{Year}/uploads", null, cancellationToken))!.AsArray();
            var done = rows.Where(r => pending.Contains((string)r!["sha256"]!)).ToList();
            var rejected = done.Where(r => (string?)r!["outcome"] != "Accepted").Select(r => (string)r!["blobName"]!).ToList();
            if (rejected.Count > 0)
                throw new InvalidOperationException($"Sample files were rejected: {string.Join(", ", rejected)}");
            var count = done.Select(r => (string)r!["sha256"]!).Distinct().Count();
            if (count != last) output.WriteLine($"  tiếp nhận / ingested {count}/{pending.Count}");
            last = count;
            return count == pending.Count;
        }, "every upload to be ingested", cancellationToken);
    }

    private async Task WaitForApiAsync(CancellationToken cancellationToken) => await Until(async () =>
    {
        try
        {
            using var r = await http.GetAsync("/api/health", cancellationToken);
            return r.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }, "the API", cancellationToken);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string route, HttpContent? content, CancellationToken cancellationToken, bool allow404 = false, string? key = null)
    {
        using var request = new HttpRequestMessage(method, route) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? adminKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (allow404 && response.StatusCode == HttpStatusCode.NotFound) return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {route}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static async Task Until(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(10)) throw new TimeoutException($"gave up waiting for {what}");
            await Task.Delay(500, cancellationToken);
        }
    }
}
