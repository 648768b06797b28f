using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using ParServerless.Files;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Benchmarks.Files;

/// <summary>
/// Score files: parse + validate a filled 120-leaf self-assessment xlsx against a plain MiniExcel read of the same bytes (the baseline),
/// and a ~10 MB appraisal workbook for allocation (bounded memory). Results: docs/BENCHMARKS.md, "Score files".
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class FilesBenchmarks
{
    private Scheme _scheme = null!;
    private Unit[] _units = null!;
    private byte[] _selfAssessment = null!;
    private byte[] _large = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scheme = BenchScheme.Build();
        _units = Enumerable.Range(0, 340).Select(i => new Unit(FormattableString.Invariant($"SO-{i:000}"), $"Sở số {i}", "SO")).ToArray();
        var template = TemplateWriter.Write(_scheme, 2025, _units[0], FileKind.SelfAssessment);
        _selfAssessment = Fill(template, (code, max) => (decimal.Round(max * 0.8m, 2), "Đã thực hiện đầy đủ theo kế hoạch", "QĐ số 12/QĐ-UBND\nBáo cáo 7/BC-SNV"));
        var random = new Random(7);
        var appraisal = TemplateWriter.Write(_scheme, new TemplateRequest(2025, "SO", FileKind.Appraisal, _units, 1));
        // Random notes do not compress, so the workbook reaches the 10 MB limit with a realistic row count.
        _large = Fill(appraisal, (code, max) => (decimal.Round(max * 0.7m, 2), RandomText(random, 240), null));
        var outcome = Read();
        if (!outcome.Accepted) throw new InvalidOperationException(outcome.Report.ToText());
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var large = ReadLarge();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(large);
        if (!large.Accepted)
            throw new InvalidOperationException(FormattableString.Invariant($"{_large.Length} bytes: ") + string.Join('\n', large.Report.Problems.Take(5)));
        Console.WriteLine(FormattableString.Invariant($"// self-assessment xlsx: {_selfAssessment.Length} bytes; large appraisal xlsx: {_large.Length} bytes, {large.Sheets.Sum(s => s.Leaves.Count)} marks, outcome retains {retained / 1024} KB"));
    }

    [Benchmark(Baseline = true, Description = "MiniExcel plain read (120-leaf xlsx)")]
    public int MiniExcelRead()
    {
        using var stream = new MemoryStream(_selfAssessment, writable: false);
        var count = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, sheetName: "Tự đánh giá"))
            count += row.Count;
        return count;
    }

    [Benchmark(Description = "SubmissionReader parse + validate (120-leaf xlsx)")]
    public SubmissionOutcome Read() =>
        SubmissionReader.Read(new SubmissionRequest(2025, FileKind.SelfAssessment, "tu-danh-gia.xlsx", "SO-000"), _selfAssessment, _scheme, _units);

    [Benchmark(Description = "SubmissionReader parse + validate (~10 MB appraisal xlsx)")]
    public SubmissionOutcome ReadLarge() =>
        SubmissionReader.Read(new SubmissionRequest(2025, FileKind.Appraisal, "tham-dinh.xlsx", null, 1), _large, _scheme, _units);

    private static string RandomText(Random random, int length)
    {
        const string letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệíìỉĩịóòỏõọ ";
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++) sb.Append(letters[random.Next(letters.Length)]);
        return sb.ToString().Trim();
    }

    /// <summary>Types into a template's leaf rows as a person would: points, note, evidence (column order of the template).</summary>
    private static byte[] Fill(byte[] template, Func<string, decimal, (decimal Points, string Note, string? Evidence)> values)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var wb = doc.WorkbookPart!;
            var strings = wb.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray();
            var part = (WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            var header = rows.First(r => r.RowIndex! == 6).Elements<Cell>().Select(c => strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]).ToList();
            var codeAt = header.IndexOf("Mã");
            var maxAt = header.IndexOf("Điểm tối đa");
            var pointsAt = header.FindIndex(h => h.StartsWith("Điểm t", StringComparison.Ordinal) && h != "Điểm tối đa");
            foreach (var row in rows.Where(r => r.RowIndex! > 6))
            {
                var cells = row.Elements<Cell>().ToList();
                if (cells[pointsAt].StyleIndex?.Value != 4) continue; // only unlocked (input) score cells
                var code = strings[int.Parse(cells[codeAt].CellValue!.Text, CultureInfo.InvariantCulture)];
                var max = decimal.Parse(cells[maxAt].CellValue!.Text, CultureInfo.InvariantCulture);
                var (points, note, evidence) = values(code, max);
                cells[pointsAt].CellValue = new CellValue(points.ToString(CultureInfo.InvariantCulture));
                SetText(cells[pointsAt + 1], note);
                if (evidence is not null && cells.Count > pointsAt + 2) SetText(cells[pointsAt + 2], evidence);
            }
            part.Worksheet.Save();
        }
        return stream.ToArray();
    }

    private static void SetText(Cell cell, string text)
    {
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}

/// <summary>A 120-leaf scheme in the national shape: 8 areas × 3 criteria × 5 sub-criteria; 20 survey leaves worth 30 points.</summary>
internal static class BenchScheme
{
    public static Scheme Build()
    {
        var sb = new StringBuilder();
        sb.Append("""
            {"id":"BENCH-120","version":1,"name":"Bộ chỉ số 120 tiêu chí thành phần","fromYear":2025,"maximumTotal":100,
             "groups":[{"code":"SO","name":"Các sở"}],"settings":{"bonusCap":2,"penaltyCap":5,"surveyPoints":30,"decimals":2},
             "bands":[{"name":"Tốt","lowerBound":80},{"name":"Khá","lowerBound":0}],"criteria":[
            """);
        var leaf = 0;
        for (var a = 1; a <= 8; a++)
        {
            if (a > 1) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture, $$"""{"code":"{{a}}","name":"Lĩnh vực {{a}}","children":[""");
            for (var c = 1; c <= 3; c++)
            {
                if (c > 1) sb.Append(',');
                sb.Append(CultureInfo.InvariantCulture, $$"""{"code":"{{a}}.{{c}}","name":"Tiêu chí {{a}}.{{c}}","children":[""");
                for (var s = 1; s <= 5; s++)
                {
                    leaf++;
                    // Leaves 101–120 are survey leaves (1.5 each = 30); the 100 others are worth 0.7 each (= 70).
                    var survey = leaf > 100;
                    if (s > 1) sb.Append(',');
                    sb.Append(CultureInfo.InvariantCulture, $$"""{"code":"{{a}}.{{c}}.{{s}}","name":"Tiêu chí thành phần {{a}}.{{c}}.{{s}} về cải cách hành chính","max":{{(survey ? "1.5" : "0.7")}}{{(survey ? ",\"method\":\"Survey\"" : "")}}}""");
                }
                sb.Append("]}");
            }
            sb.Append("]}");
        }
        sb.Append("]}");
        var result = SchemeJson.Load(sb.ToString());
        return result.Value ?? throw new InvalidOperationException(result.Report.ToText());
    }
}
