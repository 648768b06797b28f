using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ParServerless.Files;
using ParServerless.Samples;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Schemes;
using ParServerless.Testing;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>
/// Year over year from an imported table, through the public API and the real worker: 2020 exists only as the province's
/// published table (group names and unit names, no codes), 2021 is scored from the 66 sample files and published. The change
/// against 2020 (Sở Công Thương fell from 1st to 3rd: −2) and the heads' ratings (by the scheme's own thresholds) appear on
/// every surface, and every surface carries the same machine value of every figure.
/// </summary>
public sealed class YearOverYearTest(ITestOutputHelper output)
{
    private const string Fell = "SO-CT";       // 1st in the 2020 table, 3rd in 2021
    private const string NotRanked = "THANH-TRA"; // scored but not ranked in 2021: its head gets no rating
    private const string Renamed = "HUONG-TRA";  // "UBND huyện Hương Trà" in 2020
    private const string Merged = "TP-HUE";      // two 2020 units

    /// <summary>The province's own rule, not the default: by the unrounded index.</summary>
    private static readonly (HeadRating Rating, decimal From)[] Thresholds =
        [(HeadRating.Excellent, 95m), (HeadRating.Good, 85m), (HeadRating.Completed, 75m)];

    private static HeadRating? Expected(string unit, decimal index) =>
        unit == NotRanked ? null : Thresholds.Where(t => index >= t.From).Select(t => (HeadRating?)t.Rating).FirstOrDefault() ?? HeadRating.NotCompleted;

    private static string SchemeWithRule()
    {
        var json = JsonNode.Parse(SchemeJson.Save(HueSample.Scheme))!.AsObject();
        json["headRatings"] = new JsonObject
        {
            ["thresholds"] = new JsonArray(Thresholds.Select(t => (JsonNode)new JsonObject
            {
                ["rating"] = HeadRatings.Text(t.Rating), ["lowerBound"] = t.From,
            }).ToArray()),
            ["otherwise"] = "không hoàn thành nhiệm vụ",
        };
        return json.ToJsonString();
    }

    /// <summary>The 2020 table as a province prints it: names and group names only.</summary>
    private static List<PublishedRow> Table2020()
    {
        var groups = HueSample.Scheme.Groups.ToDictionary(g => g.Code, g => g.Name);
        var rows = new List<PublishedRow>();
        foreach (var p in HueSample.Published)
        {
            var (name, score, rank) = p.UnitCode switch
            {
                Fell => (p.UnitName, 90.5m, 1),
                "VP-UBND" => (p.UnitName, 90m, 2),
                "SO-TP" => (p.UnitName, 89m, 3),
                Renamed => ("UBND huyện Hương Trà", 85m, 2),
                "TP-HUE" => ("UBND thành phố Huế (cũ)", 84m, 1),
                _ => (p.UnitName, p.Score - 1m, p.Rank!.Value),
            };
            rows.Add(new PublishedRow(name, null, groups[p.GroupCode!], score, rank, p.Band));
        }
        rows.Add(new PublishedRow("UBND xã Thủy Vân", null, groups["HUYEN"], 80m, 10, "Tốt"));
        return rows;
    }

