using ParServerless.Samples;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Cli;

/// <summary>The commands: <c>demo</c> scores the Huế 2021 sample; <c>check-scheme FILE</c> validates a scheme;
/// <c>sample-uploads DIR</c> writes the sample year's upload files.</summary>
internal static class Commands
{
    private const string Usage = """
        usage:
          parserverless demo [UNIT-CODE]     score the Thừa Thiên Huế 2021 sample and print the tables (and one unit's working sheet)
          parserverless check-scheme FILE    check a scheme JSON file and print every problem (exit 1 when rejected)
          parserverless show-scheme NAME     print a shipped scheme as JSON (sample-province-2025.json, hue-2021.json)
          parserverless load-sample DIR API-URL ADMIN-KEY
                                             set up Huế 2021 on a running pipeline, upload DIR/{container}/{blob} through the API,
                                             wait for ingestion, run the GenerateDecision timer, wait for the publication
          parserverless sample-uploads DIR   write the Huế 2021 sample year's upload files under DIR/<container>/<path> and list them
        """;

    public static int Run(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return args switch
        {
            ["demo"] => Demo("SO-TP"),
            ["demo", var unit] => Demo(unit),
            ["check-scheme", var file] => CheckScheme(file),
            ["show-scheme", var name] => ShowScheme(name),
            ["load-sample", var dir, var api, var key] => LoadSampleAsync(dir, api, key).GetAwaiter().GetResult(),
            ["sample-uploads", var dir] => WriteSampleUploads(dir),
            _ => Fail(Usage),
        };
    }

    private static async Task<int> LoadSampleAsync(string dir, string api, string adminKey)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api), Timeout = TimeSpan.FromMinutes(5) };
        return await new LoadSample(http, adminKey, Console.Out).RunAsync(dir, CancellationToken.None).ConfigureAwait(false);
    }

    private static int Fail(string text)
    {
        Console.Error.WriteLine(text);
        return 2;
    }

    private static int CheckScheme(string file)
    {
        if (!File.Exists(file)) return Fail($"no such file: {file}");
        var result = SchemeJson.Load(File.ReadAllText(file));
        Console.WriteLine(result.Report.ToText());
        if (result.Value is { } scheme)
            Console.WriteLine($"{scheme.Ref}: {scheme.Name} — {scheme.Groups.Count} khối, {scheme.Areas.Count} lĩnh vực, {scheme.Leaves.Count} tiêu chí được chấm");
        return result.Accepted ? 0 : 1;
    }

    private static int ShowScheme(string name)
    {
        Console.WriteLine(SchemeJson.Save(ShippedSchemes.Load(name)));
        return 0;
    }

    /// <summary>Writes every upload of the sample year where a person can open it; the same bytes on every run.</summary>
    private static int WriteSampleUploads(string dir)
    {
        var uploads = SampleUploads.Hue2021();
        Console.WriteLine($"Tệp tải lên mẫu — {HueSample.Province} {HueSample.Year}, {uploads.Count} tệp, dưới {Path.GetFullPath(dir)}");
        Console.WriteLine($"{"Bytes",8}  {"Người tải lên",-13} Đường dẫn (container/path)");
        foreach (var upload in uploads)
        {
            var file = Path.Combine([dir, upload.Container, .. upload.BlobPath.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, upload.Content);
            Console.WriteLine($"{upload.Content.Length,8}  {upload.UploadedBy,-13} {upload.FullPath}");
        }
        return 0;
    }

    private static int Demo(string unitCode)
    {
        var scheme = HueSample.Scheme;
        var format = ScoreFormat.For(scheme);
        var results = HueSample.Units.Select(u =>
            ScoreCalculator.Score(scheme, u, HueSample.Year, UnitMarks.Gather(u.Code, HueSample.Marks(scheme, u.Code))));
        var standings = Ranking.Rank(scheme, results);

        Console.WriteLine($"Chỉ số CCHC năm {HueSample.Year} — tỉnh {HueSample.Province} (dữ liệu mẫu, bộ chỉ số {scheme.Ref})");
        foreach (var standing in standings)
        {
            Console.WriteLine();
            Console.WriteLine($"{standing.Group.Name} ({standing.Rows.Count} đơn vị)");
            Console.WriteLine($"{"Vị thứ",6}  {"Tên đơn vị",-45} {"Tự đánh giá",11} {"Thẩm định",10} {"ĐTXHH",8} {"Chỉ số",8}  Xếp loại");
            foreach (var row in standing.Rows)
            {
                var r = row.Result;
                Console.WriteLine($"{row.Rank,6}  {r.Unit.Name,-45} {format.Format(r.SelfTotal),11} {format.Format(r.AppraisedPoints),10} {format.Format(r.SurveyPoints),8} {format.Format(r.Index),8}  {row.Band?.Name}");
            }
            var counts = standing.CountsPerBand(scheme.BandsFor(standing.Group.Code)).Where(c => c.Count > 0);
            Console.WriteLine($"        Bình quân {format.Format(standing.AverageIndex)}; " + string.Join(", ", counts.Select(c => $"{c.Band}: {c.Count}")));
        }

        var group = standings.FirstOrDefault(s => s.Find(unitCode) is not null);
        if (group is null) return Fail($"no unit {unitCode} in the sample");
        PrintWorkingSheet(WorkingSheet.Build(scheme, group, unitCode), format);
        return 0;
    }

    private static void PrintWorkingSheet(WorkingSheet sheet, ScoreFormat format)
    {
        var r = sheet.Result;
        Console.WriteLine();
        Console.WriteLine($"Phiếu kết quả — {r.Unit.Name}: {format.Format(r.Index)} điểm, vị thứ {sheet.Rank}/{sheet.RankedInGroup}, xếp loại {sheet.Band?.Name}");
        if (sheet.NextRank is { } rank)
            Console.WriteLine($"  Để lên vị thứ {rank.Rank} ({string.Join(", ", rank.UnitsAhead)}): cần thêm hơn {format.Format(rank.Points)} điểm.");
        if (sheet.NextBand is { } band)
            Console.WriteLine($"  Để đạt loại {band.Band.Name} (từ {format.Format(band.Band.LowerBound)}): cần thêm {format.Format(band.Points)} điểm.");
        Console.WriteLine("  Các tiêu chí bị mất nhiều điểm nhất:");
        foreach (var leaf in sheet.BiggestLosses)
            Console.WriteLine($"    {leaf.Code.Value,-6} {leaf.Name,-60} mất {format.Format(leaf.Lost)} / {format.Format(leaf.Maximum)}");
        Console.WriteLine("  Chỉ số thành phần (đơn vị / bình quân khối):");
        foreach (var area in sheet.Areas)
            Console.WriteLine($"    {area.Code.Value,-3} {format.Format(area.Index),8} / {format.Format(area.GroupAverageIndex),8}  {area.Name}");
    }
}
