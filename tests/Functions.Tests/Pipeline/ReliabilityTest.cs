using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ParServerless.Files;
using ParServerless.Testing;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>
/// The reliability suite: a generated corpus of hostile files (classes of issue 10 plus random structural mutations of valid
/// files), each sent three ways (dry run, API upload, direct blob). Counted: 0 server errors (crashes), 0 requests over 30 s
/// (hangs, as a cancelled request), 0 poison messages, 0 lost uploads, and the dry run, the upload and the direct blob agree.
/// </summary>
public sealed class ReliabilityTest(ITestOutputHelper output) : IAsyncLifetime
{
    private Support.Pipeline _p = null!;

    public async Task InitializeAsync()
    {
        _p = await Support.Pipeline.StartAsync(new TestLogging(output));
        await _p.SetUpHueAsync();
    }

    public async Task DisposeAsync() => await _p.DisposeAsync();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Totals of the valid files the corpus starts from: every file derived from one names it as its original.</summary>
    private const decimal CsvTotal = 55m, XlsxTotal = 56m, JsonTotal = 57m;

    /// <summary>The corpus: (name, bytes, the total of the valid file it derives from, if any), deterministic for a seed.</summary>
    /// <remarks>
    /// Mutations of the text formats never touch a digit or a byte next to one: a digit changed, added or removed, or a separator
    /// put between digits, is an honest edit no reader can tell from the agency's own (docs/FILES.md, section 1), so an accepted
    /// file must otherwise carry exactly its original's marks. An xlsx is mutated anywhere: its entries are compressed and
    /// checksummed.
    /// </remarks>
    internal static List<(string Name, byte[] Bytes, decimal? Original)> Corpus(int seed, int mutations)
    {
        var csv = UploadIntegrityTest.Filled(CsvTotal);
        var xlsx = UploadIntegrityTest.Filled(XlsxTotal, FileFormat.Xlsx);
        var json = UploadIntegrityTest.Filled(JsonTotal, FileFormat.Json);
        var random = new Random(seed);
        byte[] Noise(int n) { var b = new byte[n]; random.NextBytes(b); return b; }
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            using (var entry = new StreamWriter(archive.CreateEntry("hello.txt").Open())) entry.Write("not a workbook");
        var hostile = new List<(string, byte[])>
        {
            ("noise.xlsx", Noise(2048)), ("noise.csv", Noise(2048)), ("noise.json", Noise(2048)),
            ("not-zip.xlsx", Utf8("tieu_chi,diem\n1.1,1\n")), ("other-zip.xlsx", zip.ToArray()), ("truncated.xlsx", xlsx[..(xlsx.Length / 2)]),
            ("cr-only.csv", Utf8(Encoding.UTF8.GetString(csv).Replace("\r\n", "\r", StringComparison.Ordinal).Replace('\n', '\r'))),
            ("decimal-comma.csv", Utf8(Encoding.UTF8.GetString(csv).Replace(".5,", ",5,", StringComparison.Ordinal))),
            ("underflow.json", Utf8("{\"marks\":[{\"criterion\":\"1.1\",\"points\":1e-400}]}")),
            ("nan.json", Utf8("{\"marks\":[{\"criterion\":\"1.1\",\"points\":NaN}]}")),
            ("duplicate-keys.json", Utf8("{\"year\":2021,\"year\":2022}")),
            ("comment.json", Utf8("// comment\n{}")),
            ("deep.json", Utf8(new string('[', 100_000) + new string(']', 100_000))),
            ("wide.csv", Utf8(string.Join(',', Enumerable.Repeat("1", 500_000)))),
            ("many-rows.csv", Utf8(string.Concat(Enumerable.Repeat("9.9.9,1,x,\n", 200_000)))),
            ("nul.csv", [0, 0, 0, 0]),
        };
        var corpus = new List<(string Name, byte[] Bytes, decimal? Original)> { ("valid.csv", csv, CsvTotal), ("valid.xlsx", xlsx, XlsxTotal), ("valid.json", json, JsonTotal) };
        // Files made from a valid one name it: if one is accepted after all, it must carry exactly that file's marks.
        var derived = new Dictionary<string, decimal> { ["truncated.xlsx"] = XlsxTotal, ["cr-only.csv"] = CsvTotal, ["decimal-comma.csv"] = CsvTotal };
        corpus.AddRange(hostile.Select(h => (h.Item1, h.Item2, derived.TryGetValue(h.Item1, out var t) ? t : (decimal?)null)));
        var valid = new[] { ("csv", csv, CsvTotal), ("xlsx", xlsx, XlsxTotal), ("json", json, JsonTotal) };
        for (var i = 0; i < mutations; i++)
        {
            var (ext, source, total) = valid[random.Next(valid.Length)];
            var bytes = source.ToList();
            var (operation, length) = (random.Next(4), random.Next(1, 200));
            int position;
            do position = random.Next(bytes.Count);
            while (ext != "xlsx" && NearADigit(source, position, operation is 1 or 3 ? length : 0));
            switch (operation)
            {
                case 0: bytes[position] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.RemoveRange(position, Math.Min(bytes.Count - position, length)); break;
                case 2: bytes.InsertRange(position, "\",;\r\n\0\u00ff"u8.ToArray().Skip(random.Next(7)).Take(1)); break;
                default: bytes.InsertRange(position, bytes.Skip(position).Take(length).ToList()); break;
            }
            corpus.Add(($"mutant-{i:D2}.{ext}", bytes.ToArray(), total));
        }
        return corpus;
    }

