using CsCheck;
using ParServerless.Files.Tables;
using ParServerless.Files.Tests.Support;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Files.Tests;

/// <summary>Template → filled by the test → read gives exactly the marks that were typed, for every kind and format.</summary>
public class RoundTripTest
{
    private static readonly string[] Phrases =
    [
        "Đã ban hành kế hoạch đúng hạn", "Quyết định số 123/QĐ-UBND ngày 05/01/2025", "Báo cáo quý IV", "Chưa hoàn thành",
        "Kế hoạch 45/KH-SNV", "Có, nhưng \"chậm\" 2 ngày; đã giải trình", "Tài liệu đính kèm, xem mục 3", "https://example.invalid/tlkc/17",
        "- Đã tổ chức 3 hội nghị", "Ý kiến: đồng ý điểm tự chấm",
    ];

    public static TheoryData<FileKind, FileFormat> Cases()
    {
        var data = new TheoryData<FileKind, FileFormat>();
        foreach (var kind in Enum.GetValues<FileKind>().Where(k => k != FileKind.Invalid))
            foreach (var format in new[] { FileFormat.Xlsx, FileFormat.Csv, FileFormat.Json })
                data.Add(kind, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_FilledTemplate_GivesTypedMarks(FileKind kind, FileFormat format)
    {
        var scheme = TestData.Scheme;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var (units, group, round) = Setup(kind, random);
            var request = new TemplateRequest(2025, group, kind, units, round);
            var template = TemplateWriter.Write(scheme, request, format);
            var typed = new Dictionary<(string?, string?, int), IReadOnlyDictionary<Column, object?>?>();
            var filled = TemplateFiller.Fill(format, template, line =>
            {
                var values = Values(kind, scheme, units, line, random);
                typed[(line.Unit, line.Code, line.FreeIndex)] = values;
                return values;
            }, decimalComma: random.Next(2) == 0);

            var name = TemplateWriter.FileName(request, format);
            var outcome = SubmissionReader.Read(new SubmissionRequest(2025, kind, name, units.Count == 1 ? units[0].Code : null, round),
                filled, scheme, TestData.Units);

            Assert.True(outcome.Accepted, outcome.Report.ToText());
            Assert.Equal(format, outcome.Format);
            if (kind == FileKind.PublishedResults)
                Assert.Equal(Describe.Published(ExpectedPublished(typed)), Describe.Published(outcome.Published));
            else
                Assert.Equal(Describe.Sheets(Expected(kind, scheme, units, round, typed)), Describe.Sheets(outcome.Sheets));
        }, iter: 12, threads: 1);
    }

    private static (IReadOnlyList<Unit> Units, string? Group, int? Round) Setup(FileKind kind, Random random)
    {
        var group = random.Next(2) == 0 ? "SO" : "XA";
        var all = TestData.GroupUnits(group);
        return kind switch
        {
            FileKind.SelfAssessment or FileKind.Explanation => ([all[random.Next(all.Count)]], group, null),
            FileKind.Appraisal => (all, group, random.Next(1, 3)),
            FileKind.PublishedResults => ([], null, null),
            _ => (all, group, null),
        };
    }

    private static string Text(Random random) => Phrases[random.Next(Phrases.Length)];

