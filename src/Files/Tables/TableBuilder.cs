using ParServerless.Files.Containers;
using ParServerless.Files.Validation;
using ParServerless.Scoring;
using ParServerless.Scoring.Problems;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Tables;

/// <summary>
/// Turns grid rows (from xlsx or csv) into a <see cref="RawTable"/>: finds the header row, maps columns,
/// normalises text to NFC and enforces the row and text limits.
/// </summary>
internal sealed class TableBuilder(RawTable table, ProblemBag bag, ReadBudget budget, string? sheet, bool firstRowIsHeader)
{
    private readonly FileLimits limits = budget.Limits;

    /// <summary>Title rows above the header are skipped; a header must appear this early.</summary>
    private const int HeaderSearchRows = 50;

    private Column[] _columns = [];
    private string[] _columnNames = [];
    private bool _headerFound;
    private int _rowsSeen;

    public bool HeaderFound => _headerFound;

    /// <summary>The meaning of the header's column at a 0-based index; <see cref="Column.None"/> past the header or before it is found.</summary>
    public Column ColumnAt(int index) => index >= 0 && index < _columns.Length ? _columns[index] : Column.None;

    /// <summary>Adds one grid row; false once reading must stop.</summary>
    public bool AddRow(int rowNumber, List<GridCell> cells)
    {
        budget.Tick();
        if (!_headerFound)
        {
            if (++_rowsSeen > HeaderSearchRows) return false;
            TryHeader(rowNumber, cells);
            return true;
        }
        var row = new RawRow(new Location(sheet, rowNumber));
        foreach (var cell in cells)
        {
            if (cell.Column >= _columns.Length) continue;
            var column = _columns[cell.Column];
            if (column == Column.None) continue;
            var where = new Location(sheet, rowNumber, _columnNames[cell.Column]);
            row[column] = Make(cell, where);
        }
        if (row.IsBlank) return true;
        if (table.Rows.Count >= limits.MaxRows)
        {
            bag.Error(TooManyRows, row.Where,
                $"Tệp có quá {limits.MaxRows} dòng dữ liệu; hệ thống dừng đọc tại đây.",
                $"The file has more than {limits.MaxRows} data rows; reading stopped here.");
            return false;
        }
        table.Rows.Add(row);
        return true;
    }

    private void TryHeader(int rowNumber, List<GridCell> cells)
    {
        var recognised = 0;
        var width = cells.Count == 0 ? 0 : cells.Max(c => c.Column) + 1;
        var columns = new Column[width];
        var names = new string[width];
        foreach (var cell in cells)
        {
            if (cell.Kind != CellKind.Text) continue;
            var column = Headers.Recognise(cell.Value);
            names[cell.Column] = firstRowIsHeader ? Text.Nfc(cell.Value!.Trim()) : Xlsx.SheetReader.ColumnLetters(cell.Column);
            // The first column with a given meaning wins, so a stray duplicate header cannot shadow the template's.
            if (column == Column.None || table.Columns.Contains(column) || columns.Contains(column)) continue;
            columns[cell.Column] = column;
            recognised++;
        }
        if (!firstRowIsHeader && recognised < 2) return;
        for (var i = 0; i < width; i++)
        {
            names[i] ??= firstRowIsHeader ? Xlsx.SheetReader.ColumnLetters(i) : Xlsx.SheetReader.ColumnLetters(i);
            if (columns[i] != Column.None) table.Columns.Add(columns[i]);
        }
        _columns = columns;
        _columnNames = names;
        _headerFound = true;
        table.HeaderWhere = new Location(sheet, rowNumber);
    }

    private RawCell Make(GridCell cell, Location where) => cell.Kind switch
    {
        CellKind.Number => NumberText.TryParseStored(cell.Value, out var n)
            ? new RawCell(CellKind.Number, n, null, where)
            : new RawCell(CellKind.Other, 0, cell.Value, where),
        CellKind.Text => new RawCell(CellKind.Text, 0, CleanText(cell.Value ?? "", where), where),
        _ => new RawCell(cell.Kind, 0, cell.Value, where),
    };

    /// <summary>NFC, and the length limit: shared by every format.</summary>
    internal string CleanText(string text, Location where) => Clean(text, where, table, bag, budget);

    /// <summary>NFC and the cell length limit, spending the text from the file's budget.</summary>
    internal static string Clean(string text, Location where, RawTable table, ProblemBag bag, ReadBudget budget)
    {
        var limits = budget.Limits;
        if (text.Length > limits.MaxTextLength)
        {
            bag.Error(TextTooLong, where,
                $"Ô có {text.Length} ký tự, vượt giới hạn {limits.MaxTextLength} ký tự.",
                $"The cell holds {text.Length} characters, above the limit of {limits.MaxTextLength}.");
            text = text[..limits.MaxTextLength];
        }
        budget.Text(text.Length);
        var nfc = Text.Nfc(text);
        if (!ReferenceEquals(nfc, text))
        {
            table.NfdCount++;
            table.FirstNfd ??= where;
        }
        return nfc;
    }
}
