using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ParServerless.Documents;
using ParServerless.Documents.Decision;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Benchmarks.Documents;

/// <summary>
/// One province's Decision (~150 units, 3 groups) against what a Sở Nội vụ does today: LibreOffice headless converting an
/// XLSX of the same tables to PDF. Both run in the same process and run; the LibreOffice case is the baseline, so the
/// Ratio column reads as "fraction of LibreOffice's time". Run through bench/decision-vs-libreoffice.sh.
/// </summary>
/// <remarks>
/// The XLSX holds only the tables (results and component indices per group): no charts, no header block, no articles.
/// LibreOffice therefore does less work than the Decision renderer, which makes the comparison conservative.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class DecisionBenchmarks
{
    private Scheme _scheme = null!;
    private IReadOnlyList<GroupStanding> _standings = null!;
    private string _work = null!;
    private string _xlsx = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_scheme, _standings) = SyntheticProvince.Build(SyntheticProvince.Province);
        var model = SyntheticProvince.Decision(_scheme, _standings);
        _work = Path.Combine(Path.GetTempPath(), "par-bench-lo-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_work);
        _xlsx = Path.Combine(_work, "decision-tables.xlsx");
        MinimalXlsx.Write(_xlsx, Tables(model));
        var pdf = DecisionDocument.Render(model, DocumentStage.Final);
        Console.WriteLine($"// Decision: {_standings.Sum(s => s.Rows.Count)} units, {_standings.Count} groups, {pdf.Length / 1024} KiB PDF");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "LibreOffice XLSX→PDF (tables only)")]
    public long LibreOffice() => LibreOfficeConvert.ToPdf(_xlsx, _work);

    [Benchmark(Description = "Decision model + PDF + JSON")]
    public int Decision()
    {
        var model = SyntheticProvince.Decision(_scheme, _standings);
        return DecisionDocument.Render(model, DocumentStage.Final).Length + DecisionJson.Serialize(model).Length;
    }

    private static readonly string[] ResultsHeader = ["STT", "Tên đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm ĐTXHH", "Tổng điểm", "Chỉ số (%)", "Vị thứ", "Xếp loại"];
    private static readonly string[] AreaHeaderStart = ["STT", "Tên đơn vị"];

    /// <summary>The same tables as the Decision's appendices, one sheet per group, as a clerk would lay them out in Excel.</summary>
    internal static IReadOnlyList<(string, IReadOnlyList<IReadOnlyList<string>>)> Tables(DecisionModel model)
    {
        var f = model.Format;
        return model.Appendices.Select(a =>
        {
            var rows = new List<IReadOnlyList<string>>
            {
                new[] { a.Title },
                ResultsHeader,
            };
            rows.AddRange(a.Rows.Select(r => (IReadOnlyList<string>)[
                r.Number.ToString(CultureInfo.InvariantCulture), r.UnitName, f.Format(r.SelfTotal), f.Format(r.AppraisedPoints),
                f.Format(r.SurveyPoints), f.Format(r.Total), f.Format(r.Index), r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", r.Band?.Name ?? ""]));
            rows.Add([a.Summary]);
            rows.Add(AreaHeaderStart.Concat(a.Areas.Select(x => "LV" + x.Code.Value)).ToArray());
            rows.AddRange(a.Rows.Select(r => (IReadOnlyList<string>)((string[])[r.Number.ToString(CultureInfo.InvariantCulture), r.UnitName])
                .Concat(r.AreaIndices.Select(v => v is { } d ? f.Format(d) : "")).ToArray()));
            return ($"Phụ lục {a.Numeral}", (IReadOnlyList<IReadOnlyList<string>>)rows);
        }).ToArray();
    }
}

/// <summary>Runs soffice headless with its own profile directory, as a clerk's conversion would.</summary>
internal static class LibreOfficeConvert
{
    public static long ToPdf(string xlsx, string work)
    {
        var profile = new Uri(Path.Combine(work, "lo-profile")).AbsoluteUri;
        var start = new ProcessStartInfo("soffice",
            ["--headless", "--norestore", "--nologo", $"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", work, xlsx])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start: install libreoffice-calc-nogui");
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var pdf = Path.ChangeExtension(Path.Combine(work, Path.GetFileName(xlsx)), ".pdf");
        if (process.ExitCode != 0 || !File.Exists(pdf)) throw new InvalidOperationException($"soffice failed ({process.ExitCode})");
        var length = new FileInfo(pdf).Length;
        File.Delete(pdf);
        return length;
    }
}
