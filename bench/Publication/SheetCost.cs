using System.Diagnostics;
using System.Globalization;
using ParServerless.Documents;
using ParServerless.Documents.ResultSheet;
using ParServerless.Pipeline.Publication;
using ParServerless.Samples;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;

namespace ParServerless.Bench.Publication;

/// <summary>
/// What one result sheet costs, without storage: the Huế 2021 sample's 30 units rendered round and round on one thread,
/// split into <see cref="WorkingSheet.Build"/>, the PDF and the JSON twin. Run under <c>perf record</c> (with
/// <c>DOTNET_PerfMapEnabled=1</c>) to see where the PDF's time goes.
/// </summary>
internal static class SheetCost
{
    /// <summary>The Decision (and its JSON) of <paramref name="units"/> units: the Huế units cloned round their two groups.</summary>
    /// <param name="dump">When given, the PDF is written there as decision.pdf (for looking at it).</param>
    public static int Decision(int units, string? dump = null)
    {
        var scheme = HueSample.Scheme;
        var results = Enumerable.Range(0, units).Select(i =>
        {
            var template = HueSample.Units[i % HueSample.Units.Count];
            var unit = new ParServerless.Scoring.Units.Unit(template.Code + "-" + i.ToString(CultureInfo.InvariantCulture),
                template.Name + " " + i.ToString(CultureInfo.InvariantCulture), template.GroupCode);
            return ScoreCalculator.Score(scheme, unit, HueSample.Year, UnitMarks.Gather(unit.Code, HueSample.Marks(scheme, template.Code).Select(m => m with { UnitCode = unit.Code })));
        }).ToList();
        var standings = Ranking.Rank(scheme, results);
        for (var round = 0; round < 2; round++)
        {
            var watch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var model = ParServerless.Scoring.Decisions.DecisionBuilder.Build(scheme, HueSample.Year, HueSample.PublishedOn, standings, HueSample.Decision);
            var built = watch.Elapsed.TotalMilliseconds;
            var pdf = ParServerless.Documents.Decision.DecisionDocument.Render(model, DocumentStage.Final);
            var rendered = watch.Elapsed.TotalMilliseconds;
            var json = ParServerless.Scoring.Decisions.DecisionJson.Serialize(model);
            if (dump is not null)
            {
                Directory.CreateDirectory(dump);
                File.WriteAllBytes(Path.Combine(dump, "decision.pdf"), pdf);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Decision of {units} units: model {built:0} ms, PDF {rendered - built:0} ms ({pdf.Length / 1024} KiB), JSON {watch.Elapsed.TotalMilliseconds - rendered:0} ms; CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms"));
        }
        return 0;
    }

    /// <param name="sheets">Sheets to time after one warm-up round.</param>
    /// <param name="dump">When given, the warm-up round's PDFs are written there (for looking at them).</param>
    public static int Run(int sheets, string? dump)
    {
        var scheme = HueSample.Scheme;
        var standings = Ranking.Rank(scheme, HueSample.Units.Select(u =>
            ScoreCalculator.Score(scheme, u, HueSample.Year, UnitMarks.Gather(u.Code, HueSample.Marks(scheme, u.Code)))));
        var context = new ResultSheetContext("Ủy ban nhân dân tỉnh Thừa Thiên Huế", HueSample.PublishedOn,
            "Quyết định số 12/QĐ-UBND ngày 06/01/2022 của Ủy ban nhân dân tỉnh Thừa Thiên Huế", DocumentStage.Final);
        var units = standings.SelectMany(s => s.Rows.Select(r => (Standing: s, Code: r.Result.Unit.Code))).ToArray();
        if (dump is not null) Directory.CreateDirectory(dump);
        foreach (var (standing, code) in units)
        {
            var pdf = ResultSheetDocument.Render(WorkingSheet.Build(scheme, standing, code, null), scheme, context, standing);
            if (dump is not null) File.WriteAllBytes(Path.Combine(dump, code + ".pdf"), pdf);
        }

        double build = 0, render = 0, json = 0;
        long bytes = 0;
        var watch = new Stopwatch();
        long pdfAllocated = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < sheets; i++)
        {
            var (standing, code) = units[i % units.Length];
            watch.Restart();
            var sheet = WorkingSheet.Build(scheme, standing, code, null);
            build += watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            bytes += ResultSheetDocument.Render(sheet, scheme, context, standing).Length;
            pdfAllocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
            render += watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            bytes += WorkingSheetView.Utf8(sheet, scheme).Length;
            json += watch.Elapsed.TotalMilliseconds;
        }
        // CPU time as well as wall time: on a shared machine the wall time also counts the waits for a core.
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sheets} sheets, per sheet: WorkingSheet.Build {build / sheets:0.00} ms, PDF {render / sheets:0.00} ms, JSON {json / sheets:0.00} ms, total {(build + render + json) / sheets:0.00} ms (CPU {cpuMs / sheets:0.00} ms); {bytes / sheets / 1024} KiB; the PDF allocated {pdfAllocated / sheets / 1024} KiB a sheet"));

