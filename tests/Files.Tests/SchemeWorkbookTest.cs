using System.IO.Compression;
using ParServerless.Files.Tests.Support;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Files.Tests;

public class SchemeWorkbookTest
{
    public static TheoryData<string> Shipped() => new(ShippedSchemes.SampleProvince2025, ShippedSchemes.Hue2021);

    [Fact]
    public void Read_WrittenTestScheme_GivesSameScheme()
    {
        var scheme = TestData.Scheme;
        var read = SchemeWorkbook.Read(SchemeWorkbook.Write(scheme));
        Assert.True(read.Accepted, read.Report.ToText());
        Assert.Equal(SchemeJson.Save(scheme), SchemeJson.Save(read.Value!));
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Read_WrittenShippedScheme_GivesSameScheme(string name)
    {
        var scheme = ShippedSchemes.Load(name);
        var read = SchemeWorkbook.Read(SchemeWorkbook.Write(scheme));
        Assert.True(read.Accepted, read.Report.ToText());
        Assert.Equal(SchemeJson.Save(scheme), SchemeJson.Save(read.Value!));
    }

    [Fact]
    public void Read_WorkbookWithoutCriteriaSheet_ReportsMissingSheet()
    {
        var bytes = Remove(SchemeWorkbook.Write(TestData.Scheme), "Tiêu chí");
        var read = SchemeWorkbook.Read(bytes);
        Assert.Null(read.Value);
        Assert.Equal(["PAR-E016"], read.Report.Codes);
    }

    [Fact]
    public void Read_ScoreFileInsteadOfScheme_ReportsMissingSheets()
    {
        var read = SchemeWorkbook.Read(TemplateWriter.Write(TestData.Scheme, 2025, TestData.Justice, FileKind.SelfAssessment));
        Assert.Equal(["PAR-E016"], read.Report.Codes);
    }

    [Fact]
    public void Read_NotAWorkbook_ReportsUnreadable()
    {
        Assert.Equal(["PAR-E001"], SchemeWorkbook.Read("Mã;Nội dung"u8.ToArray()).Report.Codes);
        Assert.Equal(["PAR-E002"], SchemeWorkbook.Read(Array.Empty<byte>()).Report.Codes);
    }

    [Fact]
    public void Read_SchemeProblems_AreReportedWithSchemeCodes()
    {
        // A group whose maxima no longer add up to 100: the validator's PAR-S015, located by the workbook.
        var json = TestData.SchemeJsonText.Replace("\"max\": 14.5", "\"max\": 13.5", StringComparison.Ordinal);
        var scheme = SchemeJson.Load(json.Replace("\"maximumTotal\": 100", "\"maximumTotal\": 99", StringComparison.Ordinal)).Value!;
        var bytes = SchemeWorkbook.Write(scheme);
        var read = SchemeWorkbook.Read(ReplaceNumber(bytes, 99m, 100m));
        Assert.Contains("PAR-S015", read.Report.Codes);
        Assert.Null(read.Value);
    }

    private static byte[] ReplaceNumber(byte[] workbook, decimal from, decimal to)
    {
        // Rewrites a number in the info sheet (sheet1), as a Sở editing the sample would.
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            xml = xml.Replace($"<x:v>{from}</x:v>", $"<x:v>{to}</x:v>", StringComparison.Ordinal)
                     .Replace($"<v>{from}</v>", $"<v>{to}</v>", StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }
        return stream.ToArray();
    }

    private static byte[] Remove(byte[] workbook, string sheetName)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
        {
            var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First(s => s.Name == sheetName);
            doc.WorkbookPart.DeletePart(sheet.Id!);
            sheet.Remove();
            doc.WorkbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }
}