    /// <summary>Whether bytes [position - 1, position + length] hold an ASCII digit: a change there may be an honest edit of a number.</summary>
    private static bool NearADigit(byte[] bytes, int position, int length)
    {
        for (var i = Math.Max(0, position - 1); i <= Math.Min(bytes.Length - 1, position + length); i++)
            if (bytes[i] is >= (byte)'0' and <= (byte)'9') return true;
        return false;
    }

    /// <summary>The self-assessment points of SO-TP in a valid file of the given total, by criterion.</summary>
    private static Dictionary<string, decimal?> OriginalMarks(decimal total) =>
        ParServerless.Samples.SampleMarks.Generate(ParServerless.Samples.HueSample.Scheme,
                ParServerless.Samples.HueSample.Units.Single(u => u.Code == "SO-TP"), 2021, total)
            .Single(m => m.Source == ParServerless.Scoring.Marks.MarkSource.SelfAssessment).Leaves
            .ToDictionary(l => l.Criterion.Value, l => l.Points);

    /// <summary>The points an upload recorded (its own rows in table Marks, whether or not it is current), by criterion.</summary>
    private async Task<Dictionary<string, decimal?>> RecordedMarksAsync(string sha)
    {
        var table = new Azure.Data.Tables.TableClient(_p.Storage, "Marks");
        var prefix = $"S1|{sha}|L|";
        var marks = new Dictionary<string, decimal?>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(
                           Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"2021|SO-TP"} and RowKey ge {prefix} and RowKey lt {prefix + "~"}")))
            marks[row.GetString("Criterion")] = row.GetString("Points") is { Length: > 0 } p ? decimal.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : null;
        return marks;
    }

