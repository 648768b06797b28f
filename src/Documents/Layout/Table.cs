namespace ParServerless.Documents.Layout;

/// <summary>A column of a table: header text, share of the width, alignment of its body cells (numbers: right, so that
/// figures of equal decimals line up on the decimal comma).</summary>
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
/// <remarks>
/// Columns get at least the width of their widest unbreakable body text (a number never wraps); the rest is shared by weight.
/// A table never starts with fewer than <see cref="MinRowsAtPageEnd"/> rows at a page's end, and its last rows stay on the
/// page of its <see cref="Trailer"/> (summary and note). <see cref="Lead"/> (its heading) stays with its first rows.
/// </remarks>
internal sealed record Table(
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    TextStyle Body,
    TextStyle Header,
    float Padding = 2.5f,
    uint HeaderFill = 0,
    float SpaceAfter = 4) : Block
{
    /// <summary>Rows a table must place on a page before breaking it: three rows alone at a page's end are an orphan.</summary>
    public const int MinRowsAtPageEnd = 4;

    /// <summary>Blocks placed just before the header row and kept with the first rows (a heading, a key).</summary>
    public IReadOnlyList<Block> Lead { get; init; } = [];

    /// <summary>Blocks placed just after the last row and kept with the last rows (the summary and the note).</summary>
    public IReadOnlyList<Block> Trailer { get; init; } = [];
}
