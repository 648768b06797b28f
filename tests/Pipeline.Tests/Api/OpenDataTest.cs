using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Publication;

namespace ParServerless.Pipeline.Tests.Api;

/// <summary>The open-data export (dữ liệu mở): export.xlsx is byte-identical between runs, like every other published output.</summary>
public sealed class OpenDataTest
{
    private static readonly IReadOnlyList<ResultRow> Rows =
    [
        new(2021, "SO-TP", "Sở Tư pháp", "SO", "AppraisedOnce", 90.5m, 60.25m, 20.125m, 0m, 0m, 80.375m, 100m, 80.375m, 1, "Tốt",
            new Dictionary<string, decimal> { ["1"] = 95.5m, ["2"] = 70m }, "TTH-PAR-2021@v1", "abc"),
        new(2021, "SO-NV", "=HYPERLINK(\"x\")", "SO", "Provisional", 70m, 50m, 10m, 0m, 1.5m, 58.5m, 100m, 58.5m, null, null,
            new Dictionary<string, decimal> { ["1"] = 60m }, "TTH-PAR-2021@v1", "abc"),
    ];

    /// <summary>
    /// The SHA-256 of <see cref="Rows"/>' workbook, pinned: every run of the test is another process, so a workbook stamped with a
    /// clock or random relationship ids (as MiniExcel wrote it before) fails here on the next run. Changes only with the writer
    /// or the DocumentFormat.OpenXml version.
    /// </summary>
    private const string PinnedSha256 = "26abfaecb9a6dfdc7943c10bf0d41ef9d4320e63d7ef3f52a764bbfaa7163204";

    [Fact]
    public void Xlsx_SameRows_SameBytesInEveryProcess()
    {
        var first = OpenData.Xlsx(Rows);
        Thread.Sleep(2100); // zip timestamps have a two-second resolution: a clock-stamped package would differ now
        Assert.Equal(first, OpenData.Xlsx(Rows));
        Assert.Equal(PinnedSha256, Convert.ToHexStringLower(SHA256.HashData(first)));
    }

    [Fact]
    public void Xlsx_IsValidOpenXml_WithTheColumnsNumericCellsAndNeutralisedText()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(OpenData.Xlsx(Rows)), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var book = doc.WorkbookPart!;
        var sheet = Assert.Single(book.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("KetQua", sheet.Name!.Value);
        var strings = book.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var rows = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.CellValue!.Text;

        Assert.Equal(OpenData.Columns(Rows), rows[0].Elements<Cell>().Select(Text));
        var tp = rows[1].Elements<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c);
        Assert.Null(tp["J2"].DataType);                        // total: a number, unrounded
        Assert.Equal("80.375", tp["J2"].CellValue!.Text);
        Assert.Equal("Sở Tư pháp", Text(tp["D2"]));
        Assert.Equal("'=HYPERLINK(\"x\")", Text(rows[2].Elements<Cell>().Single(c => c.CellReference!.Value == "D3")));
        Assert.DoesNotContain(rows[2].Elements<Cell>(), c => c.CellReference!.Value == "M3");   // no rank: an empty cell
    }
}
