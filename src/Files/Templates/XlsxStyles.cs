using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParServerless.Files.Templates;

/// <summary>The few cell styles templates use. Indices are positions in cellXfs.</summary>
internal static class XlsxStyles
{
    public const uint Plain = 0;
    public const uint Title = 1;
    public const uint Header = 2;
    public const uint Heading = 3;
    public const uint Input = 4;
    public const uint InputText = 5;
    public const uint Shown = 6;

    public static Stylesheet Build()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Times New Roman" }),
            new Font(new Italic(), new FontSize { Val = 12 }, new Color { Rgb = "FF7F7F7F" }, new FontName { Val = "Times New Roman" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9D9D9"),
            Solid("FFFFF2CC"));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(), thin);
        var xfs = new CellFormats(
            Xf(0, 0, 0, locked: true, wrap: false),   // Plain
            Xf(2, 0, 0, locked: true, wrap: false),   // Title
            Xf(1, 2, 1, locked: true, wrap: true),    // Header
            Xf(1, 0, 1, locked: true, wrap: true),    // Heading
            Xf(0, 3, 1, locked: false, wrap: false),  // Input
            Xf(0, 3, 1, locked: false, wrap: true),   // InputText
            Xf(3, 0, 1, locked: true, wrap: true));   // Shown
        return new Stylesheet(fonts, fills, borders,
            new CellStyleFormats(new CellFormat()), xfs);
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static CellFormat Xf(uint font, uint fill, uint border, bool locked, bool wrap) => new(
        new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top },
        new Protection { Locked = locked })
    {
        FontId = font, FillId = fill, BorderId = border, FormatId = 0,
        ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true, ApplyProtection = true,
    };
}

/// <summary>The shared string table, built as cells are written (Excel's own way of storing text).</summary>
internal sealed class SharedStrings(SharedStringTablePart part)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly SharedStringTable _table = new();

    public Cell Cell(string column, uint row, string text, uint style) =>
        Cell(column + row.ToString(System.Globalization.CultureInfo.InvariantCulture), text, style);

    public Cell Cell(string reference, string text, uint style)
    {
        if (!_index.TryGetValue(text, out var i))
        {
            i = _index.Count;
            _index[text] = i;
            _table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return new Cell
        {
            CellReference = reference, DataType = CellValues.SharedString, StyleIndex = style,
            CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    public void Save()
    {
        _table.Count = (uint)_index.Count;
        _table.UniqueCount = (uint)_index.Count;
        part.SharedStringTable = _table;
    }
}
