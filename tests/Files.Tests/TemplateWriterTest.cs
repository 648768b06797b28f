using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ParServerless.Files.Tests.Support;

namespace ParServerless.Files.Tests;

public class TemplateWriterTest
{
    public static TheoryData<FileKind> Kinds() => new(Enum.GetValues<FileKind>().Where(k => k != FileKind.Invalid));

    private static TemplateRequest RequestFor(FileKind kind) => kind switch
    {
        FileKind.SelfAssessment or FileKind.Explanation => new(2025, "SO", kind, [TestData.Justice]),
        FileKind.Appraisal => new(2025, "SO", kind, TestData.GroupUnits("SO"), 2),
        FileKind.PublishedResults => new(2021, null, kind, []),
        _ => new(2025, "XA", kind, TestData.GroupUnits("XA")),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Write_EveryKind_IsValidOpenXmlWithProtectionAndHiddenMetadata(FileKind kind)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(TemplateWriter.Write(TestData.Scheme, RequestFor(kind))), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToArray();
        Assert.Equal("_meta", sheets[1].Name!.Value);
        Assert.Equal(SheetStateValues.Hidden, sheets[1].State!.Value);
        var data = (WorksheetPart)doc.WorkbookPart.GetPartById(sheets[0].Id!);
        Assert.NotNull(data.Worksheet.GetFirstChild<SheetProtection>());
    }

    [Fact]
    public void Write_SelfAssessment_ValidatesScoresFromZeroToGroupMaximum()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(TemplateWriter.Write(TestData.Scheme, RequestFor(FileKind.SelfAssessment))), false);
        var part = doc.WorkbookPart!.WorksheetParts.First(p => p.Worksheet.GetFirstChild<DataValidations>() is not null);
        var rules = part.Worksheet.GetFirstChild<DataValidations>()!.Elements<DataValidation>()
            .Select(v => $"{v.Formula1!.Text}..{v.Formula2!.Text}").Order(StringComparer.Ordinal).ToArray();
        // SO maxima of appraised leaves: 5, 5, 10, 20, 10, 14.5, 5.5; survey leaves are locked and not validated.
        Assert.Equal(["0..10", "0..14.5", "0..20", "0..5", "0..5.5"], rules);
    }

    [Fact]
    public void Write_UnitOfAnotherGroup_Throws()
    {
        Assert.Throws<ArgumentException>(() => TemplateWriter.Write(TestData.Scheme, new TemplateRequest(2025, "SO", FileKind.SelfAssessment, [TestData.AnHoa])));
        Assert.Throws<ArgumentException>(() => TemplateWriter.Write(TestData.Scheme, new TemplateRequest(2025, "SO", FileKind.Appraisal, [TestData.Justice])));
    }

    [Fact]
    public void FileName_OneUnit_NamesKindYearAndUnit()
    {
        Assert.Equal("tu-danh-gia_2025_SO-TP.xlsx", TemplateWriter.FileName(RequestFor(FileKind.SelfAssessment)));
        Assert.Equal("tham-dinh-lan-2_2025_SO.csv", TemplateWriter.FileName(RequestFor(FileKind.Appraisal), FileFormat.Csv));
    }

    [Fact]
    public void Write_SameRequestTwice_IsByteIdentical()
    {
        var kinds = Enum.GetValues<FileKind>().Where(k => k != FileKind.Invalid).ToArray();
        var first = kinds.Select(k => TemplateWriter.Write(TestData.Scheme, RequestFor(k))).ToArray();
        Thread.Sleep(2100); // zip timestamps have a two-second resolution: a clock-stamped package would differ now
        var second = kinds.Select(k => TemplateWriter.Write(TestData.Scheme, RequestFor(k))).ToArray();
        for (var i = 0; i < kinds.Length; i++)
            Assert.True(first[i].AsSpan().SequenceEqual(second[i]), $"{kinds[i]} template differs between two writes");
    }

    /// <summary>Before the fix the CSV listed the survey leaves like any other, and filling every leaf row gave PAR-E035 for each.</summary>
    [Fact]
    public void Csv_SelfAssessment_EveryLeafRowFilled_IsAcceptedWithoutSurveyRows()
    {
        var request = RequestFor(FileKind.SelfAssessment);
        var csv = System.Text.Encoding.UTF8.GetString(TemplateWriter.Write(TestData.Scheme, request, FileFormat.Csv)).TrimStart('\uFEFF');
        var leaves = TestData.Scheme.Leaves.Select(l => l.Code.Value).ToHashSet(StringComparer.Ordinal);
        var filled = string.Join("\r\n", csv.Split("\r\n").Select(line =>
            leaves.Contains(line.Split(';')[0]) && line.EndsWith(";;;", StringComparison.Ordinal) ? line[..^3] + ";0;;" : line));

        var outcome = SubmissionReader.Read(new SubmissionRequest(2025, FileKind.SelfAssessment, "tu-danh-gia.csv", TestData.Justice.Code),
            System.Text.Encoding.UTF8.GetBytes(filled), TestData.Scheme, TestData.Units);

        Assert.Equal(0, outcome.Report.ErrorCount);
        Assert.DoesNotContain(outcome.Report.Problems, p => p.Code == "PAR-E035");
        // The same rows as the JSON skeleton: every leaf the unit marks, no survey leaf.
        var json = System.Text.Json.Nodes.JsonNode.Parse(TemplateWriter.Write(TestData.Scheme, request, FileFormat.Json))!;
        var jsonCodes = json["rows"]!.AsArray().Select(r => (string)r!["code"]!).ToList();
        Assert.Equal(jsonCodes, outcome.Sheets.Single().Leaves.Select(l => l.Criterion.Value));
        Assert.DoesNotContain("4.1", jsonCodes);
    }
}
