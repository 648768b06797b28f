using System.Globalization;
using ParServerless.Files.Tables;
using ParServerless.Files.Validation;
using ParServerless.Files.Xlsx;
using ParServerless.Scoring;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Schemes;
using static ParServerless.Files.FileProblemCodes;
using static ParServerless.Files.Schemes.SchemeWorkbookLayout;

namespace ParServerless.Files.Schemes;

/// <summary>Turns the four sheets of a scheme workbook into a <see cref="SchemeDraft"/>; the validator does the checking.</summary>
internal static class SchemeWorkbookReader
{
    private sealed record GridRow(int Row, Dictionary<int, GridCell> Cells);

    public static SchemeDraft? Read(XlsxPackage package, ProblemBag bag)
    {
        var info = Grid(package, InfoSheet);
        var groups = Grid(package, GroupsSheet);
        var criteria = Grid(package, CriteriaSheet);
        var bands = Grid(package, BandsSheet);
        foreach (var (name, grid) in new[] { (InfoSheet, info), (GroupsSheet, groups), (CriteriaSheet, criteria), (BandsSheet, bands) })
            if (grid is null)
                bag.Error(MissingColumn, new Location(name),
                    $"Thiếu trang '{name}' trong bảng tính bộ chỉ số.", $"The scheme workbook has no sheet '{name}'.");
        if (info is null || groups is null || criteria is null || bands is null) return null;

        var values = new Dictionary<string, (GridCell Cell, Location Where)>(StringComparer.Ordinal);
        foreach (var row in info.Skip(1))
            if (row.Cells.TryGetValue(0, out var key) && key.Value is { } k && row.Cells.TryGetValue(1, out var value))
                values[Headers.Key(k)] = (value, new Location(InfoSheet, row.Row, "B", Field: k.Trim()));
        string? Text(string label) => values.TryGetValue(Headers.Key(label), out var v) ? Clean(v.Cell.Value) : null;
        decimal? Number(string label) => values.TryGetValue(Headers.Key(label), out var v) ? Num(v.Cell, v.Where, bag) : null;
        int? Int(string label) => Number(label) is { } d ? d == decimal.Truncate(d) && Math.Abs(d) < int.MaxValue ? (int)d : NotInt(label) : null;
        int? NotInt(string label)
        {
            bag.Error(NotANumber, values[Headers.Key(label)].Where,
                $"'{label}' phải là số nguyên.", $"'{label}' must be a whole number.");
            return null;
        }
        bool? Flag(string label) => Text(label) is { } t ? Headers.Key(t) is "có" or "yes" or "true" or "1" : null;

        var groupDrafts = new List<GroupDraft>();
        var surveyByGroup = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var gh = HeaderMap(groups);
        foreach (var row in groups.Skip(1))
        {
            var code = Cell(row, gh, GroupCode);
            var where = new Location(GroupsSheet, row.Row);
            if (code is null && Cell(row, gh, GroupName) is null) continue;
            groupDrafts.Add(new GroupDraft(code, Cell(row, gh, GroupName), where));
            if (gh.TryGetValue(Headers.Key(SurveyPoints), out var spCol) && row.Cells.TryGetValue(spCol, out var sp)
                && code is not null && Num(sp, where with { Column = SheetReader.ColumnLetters(spCol) }, bag) is { } points)
                surveyByGroup[code] = points;
        }

        var ch = HeaderMap(criteria);
        var groupColumns = groupDrafts.Where(g => g.Code is not null && ch.ContainsKey(Headers.Key(g.Code)))
            .Select(g => (Code: g.Code!, Column: ch[Headers.Key(g.Code!)])).ToArray();
        var nodes = new List<NodeDraft>();
        foreach (var row in criteria.Skip(1))
        {
            var code = Cell(row, ch, Code);
            var name = Cell(row, ch, NodeName);
            if (code is null && name is null) continue;
            var where = new Location(CriteriaSheet, row.Row, Criterion: code);
            decimal? max = ch.TryGetValue(Headers.Key(SchemeWorkbookLayout.Maximum), out var mc) && row.Cells.TryGetValue(mc, out var m)
                ? Num(m, where with { Column = SheetReader.ColumnLetters(mc) }, bag) : null;
            var byGroup = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            foreach (var (group, column) in groupColumns)
            {
                if (!row.Cells.TryGetValue(column, out var cell)) continue;
                if (cell.Kind == CellKind.Text && cell.Value is { } t && IsNotApplicable(t)) byGroup[group] = null;
                else if (Num(cell, where with { Column = SheetReader.ColumnLetters(column) }, bag) is { } v) byGroup[group] = v;
            }
            nodes.Add(new NodeDraft(code, name, max, Cell(row, ch, Method), byGroup, Cell(row, ch, Guidance), where));
        }

        var bh = HeaderMap(bands);
        var defaultBands = new List<BandDraft>();
        var bandsByGroup = new Dictionary<string, List<BandDraft>>(StringComparer.Ordinal);
        foreach (var row in bands.Skip(1))
        {
            var name = Cell(row, bh, BandName);
            var group = Cell(row, bh, BandGroup);
            if (name is null && group is null) continue;
            var where = new Location(BandsSheet, row.Row);
            decimal? from = bh.TryGetValue(Headers.Key(BandFrom), out var fc) && row.Cells.TryGetValue(fc, out var f) ? Num(f, where, bag) : null;
            var draft = new BandDraft(name, from, Cell(row, bh, BandColor), where);
            if (group is null) defaultBands.Add(draft);
            else
            {
                if (!bandsByGroup.TryGetValue(group, out var list)) bandsByGroup[group] = list = [];
                list.Add(draft);
            }
        }

        var settings = new SettingsDraft(Number(BonusCap), Number(PenaltyCap), Number(SurveyPoints), surveyByGroup, Int(Decimals),
            Text(Rounding), Text(Ties), Flag(Rescale), Flag(CapTotal), Text(Conversion), new Location(InfoSheet));
        return new SchemeDraft(Text(Id), Int(SchemeWorkbookLayout.Version), Text(SchemeWorkbookLayout.Name), Int(FromYear), Int(ToYear), Flag(Sample) ?? false,
            Number(MaximumTotal), groupDrafts, nodes, settings, defaultBands,
            bandsByGroup.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<BandDraft>)kv.Value, StringComparer.Ordinal));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : Text.Nfc(text.Trim());

    private static decimal? Num(GridCell cell, Location where, ProblemBag bag)
    {
        if (cell.Kind == CellKind.Number && NumberText.TryParseStored(cell.Value, out var n)) return n;
        if (cell.Kind == CellKind.Text && string.IsNullOrWhiteSpace(cell.Value)) return null;
        if (cell.Kind == CellKind.Text && NumberText.Parse(cell.Value, out var t) == NumberParse.Ok) return t;
        bag.Error(NotANumber, where, $"'{cell.Value}' không phải là số.", $"'{cell.Value}' is not a number.");
        return null;
    }

    private static Dictionary<string, int> HeaderMap(List<GridRow> grid)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        if (grid.Count == 0) return map;
        foreach (var (column, cell) in grid[0].Cells)
            if (cell.Value is { } text) map.TryAdd(Headers.Key(text), column);
        return map;
    }

    private static string? Cell(GridRow row, Dictionary<string, int> header, string label) =>
        header.TryGetValue(Headers.Key(label), out var column) && row.Cells.TryGetValue(column, out var cell)
            ? cell.Kind == CellKind.Number && NumberText.TryParseStored(cell.Value, out var n) ? n.ToString(CultureInfo.InvariantCulture) : Clean(cell.Value)
            : null;

    private static List<GridRow>? Grid(XlsxPackage package, string sheet)
    {
        var entry = package.Sheets.FirstOrDefault(s => Headers.Key(s.Name) == Headers.Key(sheet));
        if (entry is null || !package.HasPart(entry.Path)) return null;
        var rows = new List<GridRow>();
        using var reader = package.OpenXml(entry.Path);
        SheetReader.Read(reader, package.SharedStrings, package.Work, (r, cells) =>
        {
            rows.Add(new GridRow(r, cells.ToDictionary(c => c.Column)));
            return rows.Count < 5000;
        });
        return rows;
    }
}