    private static IReadOnlyDictionary<Column, object?>? Values(FileKind kind, Scheme scheme, IReadOnlyList<Unit> units, TemplateLine line, Random random)
    {
        if (kind == FileKind.PublishedResults)
        {
            if (line.FreeIndex >= 6) return null;
            return new Dictionary<Column, object?>
            {
                [Column.UnitName] = "Đơn vị số " + (line.FreeIndex + 1),
                [Column.Unit] = random.Next(2) == 0 ? null : "DV-" + line.FreeIndex,
                [Column.Group] = "SO",
                [Column.Total] = random.Next(5000, 10000) / 100m + random.Next(10) / 1000m,
                [Column.Rank] = random.Next(3) == 0 ? null : (decimal)(line.FreeIndex + 1),
                [Column.Band] = random.Next(2) == 0 ? "Tốt" : "Xuất sắc",
            };
        }
        if (kind == FileKind.BonusPenalty)
        {
            // At most 2 lines a unit: bonus ≤ 2 and penalty ≤ 5 in total, so caps hold.
            if (line.FreeIndex >= 2 || random.Next(3) == 0) return null;
            var points = random.Next(2) == 0 ? random.Next(1, 101) / 100m : -random.Next(1, 250) / 100m;
            return new Dictionary<Column, object?> { [Column.Points] = points, [Column.Reason] = Text(random) };
        }
        if (line.Code is null || !scheme.Nodes.TryGetValue(new CriterionCode(line.Code), out var node) || !node.IsLeaf) return null;
        var unit = units.FirstOrDefault(u => u.Code == line.Unit) ?? units[0];
        var max = node.Leaf!.MaximumFor(unit.GroupCode);
        if (max is null) return null;
        var survey = node.Leaf.Method == ScoringMethod.Survey;
        decimal? Points() => random.Next(6) == 0 ? null : random.Next(0, (int)(max.Value * 100) + 1) / 100m;
        string? Note() => random.Next(3) == 0 ? null : Text(random);
        string[] Evidence() => Enumerable.Range(0, random.Next(0, 3)).Select(_ => Text(random).Replace(";", ",", StringComparison.Ordinal)).ToArray();
        return kind switch
        {
            FileKind.SelfAssessment when !survey => new Dictionary<Column, object?>
            { [Column.Points] = Points(), [Column.Note] = Note(), [Column.Evidence] = Evidence() },
            FileKind.Appraisal when !survey => new Dictionary<Column, object?> { [Column.Points] = Points(), [Column.Note] = Note() },
            // 1.1.1 is always explained: a file explaining nothing is rejected as empty (PAR-E002).
            FileKind.Explanation when line.Code == "1.1.1" => new Dictionary<Column, object?>
            { [Column.Note] = Text(random), [Column.Evidence] = Evidence() },
            FileKind.Explanation when !survey && random.Next(3) > 0 => new Dictionary<Column, object?>
            { [Column.Note] = Note(), [Column.Evidence] = Evidence() },
            FileKind.Survey when survey => random.Next(2) == 0
                ? new Dictionary<Column, object?> { [Column.Points] = Points() }
                : new Dictionary<Column, object?> { [Column.Percent] = random.Next(0, 10001) / 100m },
            _ => null,
        };
    }

    private static IEnumerable<MarkSheet> Expected(FileKind kind, Scheme scheme, IReadOnlyList<Unit> units, int? round,
        Dictionary<(string?, string?, int), IReadOnlyDictionary<Column, object?>?> typed)
    {
        var source = kind switch
        {
            FileKind.SelfAssessment => MarkSource.SelfAssessment,
            FileKind.Appraisal => round == 1 ? MarkSource.Appraisal1 : MarkSource.Appraisal2,
            FileKind.Explanation => MarkSource.Explanation,
            FileKind.Survey => MarkSource.Survey,
            _ => MarkSource.BonusPenalty,
        };
        foreach (var unit in units)
        {
            var rowUnit = kind is FileKind.SelfAssessment or FileKind.Explanation ? null : unit.Code;
            if (kind == FileKind.BonusPenalty)
            {
                var lines = Enumerable.Range(0, TemplateLayoutLines)
                    .Select(i => typed.GetValueOrDefault((rowUnit, null, i)))
                    .Where(v => v is not null)
                    .Select(v => new Adjustment((decimal)v![Column.Points]!, (string)v[Column.Reason]!)).ToArray();
                yield return new MarkSheet(scheme.Ref, 2025, unit.Code, source, [], lines);
                continue;
            }
            var leaves = new List<LeafMark>();
            foreach (var (leaf, max) in scheme.LeavesFor(unit.GroupCode))
            {
                var wanted = kind == FileKind.Survey ? ScoringMethod.Survey : ScoringMethod.Appraised;
                if (leaf.Leaf!.Method != wanted) continue;
                var v = typed.GetValueOrDefault((rowUnit, leaf.Code.Value, 0));
                if (kind == FileKind.Explanation && (v is null || (v[Column.Note] is null && ((string[])v[Column.Evidence]!).Length == 0))) continue;
                decimal? points = kind == FileKind.Explanation ? null
                    : v is not null && v.TryGetValue(Column.Percent, out var pct) ? (decimal)pct! / 100m * max
                    : (decimal?)v?.GetValueOrDefault(Column.Points);
                var note = (string?)v?.GetValueOrDefault(Column.Note);
                var evidence = (string[]?)v?.GetValueOrDefault(Column.Evidence) ?? [];
                leaves.Add(new LeafMark(leaf.Code, points, note, evidence));
            }
            yield return new MarkSheet(scheme.Ref, 2025, unit.Code, source, leaves, []);
        }
    }

    private const int TemplateLayoutLines = 10;

    private static IEnumerable<PublishedRow> ExpectedPublished(Dictionary<(string?, string?, int), IReadOnlyDictionary<Column, object?>?> typed) =>
        Enumerable.Range(0, 6).Select(i => typed[(null, null, i)]!).Select(v => new PublishedRow(
            (string)v[Column.UnitName]!, (string?)v[Column.Unit], (string?)v[Column.Group], (decimal)v[Column.Total]!,
            v[Column.Rank] is decimal r ? (int)r : null, (string?)v[Column.Band]));
}
