namespace ParServerless.Documents.Layout;

/// <summary>A column of a table: header text, share of the width, alignment of its body cells.</summary>
internal sealed record TableColumn(string Header, float Weight, TextAlign Align = TextAlign.Center);

/// <summary>A body cell; style and alignment default to the table's and the column's.</summary>
internal sealed record TableCell(string Text, TextStyle? Style = null, TextAlign? Align = null)
{
    public static implicit operator TableCell(string text) => new(text);
}

/// <summary>A body row. Rows are never split across pages.</summary>
/// <param name="Fill">Background as 0xAARRGGBB, or 0 for none.</param>
internal sealed record TableRow(IReadOnlyList<TableCell> Cells, uint Fill = 0);

/// <summary>A ruled table whose header row repeats on every page it spans.</summary>
internal sealed record Table(
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    TextStyle Body,
    TextStyle Header,
    float Padding = 2.5f,
    uint HeaderFill = 0,
    float SpaceAfter = 4) : Block;
