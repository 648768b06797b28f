using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using ParServerless.Files;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

// Worst-case score files (issue 10): each case is read in its own process, which reports its time and peak resident memory.
// Usage: dotnet run -c Release --project bench/FilesWorstCase [-- <dir>]   (a child is: <dll> read <kind> <file>)
if (args is ["read", var kindText, var path])
{
    var kind = Enum.Parse<FileKind>(kindText);
    var bytes = File.ReadAllBytes(path);
    var before = Peak();
    var sw = Stopwatch.StartNew();
    var outcome = SubmissionReader.Read(Cases.Request(kind, Path.GetFileName(path)), bytes, Cases.Scheme, Cases.Units);
    sw.Stop();
    var codes = string.Join(' ', outcome.Report.CountsByCode.Select(c => $"{c.Key}×{c.Value}"));
    Console.WriteLine(FormattableString.Invariant(
        $"{sw.Elapsed.TotalMilliseconds:0}\t{Peak() / 1024}\t{before / 1024}\t{GC.GetTotalAllocatedBytes() / 1024 / 1024}\t{outcome.Report.Problems.Count}\t{(outcome.Accepted ? "accepted" : "rejected")}\t{codes}"));
    return 0;
}

var dir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "par-files-worst");
Directory.CreateDirectory(dir);
var cases = Cases.Build(dir);
var self = Environment.ProcessPath!;
var dll = typeof(Cases).Assembly.Location;
Console.WriteLine("| Case | File | Time | Time ratio | Peak RSS | Peak over empty read | Allocated | Listed problems | Outcome |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
double? baseMs = null;
long? emptyPeak = null;
foreach (var (name, kind, file) in cases)
{
    // Three runs per case; the median time, the largest peak.
    var runs = Enumerable.Range(0, 3).Select(_ => Child(self, dll, kind, file)).ToList();
    var ms = runs.Select(r => r.Ms).Order().ElementAt(1);
    var peak = runs.Max(r => r.PeakKb);
    baseMs ??= name.StartsWith("baseline", StringComparison.Ordinal) ? null : baseMs;
    if (name == "empty read (tiny valid csv)") emptyPeak = peak;
    if (name.StartsWith("baseline", StringComparison.Ordinal)) baseMs = ms;
    var size = new FileInfo(file).Length;
    Console.WriteLine(FormattableString.Invariant(
        $"| {name} | {size / 1024.0 / 1024:0.00} MB | {ms:0} ms | {(baseMs is { } b ? (ms / b).ToString("0.00", CultureInfo.InvariantCulture) : "–")} | {peak / 1024} MB | {(emptyPeak is { } e ? ((peak - e) / 1024).ToString(CultureInfo.InvariantCulture) : "–")} MB | {runs[0].AllocMb} MB | {runs[0].Listed} | {runs[0].Outcome} {runs[0].Codes} |"));
}
return 0;

static long Peak()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    return 0;
}

static (double Ms, long PeakKb, long AllocMb, int Listed, string Outcome, string Codes) Child(string self, string dll, FileKind kind, string file)
{
    var start = new ProcessStartInfo(self.EndsWith("dotnet", StringComparison.Ordinal) ? self : self) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(dll);
    start.ArgumentList.Add("read");
    start.ArgumentList.Add(kind.ToString());
    start.ArgumentList.Add(file);
    using var p = Process.Start(start)!;
    var output = p.StandardOutput.ReadToEnd().Trim();
    p.WaitForExit();
    var f = output.Split('\t');
    return (double.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture),
        int.Parse(f[4], CultureInfo.InvariantCulture), f[5], f.Length > 6 ? f[6] : "");
}

