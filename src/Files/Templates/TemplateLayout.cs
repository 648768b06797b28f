using ParServerless.Files.Tables;
using ParServerless.Files.Validation;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Files.Templates;

internal enum RowStyle
{
    /// <summary>An area or criterion: a heading, nothing to fill in.</summary>
    Heading,
    /// <summary>A leaf to fill in.</summary>
    Leaf,
    /// <summary>A survey leaf shown for completeness in a self-assessment: not to be filled in.</summary>
    Shown,
    /// <summary>A free line (bonus/penalty, published results).</summary>
    Free,
}

/// <summary>One template row: what is printed, and which columns are editable.</summary>
/// <param name="Inputs">What a filled file has typed into the row's editable cells; null in an empty template.</param>
internal sealed record TemplateRow(RowStyle Style, string? Unit, CriterionNode? Node, decimal? Maximum,
    IReadOnlyDictionary<Column, CellInput>? Inputs = null)
{
    public CellInput? Input(Column column) => Inputs is not null && Inputs.TryGetValue(column, out var value) ? value : null;
}

/// <summary>A value typed into an editable cell of a filled file: a number, a text, or several lines (evidence, one per line).</summary>
internal sealed record CellInput(decimal? Number, string? Text, IReadOnlyList<string>? Lines)
{
    public static CellInput Of(decimal number) => new(number, null, null);

    public static CellInput Of(string text) => new(null, text, null);

    public static CellInput Of(IReadOnlyList<string> lines) => new(null, null, lines);

    /// <summary>The text of a text or lines value; lines are joined with a line break, as Alt+Enter in Excel.</summary>
    public string? JoinedText => Lines is { } lines ? string.Join('\n', lines) : Text;

    /// <summary>A number as a person types it: no trailing zeros (4.500 is 4.5).</summary>
    public static decimal Shown(decimal value) => value / 1.000000000000000000000000000m;
}

/// <summary>The one description of a template that the xlsx, csv and json writers share, so the three read back alike.</summary>
internal sealed class TemplateLayout
{
    /// <summary>Free lines per unit in a bonus/penalty template, and in a published-results template.</summary>
    internal const int FreeLinesPerUnit = 10;
    internal const int PublishedLines = 300;