    /// <summary>Peak resident memory (VmHWM) of a process, in bytes.</summary>
    private static long PeakBytes(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string key, string path, byte[]? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content is null ? null : new ByteArrayContent(content) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        // A hang is a request that has not answered within 30 s: it fails the test as a cancellation, not by a timed assertion.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _p.Http.SendAsync(request, cancel.Token);
        var text = await response.Content.ReadAsStringAsync(cancel.Token);
        Assert.True((int)response.StatusCode < 500, $"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Peak resident memory the worker may gain over the corpus, above its peak before it (issue 10: ≤ 256 MB over a baseline).</summary>
    private const long MaxPeakGrowthBytes = 256L * 1024 * 1024;

    [Fact]
    public async Task HostileCorpus_ThreeWays_NoCrashNoHangNoPoisonNothingLost_NoWrongMarks_BoundedMemory_AndTheWaysAgree()
    {
        var key = await _p.UnitKeyAsync("SO-TP");
        // This pipeline's own worker: other test classes run pipelines of their own at the same time (one kills its worker).
        var worker = _p.Host.Worker!.Process.ProcessId;
        var peakBefore = PeakBytes(worker);
        var corpus = Corpus(seed: 20261130, mutations: 40);
        corpus.Add(("oversize.csv", new byte[FileLimits.Default.MaxBytes + 1], null));
        var dry = new Dictionary<string, bool>();
        var uploads = new Dictionary<string, (string Status, string Sha)>();
        foreach (var (name, bytes, _) in corpus)
        {
            var (dryStatus, dryBody) = await SendAsync(HttpMethod.Post, key, $"/api/agency/2021/SO-TP/validate/self-assessment/{name}", bytes);
            var (upStatus, upBody) = await SendAsync(HttpMethod.Post, key, $"/api/agency/2021/SO-TP/uploads/self-assessment/{name}", bytes);
            if (upStatus == HttpStatusCode.Accepted)
            {
                Assert.Equal(HttpStatusCode.OK, dryStatus); // the dry run refuses exactly what the upload refuses
                dry[name] = (bool)dryBody!["accepted"]!;
                uploads[name] = ((string)upBody!["status"]!, (string)upBody["sha256"]!);
            }
            else // the same code, and the same texts (an oversize file: the same size, from the declared length)
                Assert.Equal(((int)upStatus, (string?)upBody!["code"], (string?)upBody["en"]), ((int)dryStatus, (string?)dryBody!["code"], (string?)dryBody["en"]));
            await _p.UploadBlobAsync("submissions", $"2021/SO-TP/direct-{name}", bytes);
        }
        await _p.WaitUntilQuietAsync();

        Assert.Equal(0, await _p.PoisonCountAsync());
        var audit = (await _p.UploadsAsync()).Select(r => r!).ToList();
        var lost = new List<string>();
        var disagreements = new List<string>();
        var wrongMarks = new List<string>();
        var accepted = 0;
        foreach (var (name, bytes, original) in corpus)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes.Length > FileLimits.Default.MaxBytes ? bytes[..(int)(FileLimits.Default.MaxBytes + 1)] : bytes));
            var direct = audit.FirstOrDefault(r => (string?)r["blobName"] == $"2021/SO-TP/direct-{name}");
            if (direct is null) { lost.Add($"direct {name}"); continue; }
            Assert.Equal(sha, (string?)direct["sha256"]);
            if ((string?)direct["outcome"] == "Accepted")
            {
                // 0 wrong marks: an accepted file carries exactly the marks of the valid file it derives from, criterion by criterion.
                accepted++;
                var recorded = await RecordedMarksAsync(sha);
                if (original is not { } total) wrongMarks.Add($"{name}: accepted, but it derives from no valid file");
                else if (!recorded.OrderBy(m => m.Key).SequenceEqual(OriginalMarks(total).OrderBy(m => m.Key)))
                    wrongMarks.Add($"{name}: {string.Join(", ", recorded.Where(m => !OriginalMarks(total).TryGetValue(m.Key, out var o) || o != m.Value).Select(m => $"{m.Key}={m.Value}"))}");
            }
            if (!uploads.TryGetValue(name, out var upload)) continue;
            var (status, body) = await SendAsync(HttpMethod.Get, key, upload.Status);
            if (status != HttpStatusCode.OK) { lost.Add($"api {name}"); continue; }
            var outcome = (string?)body!["upload"]!["outcome"];
            if ((outcome == "Accepted") != dry[name] || (string?)direct["outcome"] != outcome)
                disagreements.Add($"{name}: dry run {dry[name]}, api {outcome}, direct {(string?)direct["outcome"]}");
        }
        // 0 crashes: the same worker process served the whole corpus (DevHost would have started another).
        Assert.Equal(worker, _p.Host.Worker!.Process.ProcessId);
        var peakAfter = PeakBytes(worker);
        output.WriteLine($"{corpus.Count} files × 3 ways; {uploads.Count} taken by the API; {accepted} accepted (their marks compared); {audit.Count} audit rows");
        output.WriteLine($"worker peak memory (VmHWM): {peakBefore / 1048576} MB before the corpus, {peakAfter / 1048576} MB after (+{(peakAfter - peakBefore) / 1048576} MB)");
        Assert.Empty(lost);
        Assert.Empty(disagreements);
        Assert.Empty(wrongMarks);
        Assert.True(accepted > 3, $"only {accepted} files were accepted: the marks comparison compared too little"); // mutants of notes or headers are accepted too
        Assert.True(peakAfter - peakBefore <= MaxPeakGrowthBytes, $"the worker's peak grew by {(peakAfter - peakBefore) / 1048576} MB over the corpus");
        // The valid files were accepted all three ways (no wrong refusal), and the refusals of the API are audited too.
        Assert.All(new[] { "valid.csv", "valid.xlsx", "valid.json" }, n => Assert.True(dry[n], n));
        Assert.Contains(audit, r => (string?)r["outcome"] == "Refused" && (string?)r["blobName"] == "oversize.csv");

        // After the corpus, one more valid file through the API is current, and the results count exactly its marks.
        var last = UploadIntegrityTest.Filled(58m);
        var (lastStatus, lastBody) = await SendAsync(HttpMethod.Post, key, "/api/agency/2021/SO-TP/uploads/self-assessment/last.csv", last);
        Assert.Equal(HttpStatusCode.Accepted, lastStatus);
        await _p.WaitUntilQuietAsync();
        var (_, final) = await SendAsync(HttpMethod.Get, key, (string)lastBody!["status"]!);
        Assert.Equal(("Accepted", true), ((string?)final!["upload"]!["outcome"], (bool)final["current"]!));
        var expected = OriginalMarks(58m).Values.Sum(p => p ?? 0m);
        var results = await _p.AdminJsonAsync(HttpMethod.Get, "/api/admin/years/2021/results");
        var unit = results["groups"]!.AsArray().SelectMany(g => g!["units"]!.AsArray()).Single(u => (string?)u!["unit"] == "SO-TP")!;
        Assert.Equal(expected, (decimal)unit["selfTotal"]!["value"]!);
    }
}
