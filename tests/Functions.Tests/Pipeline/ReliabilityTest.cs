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

    /// <summary>The corpus: (name, bytes), deterministic for a seed.</summary>
    internal static List<(string Name, byte[] Bytes)> Corpus(int seed, int mutations)
    {
        var csv = UploadIntegrityTest.Filled(55m);
        var xlsx = UploadIntegrityTest.Filled(56m, FileFormat.Xlsx);
        var json = UploadIntegrityTest.Filled(57m, FileFormat.Json);
        var random = new Random(seed);
        byte[] Noise(int n) { var b = new byte[n]; random.NextBytes(b); return b; }
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            using (var entry = new StreamWriter(archive.CreateEntry("hello.txt").Open())) entry.Write("not a workbook");
        var corpus = new List<(string, byte[])>
        {
            ("valid.csv", csv), ("valid.xlsx", xlsx), ("valid.json", json),
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
        var valid = new[] { ("csv", csv), ("xlsx", xlsx), ("json", json) };
        for (var i = 0; i < mutations; i++)
        {
            var (ext, source) = valid[random.Next(valid.Length)];
            var bytes = source.ToList();
            var position = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[position] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.RemoveRange(position, Math.Min(bytes.Count - position, random.Next(1, 64))); break;
                case 2: bytes.InsertRange(position, "\",;\r\n\0\u00ff"u8.ToArray().Skip(random.Next(7)).Take(1)); break;
                default: bytes.InsertRange(position, bytes.Skip(position).Take(random.Next(1, 200)).ToList()); break;
            }
            corpus.Add(($"mutant-{i:D2}.{ext}", bytes.ToArray()));
        }
        return corpus;
    }

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

    [Fact]
    public async Task HostileCorpus_ThreeWays_NoCrashNoHangNoPoisonNothingLost_AndTheWaysAgree()
    {
        var key = await _p.UnitKeyAsync("SO-TP");
        var corpus = Corpus(seed: 20261130, mutations: 24);
        corpus.Add(("oversize.csv", new byte[FileLimits.Default.MaxBytes + 1]));
        var dry = new Dictionary<string, bool>();
        var uploads = new Dictionary<string, (string Status, string Sha)>();
        foreach (var (name, bytes) in corpus)
        {
            var (dryStatus, dryBody) = await SendAsync(HttpMethod.Post, key, $"/api/agency/2021/SO-TP/validate/self-assessment/{name}", bytes);
            var (upStatus, upBody) = await SendAsync(HttpMethod.Post, key, $"/api/agency/2021/SO-TP/uploads/self-assessment/{name}", bytes);
            if (upStatus == HttpStatusCode.Accepted)
            {
                Assert.Equal(HttpStatusCode.OK, dryStatus); // the dry run refuses exactly what the upload refuses
                dry[name] = (bool)dryBody!["accepted"]!;
                uploads[name] = ((string)upBody!["status"]!, (string)upBody["sha256"]!);
            }
            else Assert.Equal(((int)upStatus, (string?)upBody!["code"]), ((int)dryStatus, (string?)dryBody!["code"]));
            await _p.UploadBlobAsync("submissions", $"2021/SO-TP/direct-{name}", bytes);
        }
        await _p.WaitUntilQuietAsync();

        Assert.Equal(0, await _p.PoisonCountAsync());
        var audit = (await _p.UploadsAsync()).Select(r => r!).ToList();
        var lost = new List<string>();
        var disagreements = new List<string>();
        foreach (var (name, bytes) in corpus)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes.Length > FileLimits.Default.MaxBytes ? bytes[..(int)(FileLimits.Default.MaxBytes + 1)] : bytes));
            var direct = audit.FirstOrDefault(r => (string?)r["blobName"] == $"2021/SO-TP/direct-{name}");
            if (direct is null) { lost.Add($"direct {name}"); continue; }
            Assert.Equal(sha, (string?)direct["sha256"]);
            if (!uploads.TryGetValue(name, out var upload)) continue;
            var (status, body) = await SendAsync(HttpMethod.Get, key, upload.Status);
            if (status != HttpStatusCode.OK) { lost.Add($"api {name}"); continue; }
            var outcome = (string?)body!["upload"]!["outcome"];
            if ((outcome == "Accepted") != dry[name] || (string?)direct["outcome"] != outcome)
                disagreements.Add($"{name}: dry run {dry[name]}, api {outcome}, direct {(string?)direct["outcome"]}");
        }
        output.WriteLine($"{corpus.Count} files × 3 ways; {uploads.Count} taken by the API; {audit.Count} audit rows");
        Assert.Empty(lost);
        Assert.Empty(disagreements);
        // The valid files were accepted all three ways (no wrong refusal), and the refusals of the API are audited too.
        Assert.All(new[] { "valid.csv", "valid.xlsx", "valid.json" }, n => Assert.True(dry[n], n));
        Assert.Contains(audit, r => (string?)r["outcome"] == "Refused" && (string?)r["blobName"] == "oversize.csv");

        // No wrong marks: after the corpus, one more valid file through the API is current, and the results count exactly its marks.
        var last = UploadIntegrityTest.Filled(58m);
        var (lastStatus, lastBody) = await SendAsync(HttpMethod.Post, key, "/api/agency/2021/SO-TP/uploads/self-assessment/last.csv", last);
        Assert.Equal(HttpStatusCode.Accepted, lastStatus);
        await _p.WaitUntilQuietAsync();
        var (_, final) = await SendAsync(HttpMethod.Get, key, (string)lastBody!["status"]!);
        Assert.Equal(("Accepted", true), ((string?)final!["upload"]!["outcome"], (bool)final["current"]!));
        var expected = ParServerless.Samples.SampleMarks.Generate(ParServerless.Samples.HueSample.Scheme,
                ParServerless.Samples.HueSample.Units.Single(u => u.Code == "SO-TP"), 2021, 58m)
            .Single(m => m.Source == ParServerless.Scoring.Marks.MarkSource.SelfAssessment).Leaves.Sum(l => l.Points ?? 0m);
        var results = await _p.AdminJsonAsync(HttpMethod.Get, "/api/admin/years/2021/results");
        var unit = results["groups"]!.AsArray().SelectMany(g => g!["units"]!.AsArray()).Single(u => (string?)u!["unit"] == "SO-TP")!;
        Assert.Equal(expected, (decimal)unit["selfTotal"]!["value"]!);
    }
}
