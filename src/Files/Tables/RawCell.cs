using ParServerless.Scoring.Problems;

namespace ParServerless.Files.Tables;

internal enum CellKind
{
    Empty = 0,
    Number,
    Text,
    /// <summary>A formula whose result was never calculated and saved.</summary>
    FormulaWithoutValue,
    /// <summary>An Excel error value (#DIV/0!, #N/A…) or a boolean: never a valid mark.</summary>
    Other,
}

/// <summary>One cell as read, before interpretation. Text is already NFC.</summary>
internal readonly record struct RawCell(CellKind Kind, decimal Number, string? Text, Location Where)
{
    public bool IsEmpty => Kind == CellKind.Empty || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>The cell as people see it, for messages.</summary>
    public string Shown => Kind switch
    {
        CellKind.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CellKind.Text => Text ?? "",
        CellKind.FormulaWithoutValue => "=" + Text,
        _ => Text ?? "",
    };
}

/// <summary>One data row: its cells by column, and where it is.</summary>
internal sealed class RawRow(Location where)
{
    private readonly RawCell[] _cells = new RawCell[Enum.GetValues<Column>().Length];

    public Location Where { get; } = where;

    public RawCell this[Column column]
    {
        get => _cells[(int)column];
        set => _cells[(int)column] = value;
    }

    public bool IsBlank
    {
        get
        {
            foreach (var c in _cells)
                if (!c.IsEmpty) return false;
            return true;
        }
    }
}

/// <summary>A file reduced to metadata and rows of typed cells: what every format reader produces and the interpreter consumes.</summary>
internal sealed class RawTable
{
    /// <summary>Template metadata (scheme id/version, year, group, unit, kind, round), keyed case-insensitively.</summary>
    public Dictionary<string, (string Value, Location Where)> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool HasMeta { get; set; }

    /// <summary>Adds a metadata value; a key given twice is an error, never a silent "last one wins".</summary>
    public void AddMeta(string key, string value, Location where, ProblemBag bag)
    {
        HasMeta = true;
        if (Meta.TryGetValue(key, out var first))
        {
            bag.Error(FileProblemCodes.DuplicateKey, where,
                $"Thông tin mẫu '{key}' được ghi hai lần (lần đầu ở {first.Where}).",
                $"Template metadata '{key}' is given twice (first at {first.Where}).");
            return;
        }
        Meta[key] = (value, where);
    }

    /// <summary>Columns found in the header, with where the header is (for "missing column" problems).</summary>
    public HashSet<Column> Columns { get; } = [];

    public Location HeaderWhere { get; set; } = Location.Whole;

    public List<RawRow> Rows { get; } = [];

    public int NfdCount { get; set; }

    public Location? FirstNfd { get; set; }
}
