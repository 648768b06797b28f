using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParServerless.Files.Tables;
using ParServerless.Files.Xlsx;
using ParServerless.Scoring.Schemes;
using Column = ParServerless.Files.Tables.Column;
using Headers = ParServerless.Files.Tables.Headers;

namespace ParServerless.Files.Templates;

/// <summary>Writes a template workbook: titles, header, criteria rows, unlocked input cells, 0..max validation, and the hidden metadata sheet.</summary>
internal static class XlsxTemplateWriter
{
    /// <summary>Row of the header; titles fill the rows above it.</summary>
    internal const int HeaderRow = 6;

    private const string MainContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    public static byte[] Write(TemplateLayout layout)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            // Relationship ids are given, not generated: the SDK's generated ids are random, and files must be byte-identical.
            var workbookPart = document.AddNewPart<WorkbookPart>(MainContentType, "rId1");
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rId1");
            styles.Stylesheet = XlsxStyles.Build();
            var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>("rId2"));

            var dataPart = workbookPart.AddNewPart<WorksheetPart>("rId3");
            dataPart.Worksheet = DataSheet(layout, strings);
            var metaPart = workbookPart.AddNewPart<WorksheetPart>("rId4");
            metaPart.Worksheet = MetaSheet(layout, strings);

            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Name = layout.Request.Step.SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(dataPart) });
            sheets.Append(new Sheet
            {
                Name = XlsxTableReader.MetaSheet, SheetId = 2, Id = workbookPart.GetIdOfPart(metaPart), State = SheetStateValues.Hidden,
            });
            strings.Save();
            workbookPart.Workbook.Save();
        }
        return DeterministicZip.Normalise(stream.ToArray());
    }

    private static Worksheet DataSheet(TemplateLayout layout, SharedStrings strings)
    {
        var columns = layout.Columns;
        var sheetData = new SheetData();
        var rowIndex = 1u;
        foreach (var title in layout.Titles())
        {
            sheetData.Append(new Row(strings.Cell("A", rowIndex, title, rowIndex == 1 ? XlsxStyles.Title : XlsxStyles.Plain)) { RowIndex = rowIndex });
            rowIndex++;
        }
        var header = new Row { RowIndex = HeaderRow };
        for (var i = 0; i < columns.Count; i++)
            header.Append(strings.Cell(Letter(i), HeaderRow, Headers.Vietnamese(columns[i], layout.Kind), XlsxStyles.Header));
        sheetData.Append(header);

        var validations = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var r = (uint)HeaderRow;
        foreach (var row in layout.Rows)
        {
            r++;
            var xrow = new Row { RowIndex = r };
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var reference = Letter(i) + r.ToString(CultureInfo.InvariantCulture);
                var editable = TemplateLayout.IsEditable(column, row.Style, layout.Kind);
                var style = editable ? (column is Column.Note or Column.Evidence or Column.Reason ? XlsxStyles.InputText : XlsxStyles.Input)
                    : row.Style == RowStyle.Heading ? XlsxStyles.Heading
                    : row.Style == RowStyle.Shown ? XlsxStyles.Shown
                    : XlsxStyles.Plain;
                var cell = column switch
                {
                    _ when editable && row.Input(column) is { } input => InputCell(strings, reference, input, style),
                    Column.Unit when row.Unit is not null => strings.Cell(reference, row.Unit, style),
                    Column.Code when row.Node is not null => strings.Cell(reference, row.Node.Code.Value, style),
                    Column.Name when row.Node is not null => strings.Cell(reference,
                        row.Style == RowStyle.Shown ? row.Node.Name + " (điểm điều tra, không tự chấm)" : row.Node.Name, style),
                    Column.Maximum when row.Maximum is { } max => new Cell
                    {
                        CellReference = reference, StyleIndex = style, CellValue = new CellValue(max.ToString(CultureInfo.InvariantCulture)),
                    },
                    _ => new Cell { CellReference = reference, StyleIndex = style },
                };
                xrow.Append(cell);
                if (editable && Rule(layout, column, row) is { } rule)
                {
                    if (!validations.TryGetValue(rule, out var refs)) validations[rule] = refs = [];
                    refs.Add(reference);
                }
            }
            sheetData.Append(xrow);
        }

        var worksheet = new Worksheet();
        worksheet.Append(new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = HeaderRow, TopLeftCell = "A" + (HeaderRow + 1).ToString(CultureInfo.InvariantCulture),
                ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            })
        { WorkbookViewId = 0 }));
        var cols = new Columns();
        for (var i = 0; i < columns.Count; i++)
        {
            var width = columns[i] switch
            {
                Column.Name or Column.UnitName => 60d,
                Column.Note or Column.Evidence or Column.Reason => 40d,
                Column.Unit => 14d,
                _ => 12d,
            };
            cols.Append(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true });
        }
        worksheet.Append(cols);
        worksheet.Append(sheetData);
        // Protection stops edits to codes, names and maxima by accident; it is not a security boundary (the reader checks everything).
        worksheet.Append(new SheetProtection
        {
            Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false, AutoFilter = false,
        });
        if (validations.Count > 0)
        {
            var dv = new DataValidations();
            foreach (var (rule, refs) in validations.OrderBy(v => v.Key, StringComparer.Ordinal))
                dv.Append(Validation(rule, refs));
            dv.Count = (uint)validations.Count;
            worksheet.Append(dv);
        }
        return worksheet;
    }

    /// <summary>A filled cell: numbers as numbers (as Excel stores what a person types), text in the shared string table.</summary>
    private static Cell InputCell(SharedStrings strings, string reference, CellInput input, uint style) =>
        input.Number is { } number
            ? new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(CellInput.Shown(number).ToString(CultureInfo.InvariantCulture)) }
            : strings.Cell(reference, input.JoinedText ?? "", style);

    /// <summary>A validation key "type|min|max" for an editable cell, or null for free text.</summary>
    private static string? Rule(TemplateLayout layout, Column column, TemplateRow row)
    {
        var settings = layout.Scheme.Settings;
        return column switch
        {
            Column.Points when layout.Kind == FileKind.BonusPenalty =>
                "decimal|" + Inv(-settings.PenaltyCap) + "|" + Inv(settings.BonusCap),
            Column.Points when row.Maximum is { } max => "decimal|0|" + Inv(max),
            Column.Percent => "decimal|0|100",
            Column.Total => "decimal|0|" + Inv(layout.Scheme.MaximumTotal + settings.BonusCap),
            Column.Rank => "whole|1|100000",
            _ => null,
        };
    }

    private static DataValidation Validation(string rule, List<string> refs)
    {
        var parts = rule.Split('|');
        var whole = parts[0] == "whole";
        return new DataValidation
        {
            Type = whole ? DataValidationValues.Whole : DataValidationValues.Decimal,
            Operator = DataValidationOperatorValues.Between,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorTitle = "Giá trị không hợp lệ",
            Error = whole
                ? "Nhập số nguyên từ " + parts[1] + " trở lên."
                : "Nhập số từ " + parts[1].Replace('.', ',') + " đến " + parts[2].Replace('.', ',') + ".",
            SequenceOfReferences = new ListValue<StringValue>(refs.Select(r => new StringValue(r))),
            Formula1 = new Formula1(parts[1]),
            Formula2 = new Formula2(parts[2]),
        };
    }

    private static Worksheet MetaSheet(TemplateLayout layout, SharedStrings strings)
    {
        var data = new SheetData();
        var r = 1u;
        foreach (var (key, value) in layout.Metadata())
        {
            data.Append(new Row(strings.Cell("A", r, key, XlsxStyles.Plain), strings.Cell("B", r, value, XlsxStyles.Plain)) { RowIndex = r });
            r++;
        }
        var worksheet = new Worksheet(data);
        worksheet.Append(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
        return worksheet;
    }

    private static string Inv(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Letter(int index) => SheetReader.ColumnLetters(index);
}