        // The same sheets on every core at once: what the durable job's renderers get, without storage.
        var all = Stopwatch.StartNew();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Parallel.For(0, sheets, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (standing, code) = units[i % units.Length];
            var sheet = WorkingSheet.Build(scheme, standing, code, null);
            ResultSheetDocument.Render(sheet, scheme, context, standing);
            WorkingSheetView.Utf8(sheet, scheme);
        });
        cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sheets} sheets on {Environment.ProcessorCount} threads: {all.Elapsed.TotalMilliseconds / sheets:0.00} ms of wall time a sheet (CPU {cpuMs / sheets:0.00} ms)"));
        return 0;
    }

    /// <summary>
    /// <paramref name="sheets"/> units, each its own sheet rendered once on every core: named "Đơn vị số i" (as the publication
    /// benchmark's years) or, with <paramref name="varied"/>, with commune names of many different letters. Documents that draw
    /// the same glyphs share one font cut (FontCuts in src/Documents), so varied names are the harder case.
    /// </summary>
    public static int Named(int sheets, bool varied)
    {
        var scheme = HueSample.Scheme;
        var results = Enumerable.Range(0, sheets).Select(i =>
        {
            var template = HueSample.Units[i % HueSample.Units.Count];
            var name = varied ? CommuneName(i) : "Đơn vị số " + i.ToString(CultureInfo.InvariantCulture);
            var unit = new ParServerless.Scoring.Units.Unit(template.Code + "-" + i.ToString(CultureInfo.InvariantCulture), name, template.GroupCode);
            return ScoreCalculator.Score(scheme, unit, HueSample.Year, UnitMarks.Gather(unit.Code, HueSample.Marks(scheme, template.Code).Select(m => m with { UnitCode = unit.Code })));
        }).ToList();
        var standings = Ranking.Rank(scheme, results);
        var context = new ResultSheetContext("Ủy ban nhân dân tỉnh Thừa Thiên Huế", HueSample.PublishedOn,
            "Quyết định số 12/QĐ-UBND ngày 06/01/2022 của Ủy ban nhân dân tỉnh Thừa Thiên Huế", DocumentStage.Final);
        var units = standings.SelectMany(s => s.Rows.Select(r => (Standing: s, Code: r.Result.Unit.Code))).ToArray();
        var names = units.Select(u => u.Standing.Find(u.Code)!.Result.Unit.Name).Distinct(StringComparer.Ordinal).Count();
        var all = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Parallel.For(0, units.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (standing, code) = units[i];
            var sheet = WorkingSheet.Build(scheme, standing, code, null);
            ResultSheetDocument.Render(sheet, scheme, context, standing);
            WorkingSheetView.Utf8(sheet, scheme);
        });
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{units.Length} sheets ({names} different names, {(varied ? "varied" : "numbered")}), each once on {Environment.ProcessorCount} threads: {all.Elapsed.TotalMilliseconds / units.Length:0.00} ms of wall time a sheet (CPU {cpuMs / units.Length:0.00} ms)"));
        return 0;
    }

    private static readonly string[] Prefixes = ["Xã", "Phường", "Thị trấn", "Đặc khu"];

    /// <summary>Syllables of Vietnamese place names, between them most tone marks on most vowels.</summary>
    private static readonly string[] Syllables =
    [
        "Hòa", "Phước", "Quảng", "Điền", "Thủy", "Lộc", "Vĩnh", "Hưng", "Xuân", "Tây", "Đông", "Bắc", "Mỹ", "Thạnh", "Tân", "Bình",
        "Khánh", "Hải", "Sơn", "Yên", "Ngọc", "Kỳ", "Đức", "Cẩm", "Nghĩa", "Hiệp", "Thắng", "Lợi", "Phú", "Quý", "Trạch", "Ứng",
        "Đắk", "Krông", "Mường", "Nậm", "Pắc", "Sìn", "Hồ", "Tủa", "Chảy", "Ỷ", "Lữ", "Giồng", "Rạch", "Nhơn", "Ẩn", "Ữu",
    ];

    /// <summary>A deterministic commune name for unit <paramref name="i"/>: a prefix and two syllables.</summary>
    private static string CommuneName(int i)
    {
        var n = Syllables.Length;
        return $"{Prefixes[i % Prefixes.Length]} {Syllables[i * 7 % n]} {Syllables[(i / n + i * 13) % n]}";
    }
}