/// <summary>The inputs: a realistic baseline just under 10 MB, and the worst cases of issue 10, each at most 10 MB.</summary>
internal static class Cases
{
    private const string SchemeText = """
    { "id": "BENCH-PAR", "version": 1, "name": "Bộ chỉ số đo", "fromYear": 2025, "toYear": 2025, "maximumTotal": 100,
      "groups": [ { "code": "SO", "name": "Các sở" } ],
      "settings": { "bonusCap": 2, "penaltyCap": 5, "surveyPoints": 0, "decimals": 2 },
      "bands": [ { "name": "Tốt", "lowerBound": 80 }, { "name": "Khá", "lowerBound": 0 } ],
      "criteria": [
        { "code": "1", "name": "Chỉ đạo, điều hành", "children": [
          { "code": "1.1", "name": "Kế hoạch", "max": 10 }, { "code": "1.2", "name": "Báo cáo", "max": 10 }, { "code": "1.3", "name": "Kiểm tra", "max": 10 } ] },
        { "code": "2", "name": "Thể chế", "children": [
          { "code": "2.1", "name": "Văn bản", "max": 20 }, { "code": "2.2", "name": "Thi hành", "max": 20 } ] },
        { "code": "3", "name": "Thủ tục hành chính", "children": [
          { "code": "3.1", "name": "Công khai", "max": 15 }, { "code": "3.2", "name": "Phản ánh", "max": 15 } ] } ] }
    """;

    public static Scheme Scheme { get; } = SchemeJson.Load(SchemeText) is var c && c.Value is { } s ? s : throw new InvalidOperationException(c.Report.ToText());

    public static Unit[] Units { get; } = Enumerable.Range(0, 3000).Select(i => new Unit(FormattableString.Invariant($"SO-{i:0000}"), $"Sở số {i}", "SO")).ToArray();

    public static SubmissionRequest Request(FileKind kind, string fileName) =>
        kind == FileKind.Appraisal ? new(2025, kind, fileName, null, 1) : new(2025, kind, fileName, "SO-0000");

    private const long Limit = 10L * 1024 * 1024;

