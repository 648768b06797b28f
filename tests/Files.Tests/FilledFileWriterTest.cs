using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ParServerless.Files.Tests.Support;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Files.Tests;

/// <summary>Marks → filled file → <see cref="SubmissionReader"/> gives the same marks, for every kind and format.</summary>
public class FilledFileWriterTest
{
    private static readonly string[] Notes =
    [
        "Đã ban hành kế hoạch đúng hạn", "Quyết định số 123/QĐ-UBND ngày 05/01/2025", "Chưa hoàn thành",
        "Có, nhưng \"chậm\" 2 ngày; đã giải trình", "Tài liệu đính kèm, xem mục 3\nvà phụ lục 2",
    ];

    private static readonly string[] Evidence = ["QĐ số 12/QĐ-UBND", "KH 5/KH-STP", "https://example.invalid/tlkc/17", "Báo cáo 7/BC-STP, quý IV"];

    public static TheoryData<FileKind> Kinds() => new(Enum.GetValues<FileKind>().Where(k => k != FileKind.Invalid));

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
    public void Write_Marks_ReadBackAsTheSameMarks(FileKind kind, FileFormat format)
    {
        var scheme = TestData.Scheme;
        for (var seed = 0; seed < 6; seed++)
        {
            var random = new Random(seed);
            var group = seed % 2 == 0 ? "SO" : "XA";
            var all = TestData.GroupUnits(group);
            IReadOnlyList<Unit> units = kind is FileKind.SelfAssessment or FileKind.Explanation ? [all[seed % all.Count]] : all;
            int? round = kind == FileKind.Appraisal ? 1 + seed % 2 : null;
            var request = kind == FileKind.PublishedResults
                ? new TemplateRequest(2024, null, kind, [])
                : new TemplateRequest(2025, group, kind, units, round);
            var name = TemplateWriter.FileName(request, format);
            var read = new SubmissionRequest(request.Year, kind, name, units.Count == 1 ? units[0].Code : null, round);

            if (kind == FileKind.PublishedResults)
            {
                var rows = PublishedRows(random);
                var file = FilledFileWriter.Write(scheme, request, rows, format);
                var outcome = SubmissionReader.Read(read, file, scheme, TestData.Units);
                Assert.True(outcome.Accepted, outcome.Report.ToText());
                Assert.Equal(Describe.Published(rows), Describe.Published(outcome.Published));
            }
            else
            {
                var sheets = Sheets(scheme, request, random);
                var file = FilledFileWriter.Write(scheme, request, sheets, format);
                var outcome = SubmissionReader.Read(read, file, scheme, TestData.Units);
                Assert.True(outcome.Accepted, outcome.Report.ToText());
                Assert.Empty(outcome.Report.Problems);
                Assert.Equal(format, outcome.Format);
                Assert.Equal(Describe.Sheets(sheets), Describe.Sheets(outcome.Sheets));
            }
        }
    }