    [Fact]
    public async Task ImportedTableWithNames_ThenPublished2021_ChangeAndHeadRatingsOnEverySurface_OneValueEverywhere()
    {
        await using var p = await Support.Pipeline.StartAsync(new TestLogging(output));
        using (var request = Support.Pipeline.Admin(HttpMethod.Put, "/api/admin/schemes", new StringContent(SchemeWithRule(), System.Text.Encoding.UTF8, "application/json")))
        using (var response = await p.Http.SendAsync(request))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var schemeRef = new { id = HueSample.Scheme.Ref.Id, version = HueSample.Scheme.Ref.Version };
        await p.AdminJsonAsync(HttpMethod.Put, "/api/admin/years/2021", new { scheme = schemeRef, decision = HueSample.Decision });
        await p.AdminJsonAsync(HttpMethod.Put, "/api/admin/years/2021/units", HueSample.Units.Select(u => new
        {
            code = u.Code, name = u.Name, group = u.GroupCode, ranked = u.Code != NotRanked,
            predecessors = u.Code switch
            {
                Renamed => new[] { "UBND huyện Hương Trà" },
                Merged => ["UBND thành phố Huế (cũ)", "UBND xã Thủy Vân"],
                _ => null,
            },
        }).ToArray());

        // 2020: opened with the 2021 scheme as a history-only year (no throwaway scheme), its table uploaded through the API.
        var earlier = await p.AdminJsonAsync(HttpMethod.Put, "/api/admin/years/2020", new { scheme = schemeRef, historyOnly = true });
        Assert.True((bool)earlier["historyOnly"]!);
        var table = FilledFileWriter.Write(HueSample.Scheme, new TemplateRequest(2020, null, FileKind.PublishedResults, []), Table2020(), FileFormat.Csv);
        using (var upload = Support.Pipeline.Admin(HttpMethod.Post, "/api/admin/years/2020/uploads/history/ket-qua-2020.csv", new ByteArrayContent(table)))
        using (var response = await p.Http.SendAsync(upload))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var imported = await Eventually.ReturnsAsync(async () =>
            (await p.AdminJsonAsync(HttpMethod.Get, "/api/admin/years/2020/uploads")).AsArray().FirstOrDefault(), "the 2020 table to be ingested");
        Assert.Equal("Accepted", (string?)imported!["outcome"]);
        Assert.Equal(0, (int)imported["errors"]!);

        foreach (var file in SampleUploads.Hue2021())
            await p.UploadBlobAsync(file.Container, file.BlobPath, file.Content);
        await Eventually.TrueAsync(async () => (await p.UploadsAsync()).Count == SampleUploads.Hue2021().Count, "every 2021 file to be ingested", TimeSpan.FromMinutes(4));
        var published = await p.PublishAsync();
        Assert.Equal(("succeeded", "PAR-A080"), ((string?)published["state"], (string?)published["outcome"]!["code"]));

        // The public results API.
        var results = JsonNode.Parse(await p.Http.GetStringAsync("/api/public/years/2021/results"))!;
        var api = results["groups"]!.AsArray().SelectMany(g => g!["units"]!.AsArray()).ToDictionary(u => (string)u!["unit"]!, u => u!);
        var fell = api[Fell]["change"]!;
        Assert.Equal((2020, 1, -2, "giảm 2 bậc"), ((int)fell["previousYear"]!, (int)fell["previousRank"]!, (int)fell["rankChange"]!, (string?)fell["rankChangeText"]));
        Assert.Equal("90.5", fell["previousIndex"]!["value"]!.ToJsonString());
        Assert.Equal(("-4.696", "−4,696"), (fell["pointsChange"]!["value"]!.ToJsonString(), (string?)fell["pointsChange"]!["text"]));
        Assert.Equal((1, "Renamed"), ((int)api[Renamed]["change"]!["rankChange"]!, (string?)api[Renamed]["change"]!["basis"]));
        Assert.Equal(("Merged", "82", "2.186"), ((string?)api[Merged]["change"]!["basis"], api[Merged]["change"]!["previousIndex"]!["value"]!.ToJsonString(),
            api[Merged]["change"]!["pointsChange"]!["value"]!.ToJsonString()));
        Assert.Null(api[Merged]["change"]!["rankChange"]);
        foreach (var (code, row) in api)
        {
            var expected = Expected(code, (decimal)row["index"]!["value"]!);
            Assert.Equal(expected is { } e ? HeadRatings.Code(e) : null, (string?)row["headRating"]!["code"]);
        }
        Assert.Equal(HeadRatings.NotRatedText, (string?)api[NotRanked]["headRating"]!["text"]);
        Assert.Null((int?)api[NotRanked]["rank"]);

        // Open data: CSV, JSON, XLSX, the same documented columns, groups in the Decision's order.
        var csvText = (await p.Http.GetStringAsync("/api/public/years/2021/export.csv")).TrimStart('\uFEFF');
        var csvLines = csvText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csvLines[0].Split(',');
        var csv = csvLines.Skip(1).Select(Fields).ToDictionary(f => f[Array.IndexOf(header, "unit_code")], f => f);
        string Csv(string unit, string column) => csv[unit][Array.IndexOf(header, column)];
        Assert.Equal(("1", "-2", "90.5", "-4.696", "SameUnit"), (Csv(Fell, "previous_rank"), Csv(Fell, "rank_change"), Csv(Fell, "previous_index"), Csv(Fell, "points_change"), Csv(Fell, "comparison")));
        Assert.Equal(("", ""), (Csv(NotRanked, "head_rating_code"), Csv(NotRanked, "rank")));
        Assert.Equal(HueSample.Scheme.Groups.Select(g => g.Code), csv.Values.Select(f => f[Array.IndexOf(header, "group")]).Distinct());
        var openJson = JsonNode.Parse(await p.Http.GetStringAsync("/api/public/years/2021/export.json"))!;
        Assert.Equal("par-open-data/2", (string?)openJson["schema"]);
        var json = openJson["rows"]!.AsArray().ToDictionary(r => (string)r!["unit_code"]!, r => r!);
        Assert.Equal((-2, "Good"), ((int)json[Fell]["rank_change"]!, (string?)json[Fell]["head_rating_code"]));
        var xlsxBytes = await p.Http.GetByteArrayAsync("/api/public/years/2021/export.xlsx");
        var xlsx = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsxBytes), useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["unit_code"]!, r => r);
        Assert.Equal((-2m, 1m), (Convert.ToDecimal(xlsx[Fell]["rank_change"], CultureInfo.InvariantCulture), Convert.ToDecimal(xlsx[Fell]["previous_rank"], CultureInfo.InvariantCulture)));
        Assert.Equal("hoàn thành tốt nhiệm vụ", (string?)xlsx[Fell]["head_rating"]);

        // decision.json and the Decision itself: the change columns, the heads' table and the counts in Điều 1.
        var decision = JsonNode.Parse(await p.Http.GetStringAsync("/api/public/years/2021/decision.json"))!;
        var decided = decision["appendices"]!.AsArray().SelectMany(a => a!["rows"]!.AsArray()).ToDictionary(r => (string)r!["unitCode"]!, r => r!);
        Assert.Equal((1, -2, "90.5"), ((int)decided[Fell]["change"]!["previousRank"]!, (int)decided[Fell]["change"]!["rankChange"]!, decided[Fell]["change"]!["previousIndex"]!.ToJsonString()));
        Assert.Equal("Good", (string?)decided[Fell]["headRating"]!["code"]);
        Assert.Null(decided[NotRanked]["headRating"]);
        var so = decision["appendices"]![0]!["headRatingCounts"]!.AsArray().ToDictionary(c => (string)c!["code"]!, c => (int)c!["count"]!);
        var expectedSo = HueSample.Published.Where(x => x.GroupCode == "SO" && x.UnitCode != NotRanked).GroupBy(x => Expected(x.UnitCode!, x.Score)!.Value)
            .ToDictionary(g => HeadRatings.Code(g.Key), g => g.Count());
        Assert.Equal(expectedSo.OrderBy(e => e.Key), so.Where(c => c.Value > 0).OrderBy(c => c.Key));
        var pdfText = PdfWords(await p.Http.GetByteArrayAsync("/api/public/years/2021/decision.pdf"));
        Assert.Contains($"{expectedSo["Good"]} người đứng đầu hoàn thành tốt nhiệm vụ", pdfText, StringComparison.Ordinal);
        Assert.Contains("1 đơn vị không xếp hạng nên người đứng đầu không xếp loại theo Chỉ số", pdfText, StringComparison.Ordinal);
        Assert.Contains("Sở Công Thương 85,804 3 Tốt Hoàn thành tốt nhiệm vụ", pdfText, StringComparison.Ordinal);
        Assert.Contains("90,500 −4,696 1 −2", pdfText, StringComparison.Ordinal);

        // The unit's own sheet (JSON and PDF).
        var sheet = JsonNode.Parse(await p.Http.GetStringAsync($"/api/public/years/2021/units/{Fell}"))!;
        Assert.Equal((1, -2), ((int)sheet["change"]!["previousRank"]!, (int)sheet["change"]!["rankChange"]!));
        Assert.Contains("2020", PdfWords(await p.Http.GetByteArrayAsync($"/api/public/years/2021/units/{Fell}/sheet.pdf")), StringComparison.Ordinal);

        // One value on every surface: the index and every area index of every unit, character for character.
        var areaColumns = header.Where(h => h.StartsWith("area_", StringComparison.Ordinal)).ToArray();
        var compared = 0;
        foreach (var (code, row) in api)
        {
            var d = decided[code];
            var areaCodes = decision["appendices"]!.AsArray().Single(a => a!["rows"]!.AsArray().Any(r => (string?)r!["unitCode"] == code))!["areas"]!
                .AsArray().Select(a => (string)a!["code"]!).ToArray();
            var values = new List<(string Api, string Csv, string Json, decimal Xlsx, string Decision)>
            {
                (row["index"]!["value"]!.ToJsonString(), Csv(code, "index"), json[code]["index"]!.ToJsonString(),
                    Convert.ToDecimal(xlsx[code]["index"], CultureInfo.InvariantCulture), d["index"]!.ToJsonString()),
            };
            for (var i = 0; i < areaCodes.Length; i++)
                values.Add((row["areas"]![areaCodes[i]]!["value"]!.ToJsonString(), Csv(code, "area_" + areaCodes[i]), json[code]["area_" + areaCodes[i]]!.ToJsonString(),
                    Convert.ToDecimal(xlsx[code]["area_" + areaCodes[i]], CultureInfo.InvariantCulture), d["areaIndices"]![i]!.ToJsonString()));
            foreach (var v in values)
            {
                Assert.Equal(v.Api, v.Csv);
                Assert.Equal(v.Api, v.Json);
                Assert.Equal(v.Api, v.Decision);
                Assert.Equal(decimal.Parse(v.Api, CultureInfo.InvariantCulture), v.Xlsx);
                compared++;
            }
        }
        Assert.Equal(8, areaColumns.Length);
        Assert.True(compared >= 30 * 9, $"only {compared} values compared");
        // Area indices repeat (points / area maximum × 100): the machine value has 10 places, not 28 digits nor the display's 3.
        Assert.Contains(api.Values, r => r["areas"]!.AsObject().Any(a => a.Value!["value"]!.ToJsonString().Split('.') is [_, { Length: 10 }]));
    }

    /// <summary>The fields of one CSV line (RFC 4180 quoting: names such as "Ban Quản lý Khu Kinh tế, công nghiệp tỉnh").</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }

    private static string PdfWords(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(page => page.GetWords()).Select(w => w.Text));
    }
}