    public static List<(string Name, FileKind Kind, string File)> Build(string dir)
    {
        var random = new Random(10);
        var list = new List<(string, FileKind, string)>();
        string Save(string name, byte[] bytes)
        {
            if (bytes.Length > Limit) throw new InvalidOperationException($"{name}: {bytes.Length} bytes");
            var path = Path.Combine(dir, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        list.Add(("empty read (tiny valid csv)", FileKind.SelfAssessment, Save("tiny.csv", Encoding.UTF8.GetBytes(
            "code;points\n1.1;5\n1.2;5\n1.3;5\n2.1;10\n2.2;10\n3.1;7,5\n3.2;7,5\n"))));
        list.Add(("baseline: valid appraisal xlsx, 10 MB", FileKind.Appraisal, Save("baseline.xlsx", Baseline(random))));

        // One row of millions of cells (the issue's 12-million-cell row): random digits so it stays under the zip-bomb ratio.
        list.Add(("one row of millions of cells (xlsx)", FileKind.SelfAssessment, Save("wide-row.xlsx", Sheet(random, sb =>
        {
            sb.Append("<row r=\"1\">");
            var cells = 0;
            while (sb.Length < 250_000_000) { sb.Append("<c><v>").Append((char)('0' + random.Next(4))).Append("</v></c>"); cells++; }
            sb.Append("</row>");
        }))));
        // Millions of cells over many rows, under the row limit.
        list.Add(("millions of cells in 100,000 rows (xlsx)", FileKind.SelfAssessment, Save("many-cells.xlsx", Sheet(random, sb =>
        {
            sb.Append("<row><c t=\"inlineStr\"><is><t>code</t></is></c><c t=\"inlineStr\"><is><t>points</t></is></c></row>");
            for (var r = 1; sb.Length < 240_000_000; r++)
            {
                sb.Append("<row>");
                for (var c = 0; c < 120; c++) sb.Append("<c><v>").Append((char)('0' + random.Next(4))).Append("</v></c>");
                sb.Append("</row>");
            }
        }))));
        // A shared-string table of millions of entries and hundreds of MB of characters.
        list.Add(("huge shared-string table (xlsx)", FileKind.SelfAssessment, Save("shared.xlsx", Sheet(random, sb =>
            sb.Append("<row><c t=\"s\"><v>0</v></c></row>"), sst =>
        {
            while (sst.Length < 240_000_000)
                sst.Append("<si><t>Da thuc hien theo ke hoach so ").Append(random.Next(64).ToString(CultureInfo.InvariantCulture)).Append("</t></si>");
        }))));
        // Millions of problems: every line of a 10 MB CSV has a field too many.
        var flood = new StringBuilder("code;points\n");
        while (flood.Length < Limit - 16) flood.Append("1.1;5;x\n");
        list.Add(("millions of problems (csv, a field too many per line)", FileKind.SelfAssessment, Save("flood.csv", Encoding.UTF8.GetBytes(flood.ToString()))));
        // Millions of unknown criteria over 100,000 rows, then reading stops.
        var unknown = new StringBuilder("code;points\n");
        for (var i = 0; unknown.Length < Limit - 32; i++) unknown.Append(FormattableString.Invariant($"9.{i};1\n"));
        list.Add(("a problem on every row (csv, unknown criteria)", FileKind.SelfAssessment, Save("unknown.csv", Encoding.UTF8.GetBytes(unknown.ToString()))));
        // Deep CSV: one quoted field spanning the whole file, and one line of millions of fields.
        list.Add(("deep csv: one quoted field of 10 MB", FileKind.SelfAssessment, Save("deep.csv", Encoding.UTF8.GetBytes(
            "code;points;note\n1.1;5;\"" + Word(random, (int)Limit - 64) + "\"\n"))));
        list.Add(("wide csv: one line of 10 million fields", FileKind.SelfAssessment, Save("wide.csv", Encoding.UTF8.GetBytes(
            "code;points\n1.1;5" + new string(';', (int)Limit - 64) + "\n"))));
        // JSON: one object of hundreds of thousands of distinct keys, and 10 MB of numbers.
        var keys = new StringBuilder("{\"rows\":[{");
        for (var i = 0; keys.Length < Limit - 32; i++) keys.Append(FormattableString.Invariant($"\"k{i}\":0,"));
        keys.Length--;
        keys.Append("}]}");
        list.Add(("json: one row with 800,000 keys", FileKind.SelfAssessment, Save("keys.json", Encoding.UTF8.GetBytes(keys.ToString()))));
        return list;
    }

    private static string Word(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)('a' + random.Next(26));
        return new string(chars);
    }

    /// <summary>A valid appraisal of many units with long random notes (they do not compress), just under 10 MB.</summary>
    private static byte[] Baseline(Random random)
    {
        var leaves = Scheme.LeavesFor("SO").Select(l => l.Node).ToArray();
        byte[] Make(int units)
        {
            var chosen = Units.Take(units).ToArray();
            var sheets = chosen.Select(u => new MarkSheet(Scheme.Ref, 2025, u.Code, MarkSource.Appraisal1,
                leaves.Select(l => new LeafMark(l.Code, 5m, Word(random, 1200), [])).ToArray(), [])).ToArray();
            return FilledFileWriter.Write(Scheme, new TemplateRequest(2025, "SO", FileKind.Appraisal, chosen, 1), sheets);
        }
        var size = Make(100).Length;
        return Make((int)(100 * (Limit * 0.95 / size)));
    }

    /// <summary>An xlsx whose data sheet (and shared-string table) a builder writes, deflated, with a header row of no meaning.</summary>
    private static byte[] Sheet(Random random, Action<StringBuilder> rows, Action<StringBuilder>? sharedStrings = null)
    {
        _ = random;
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, StringBuilder text)
            {
                using var s = new StreamWriter(zip.CreateEntry(path, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                foreach (var chunk in text.GetChunks()) s.Write(chunk.Span);
            }
            Add("[Content_Types].xml", new("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
            Add("xl/workbook.xml", new("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Dữ liệu\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Add("xl/_rels/workbook.xml.rels", new("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"));
            var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            rows(sheet);
            sheet.Append("</sheetData></worksheet>");
            Add("xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings is not null)
            {
                var sst = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                sharedStrings(sst);
                sst.Append("</sst>");
                Add("xl/sharedStrings.xml", sst);
            }
        }
        return stream.ToArray();
    }
}