    [Theory]
    [InlineData(FileFormat.Xlsx)]
    [InlineData(FileFormat.Csv)]
    [InlineData(FileFormat.Json)]
    public void Write_SameMarksTwice_IsByteIdentical(FileFormat format)
    {
        var request = new TemplateRequest(2025, "SO", FileKind.Appraisal, TestData.GroupUnits("SO"), 2);
        var sheets = Sheets(TestData.Scheme, request, new Random(7));
        var first = FilledFileWriter.Write(TestData.Scheme, request, sheets, format);
        var second = FilledFileWriter.Write(TestData.Scheme, request, sheets, format);
        Assert.True(first.AsSpan().SequenceEqual(second));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Write_Xlsx_IsValidOpenXmlWithNumbersStoredAsNumbers(FileKind kind)
    {
        var request = kind == FileKind.PublishedResults
            ? new TemplateRequest(2024, null, kind, [])
            : new TemplateRequest(2025, "SO", kind, kind is FileKind.SelfAssessment or FileKind.Explanation ? [TestData.Justice] : TestData.GroupUnits("SO"),
                kind == FileKind.Appraisal ? 1 : null);
        var file = kind == FileKind.PublishedResults
            ? FilledFileWriter.Write(TestData.Scheme, request, PublishedRows(new Random(1)))
            : FilledFileWriter.Write(TestData.Scheme, request, Sheets(TestData.Scheme, request, new Random(1)));
        using var doc = SpreadsheetDocument.Open(new MemoryStream(file), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var data = (WorksheetPart)doc.WorkbookPart!.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        if (kind == FileKind.Explanation) return; // no numbers to type
        // Typed points (totals for published results) are number cells, never text that merely looks like a number.
        var column = kind switch { FileKind.Appraisal or FileKind.Survey => "E", FileKind.BonusPenalty => "B", _ => "D" };
        var typed = data.Worksheet.Descendants<Row>().Where(r => r.RowIndex! > 6).SelectMany(r => r.Elements<Cell>())
            .Where(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal) && c.CellValue is not null).ToArray();
        Assert.NotEmpty(typed);
        Assert.All(typed, c => Assert.Null(c.DataType));
    }

    [Fact]
    public void Write_Csv_UsesDecimalCommaWithoutTrailingZeros()
    {
        var request = new TemplateRequest(2025, "SO", FileKind.BonusPenalty, [TestData.Justice]);
        var sheet = new MarkSheet(TestData.Scheme.Ref, 2025, "SO-TP", MarkSource.BonusPenalty, [],
            [new Adjustment(0.50m, "Sáng kiến cải cách"), new Adjustment(-1.25m, "Chậm báo cáo")]);
        var text = System.Text.Encoding.UTF8.GetString(FilledFileWriter.Write(TestData.Scheme, request, [sheet], FileFormat.Csv));
        Assert.Contains("SO-TP;0,5;Sáng kiến cải cách\r\n", text, StringComparison.Ordinal);
        Assert.Contains("SO-TP;-1,25;Chậm báo cáo\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SurveyLeafInSelfAssessment_Throws()
    {
        var request = new TemplateRequest(2025, "SO", FileKind.SelfAssessment, [TestData.Justice]);
        var sheet = MarkSheet.Of(TestData.Scheme.Ref, 2025, "SO-TP", MarkSource.SelfAssessment, LeafMark.Of("4.1", 10m));
        var error = Assert.Throws<ArgumentException>(() => FilledFileWriter.Write(TestData.Scheme, request, [sheet]));
        Assert.Contains("criterion 4.1 of unit SO-TP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SheetOfAnotherRound_Throws()
    {
        var request = new TemplateRequest(2025, "SO", FileKind.Appraisal, TestData.GroupUnits("SO"), 2);
        var sheet = MarkSheet.Of(TestData.Scheme.Ref, 2025, "SO-TP", MarkSource.Appraisal1, LeafMark.Of("1.2", 10m));
        Assert.Throws<ArgumentException>(() => FilledFileWriter.Write(TestData.Scheme, request, [sheet]));
    }

    [Fact]
    public void Write_ExplanationWithPoints_Throws()
    {
        var request = new TemplateRequest(2025, "SO", FileKind.Explanation, [TestData.Justice]);
        var sheet = MarkSheet.Of(TestData.Scheme.Ref, 2025, "SO-TP", MarkSource.Explanation, LeafMark.Of("1.2", 10m));
        Assert.Throws<ArgumentException>(() => FilledFileWriter.Write(TestData.Scheme, request, [sheet]));
    }

    /// <summary>Marks a person could type: points on the scheme's 2-decimal step, text without formula-like starts.</summary>
    private static List<MarkSheet> Sheets(Scheme scheme, TemplateRequest request, Random random)
    {
        var source = request.Step.MarkSource;
        var sheets = new List<MarkSheet>();
        foreach (var unit in request.Units)
        {
            if (request.Kind == FileKind.BonusPenalty)
            {
                var lines = new List<Adjustment>();
                if (random.Next(3) > 0) lines.Add(new Adjustment(Step(random, 1m) + 0.01m, Pick(random, Notes)));
                if (random.Next(3) > 0) lines.Add(new Adjustment(-(Step(random, 2m) + 0.01m), Pick(random, Notes)));
                sheets.Add(new MarkSheet(scheme.Ref, request.Year, unit.Code, source, [], lines));
                continue;
            }
            var method = request.Kind == FileKind.Survey ? ScoringMethod.Survey : ScoringMethod.Appraised;
            var marks = new List<LeafMark>();
            foreach (var (leaf, max) in scheme.LeavesFor(unit.GroupCode).Where(l => l.Node.Leaf!.Method == method))
            {
                var mark = request.Kind switch
                {
                    FileKind.SelfAssessment => new LeafMark(leaf.Code, Step(random, max), Maybe(random, Notes),
                        Evidence.Where(_ => random.Next(3) == 0).ToArray()),
                    FileKind.Appraisal => new LeafMark(leaf.Code, Step(random, max), Maybe(random, Notes), []),
                    FileKind.Survey => new LeafMark(leaf.Code, Step(random, max), null, []),
                    _ => random.Next(2) == 0 ? null : new LeafMark(leaf.Code, null, Pick(random, Notes), Evidence.Where(_ => random.Next(2) == 0).ToArray()),
                };
                if (mark is not null) marks.Add(mark);
            }
            if (request.Kind == FileKind.Explanation && marks.Count == 0)
                marks.Add(new LeafMark(new CriterionCode("1.2"), null, Notes[0], []));
            sheets.Add(new MarkSheet(scheme.Ref, request.Year, unit.Code, source, marks, []));
        }
        return sheets;
    }

    private static List<PublishedRow> PublishedRows(Random random) =>
    [
        new("Văn phòng UBND tỉnh", "SO-VP", "SO", 97.685m, 1, "Xuất sắc"),
        new("Sở Tư pháp", "SO-TP", "SO", 87.187m, 2, "Tốt"),
        new("Sở Nội vụ", null, "SO", 80m + Step(random, 5m), 3, null),
        new("UBND xã An Hòa", "XA-AH", "XA", 70.5m, null, "Khá"),
    ];

    private static decimal Step(Random random, decimal max) => Math.Min(max, random.Next(0, (int)(max * 100) + 1) / 100m);

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string? Maybe(Random random, string[] items) => random.Next(2) == 0 ? null : Pick(random, items);
}
