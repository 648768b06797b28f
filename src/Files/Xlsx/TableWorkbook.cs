using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParServerless.Files.Templates;

namespace ParServerless.Files.Xlsx;

/// <summary>
/// A plain one-sheet workbook (bảng tính một trang): a header row of column names, then one row per record; numbers as numeric
/// cells, text in the shared string table. Used for exports such as the open data.
/// </summary>
/// <remarks>
/// Byte-identical for the same content in any process: relationship ids are given, not generated (the SDK's are random), and
/// every zip entry carries one fixed timestamp (<see cref="DeterministicZip"/>). Text is written as given; the caller
/// neutralises formula-like text (<see cref="CsvSafe.Neutralise"/>).
/// </remarks>
public static class TableWorkbook
{
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <param name="rows">Each record's values in column order: <see cref="decimal"/>, <see cref="int"/>, <see cref="long"/> or
    /// <see cref="double"/> become numeric cells, null an empty cell, anything else its invariant text.</param>
    public static byte[] Write(string sheetName, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(sheetName);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddNewPart<WorkbookPart>(MainContentType, "rId1");
            workbookPart.Workbook = new Workbook();
            var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>("rId1"));
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>("rId2");
            workbookPart.AddNewPart<WorkbookStylesPart>("rId3").Stylesheet = XlsxStyles.Build();

            var data = new SheetData();
            var header = new Row { RowIndex = 1 };
            for (var i = 0; i < columns.Count; i++) header.Append(strings.Cell(Letter(i), 1, columns[i], 0));
            data.Append(header);
            var r = 1u;
            foreach (var values in rows)
            {
                r++;
                var row = new Row { RowIndex = r };
                for (var i = 0; i < values.Count; i++)
                    if (Cell(strings, Letter(i) + r.ToString(CultureInfo.InvariantCulture), values[i]) is { } cell) row.Append(cell);
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook.AppendChild(new Sheets()).Append(new Sheet { Name = sheetName, SheetId = 1, Id = "rId2" });
            strings.Save();
            workbookPart.Workbook.Save();
        }
        return DeterministicZip.Normalise(stream.ToArray());
    }

    private static Cell? Cell(SharedStrings strings, string reference, object? value) => value switch
    {
        null => null,
        decimal d => Number(reference, d.ToString(CultureInfo.InvariantCulture)),
        int i => Number(reference, i.ToString(CultureInfo.InvariantCulture)),
        long l => Number(reference, l.ToString(CultureInfo.InvariantCulture)),
        double x => Number(reference, x.ToString("R", CultureInfo.InvariantCulture)),
        _ => strings.Cell(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 0),
    };

    private static Cell Number(string reference, string text) => new() { CellReference = reference, CellValue = new CellValue(text) };

    private static string Letter(int index) => SheetReader.ColumnLetters(index);
}