    private TemplateLayout(Scheme scheme, TemplateRequest request, UnitGroup? group, IReadOnlyList<Column> columns, IReadOnlyList<TemplateRow> rows)
    {
        Scheme = scheme;
        Request = request;
        Group = group;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The same template with other rows: a filled file has the template's rows with inputs, and as many free lines as it needs.</summary>
    public TemplateLayout WithRows(IReadOnlyList<TemplateRow> rows) => new(Scheme, Request, Group, Columns, rows);

    public Scheme Scheme { get; }
    public TemplateRequest Request { get; }
    public UnitGroup? Group { get; }
    public IReadOnlyList<Column> Columns { get; }
    public IReadOnlyList<TemplateRow> Rows { get; }

    public FileKind Kind => Request.Kind;

    public static IReadOnlyList<Column> ColumnsFor(FileKind kind) => kind switch
    {
        FileKind.SelfAssessment => [Column.Code, Column.Name, Column.Maximum, Column.Points, Column.Note, Column.Evidence],
        FileKind.Appraisal => [Column.Unit, Column.Code, Column.Name, Column.Maximum, Column.Points, Column.Note],
        FileKind.Explanation => [Column.Code, Column.Name, Column.Maximum, Column.Note, Column.Evidence],
        FileKind.Survey => [Column.Unit, Column.Code, Column.Name, Column.Maximum, Column.Points, Column.Percent],
        FileKind.BonusPenalty => [Column.Unit, Column.Points, Column.Reason],
        FileKind.PublishedResults => [Column.Unit, Column.UnitName, Column.Group, Column.Total, Column.Rank, Column.Band],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Columns typed into on a row of the given style.</summary>
    public static bool IsEditable(Column column, RowStyle style, FileKind kind) => style switch
    {
        RowStyle.Leaf => column is Column.Points or Column.Percent or Column.Note or Column.Evidence,
        RowStyle.Free => kind == FileKind.PublishedResults || column != Column.Unit,
        _ => false,
    };

    /// <summary>Metadata written into every template, in this order.</summary>
    public IEnumerable<(string Key, string Value)> Metadata()
    {
        yield return ("format", "ParServerless score file template");
        yield return ("templateVersion", "1");
        yield return (MetadataCheck.Keys.SchemeId, Scheme.Ref.Id);
        yield return (MetadataCheck.Keys.SchemeVersion, Inv(Scheme.Ref.Version));
        yield return (MetadataCheck.Keys.Year, Inv(Request.Year));
        yield return (MetadataCheck.Keys.Kind, Request.Kind.ToString());
        if (Group is not null) yield return (MetadataCheck.Keys.Group, Group.Code);
        if (Request.Units.Count == 1 && Kind != FileKind.PublishedResults) yield return (MetadataCheck.Keys.Unit, Request.Units[0].Code);
        if (Request.Round is { } round) yield return (MetadataCheck.Keys.Round, Inv(round));
    }

    private static string Inv(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static TemplateLayout Build(Scheme scheme, TemplateRequest request)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Units);
        var kind = request.Kind;
        if (kind == FileKind.Invalid || !Enum.IsDefined(kind))
            throw new ArgumentException("A template needs a file kind", nameof(request));
        UnitGroup? group = null;
        if (kind != FileKind.PublishedResults || request.GroupCode is not null)
            group = scheme.FindGroup(request.GroupCode ?? "")
                    ?? throw new ArgumentException($"Scheme {scheme.Ref} has no group '{request.GroupCode}'", nameof(request));
        if (kind == FileKind.Appraisal && request.Round is not (1 or 2))
            throw new ArgumentException("An appraisal template needs round 1 or 2", nameof(request));
        if (kind is FileKind.SelfAssessment or FileKind.Explanation && request.Units.Count != 1)
            throw new ArgumentException($"A {kind} template is for exactly one unit", nameof(request));
        if (kind is FileKind.Appraisal or FileKind.Survey or FileKind.BonusPenalty && request.Units.Count == 0)
            throw new ArgumentException($"A {kind} template needs at least one unit", nameof(request));
        foreach (var unit in request.Units)
            if (group is not null && unit.GroupCode != group.Code)
                throw new ArgumentException($"Unit {unit.Code} is in group {unit.GroupCode}, not {group.Code}", nameof(request));

        var rows = new List<TemplateRow>();
        switch (kind)
        {
            case FileKind.SelfAssessment:
                AddTree(rows, scheme, group!.Code, null, ScoringMethod.Invalid);
                break;
            case FileKind.Explanation:
                AddTree(rows, scheme, group!.Code, null, ScoringMethod.Appraised);
                break;
            case FileKind.Appraisal:
                foreach (var unit in request.Units) AddTree(rows, scheme, group!.Code, unit.Code, ScoringMethod.Appraised);
                break;
            case FileKind.Survey:
                foreach (var unit in request.Units)
                    foreach (var (leaf, max) in scheme.LeavesFor(group!.Code))
                        if (leaf.Leaf!.Method == ScoringMethod.Survey) rows.Add(new TemplateRow(RowStyle.Leaf, unit.Code, leaf, max));
                break;
            case FileKind.BonusPenalty:
                foreach (var unit in request.Units)
                    for (var i = 0; i < FreeLinesPerUnit; i++) rows.Add(new TemplateRow(RowStyle.Free, unit.Code, null, null));
                break;
            default:
                for (var i = 0; i < PublishedLines; i++) rows.Add(new TemplateRow(RowStyle.Free, null, null, null));
                break;
        }
        return new TemplateLayout(scheme, request, group, ColumnsFor(kind), rows);
    }

    /// <summary>Areas and criteria as headings, leaves to fill in; nodes without an applicable leaf are left out.</summary>
    /// <param name="only">Keep leaves of this method only; <see cref="ScoringMethod.Invalid"/> keeps all, showing survey leaves locked.</param>
    private static void AddTree(List<TemplateRow> rows, Scheme scheme, string group, string? unit, ScoringMethod only)
    {
        foreach (var node in scheme.Areas.SelectMany(a => a.SelfAndDescendants()))
        {
            var leaves = node.SelfAndDescendants().Where(n => n.IsLeaf && n.Leaf!.AppliesTo(group)
                && (only == ScoringMethod.Invalid || n.Leaf.Method == only)).ToArray();
            if (leaves.Length == 0) continue;
            if (!node.IsLeaf)
            {
                rows.Add(new TemplateRow(RowStyle.Heading, unit, node, Trim(leaves.Sum(l => l.Leaf!.MaximumFor(group)!.Value))));
                continue;
            }
            var style = node.Leaf!.Method == ScoringMethod.Survey && only == ScoringMethod.Invalid ? RowStyle.Shown : RowStyle.Leaf;
            rows.Add(new TemplateRow(style, unit, node, node.Leaf.MaximumFor(group)));
        }
    }

    /// <summary>14.5 + 5.5 is 20.0 in decimal arithmetic; print it as 20.</summary>
    private static decimal Trim(decimal value) => value / 1.000000000000000000000000000m;

    /// <summary>Title lines above the header.</summary>
    public IEnumerable<string> Titles()
    {
        yield return string.Format(System.Globalization.CultureInfo.InvariantCulture, Request.Step.TemplateTitle, Request.Year);
        if (Request.Units.Count == 1 && Kind != FileKind.PublishedResults)
            yield return $"Đơn vị: {Request.Units[0].Name} ({Request.Units[0].Code}). Khối: {Group?.Name} ({Group?.Code}).";
        else if (Group is not null)
            yield return $"Khối: {Group.Name} ({Group.Code}).";
        yield return $"Bộ chỉ số: {Scheme.Name} ({Scheme.Ref}).";
        yield return Kind switch
        {
            FileKind.BonusPenalty => "Chỉ nhập vào các ô màu vàng. Điểm dương là điểm thưởng, điểm âm là điểm trừ; mỗi dòng ghi rõ lý do.",
            FileKind.PublishedResults => "Nhập đúng như Quyết định công bố: tên đơn vị, tổng điểm, vị thứ, xếp loại.",
            FileKind.Survey => "Chỉ nhập vào các ô màu vàng: điểm, hoặc tỷ lệ hài lòng (%) để hệ thống quy đổi. Không sửa cột Mã.",
            FileKind.Explanation => "Chỉ nhập vào các ô màu vàng: nội dung giải trình và tài liệu bổ sung (mỗi tài liệu một dòng). Không sửa cột Mã.",
            _ => $"Chỉ nhập vào các ô màu vàng. Điểm dùng dấu phẩy hoặc dấu chấm thập phân, tối đa {Scheme.Settings.Decimals} chữ số thập phân. Không sửa cột Mã.",
        };
    }
}
