using ParServerless.Files.Tables;
using ParServerless.Files.Templates;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Files;

/// <summary>
/// Writes filled score files (tệp điểm đã nhập): the official template of a request with the marks typed into its editable cells,
/// exactly as a unit, the council or the Sở Nội vụ would fill it. Used for pre-filled downloads and for sample uploads.
/// </summary>
/// <remarks>
/// <para>The file is the template of <see cref="TemplateWriter"/> (same titles, columns, metadata, protection and validation),
/// so <see cref="SubmissionReader"/> reads it back to the same marks. Numbers are written as numbers in xlsx and json, and with a
/// decimal comma in csv (';' separator, UTF-8 with BOM); trailing zeros are dropped (4.500 is written 4,5). Evidence is one
/// reference per line in a cell, an array in json.</para>
/// <para>Text is written as stored, except in csv where formula-like text goes through <see cref="CsvSafe.Field"/> like every
/// csv export, and so reads back with its leading apostrophe; use xlsx or json for such text.</para>
/// <para>Marks are not checked against maxima or decimals: the reader does that. A mark the file has no cell for (a survey leaf
/// in an appraisal, points in an explanation, another unit) is a caller bug and throws.</para>
/// <para>The same arguments always give the same bytes.</para>
/// </remarks>
public static class FilledFileWriter
{
    /// <summary>A filled file of kind 1–5 for the units of <paramref name="request"/>.</summary>
    /// <param name="request">Year, group, kind, units and round, as for the empty template.</param>
    /// <param name="sheets">At most one sheet per unit of the request, of the source the kind carries (self-assessment;
    /// appraisal round 1 or 2 for the request's round; explanation; survey; bonus/penalty with its <see cref="MarkSheet.Adjustments"/>).
    /// A unit without a sheet gets the template's empty rows; for bonus/penalty that means "no bonus or penalty".</param>
    /// <exception cref="ArgumentException">The request does not fit the scheme, or a sheet does not fit the request.</exception>
    public static byte[] Write(Scheme scheme, TemplateRequest request, IReadOnlyList<MarkSheet> sheets, FileFormat format = FileFormat.Xlsx)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var layout = TemplateLayout.Build(scheme, request);
        if (request.Kind == FileKind.PublishedResults)
            throw new ArgumentException("Published results are written from published rows, not mark sheets", nameof(request));
        var source = request.Step.MarkSource;
        var units = request.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var byUnit = new Dictionary<string, MarkSheet>(StringComparer.Ordinal);
        foreach (var sheet in sheets)
        {
            ArgumentNullException.ThrowIfNull(sheet, nameof(sheets));
            if (sheet.Scheme != scheme.Ref || sheet.Year != request.Year || sheet.Source != source)
                throw new ArgumentException(
                    $"Sheet {sheet.Source} {sheet.Scheme} {sheet.Year} of {sheet.UnitCode} does not fit a {request.Kind} file of {scheme.Ref} for {request.Year}",
                    nameof(sheets));
            if (!units.Contains(sheet.UnitCode))
                throw new ArgumentException($"Unit {sheet.UnitCode} is not among the request's units", nameof(sheets));
            if (!byUnit.TryAdd(sheet.UnitCode, sheet))
                throw new ArgumentException($"Two sheets for unit {sheet.UnitCode}", nameof(sheets));
        }

        var rows = request.Kind == FileKind.BonusPenalty
            ? AdjustmentLines(request.Units, byUnit)
            : LeafLines(layout, request.Kind, byUnit);
        return Render(layout.WithRows(rows), format);
    }

    /// <summary>A filled published-results file (kết quả đã công bố): one line per row, in the order given.</summary>
    /// <param name="request">Kind <see cref="FileKind.PublishedResults"/>, the year the table was published for; no units needed.</param>
    /// <exception cref="ArgumentException">The request is not for published results.</exception>
    public static byte[] Write(Scheme scheme, TemplateRequest request, IReadOnlyList<PublishedRow> rows, FileFormat format = FileFormat.Xlsx)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var layout = TemplateLayout.Build(scheme, request);
        if (request.Kind != FileKind.PublishedResults)
            throw new ArgumentException($"Published rows make a published-results file, not {request.Kind}", nameof(request));
        var lines = rows.Select(r =>
        {
            var inputs = new Dictionary<Column, CellInput>
            {
                [Column.UnitName] = CellInput.Of(r.UnitName),
                [Column.Total] = CellInput.Of(r.Total),
            };
            if (r.UnitCode is not null) inputs[Column.Unit] = CellInput.Of(r.UnitCode);
            if (r.GroupCode is not null) inputs[Column.Group] = CellInput.Of(r.GroupCode);
            if (r.Rank is { } rank) inputs[Column.Rank] = CellInput.Of(rank);
            if (r.Band is not null) inputs[Column.Band] = CellInput.Of(r.Band);
            return new TemplateRow(RowStyle.Free, null, null, null, inputs);
        }).ToList();
        Pad(lines, TemplateLayout.PublishedLines, () => new TemplateRow(RowStyle.Free, null, null, null));
        return Render(layout.WithRows(lines), format);
    }

    private static byte[] Render(TemplateLayout layout, FileFormat format) => format switch
    {
        FileFormat.Xlsx => XlsxTemplateWriter.Write(layout),
        FileFormat.Csv => TextTemplateWriter.Csv(layout),
        FileFormat.Json => TextTemplateWriter.Json(layout),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The template's rows with each unit's leaf marks typed in; every mark must land on a leaf row of its unit.</summary>
    private static List<TemplateRow> LeafLines(TemplateLayout layout, FileKind kind, Dictionary<string, MarkSheet> byUnit)
    {
        var single = layout.Request.Units.Count == 1 ? layout.Request.Units[0].Code : null;
        var pending = byUnit.Values.SelectMany(s => s.Leaves.Select(l => (s.UnitCode, l))).ToDictionary(x => (x.UnitCode, x.l.Criterion), x => x.l);
        foreach (var sheet in byUnit.Values)
            if (sheet.Adjustments.Count > 0)
                throw new ArgumentException($"A {kind} file carries no bonus or penalty lines (unit {sheet.UnitCode})", nameof(byUnit));
        var rows = new List<TemplateRow>(layout.Rows.Count);
        foreach (var row in layout.Rows)
        {
            var unit = row.Unit ?? single;
            if (row.Style != RowStyle.Leaf || unit is null || !pending.Remove((unit, row.Node!.Code), out var mark))
            {
                rows.Add(row);
                continue;
            }
            var inputs = new Dictionary<Column, CellInput>();
            if (mark.Points is { } points) inputs[Cell(layout, Column.Points, unit, mark)] = CellInput.Of(points);
            if (mark.Note is not null) inputs[Cell(layout, Column.Note, unit, mark)] = CellInput.Of(mark.Note);
            if (mark.Evidence.Count > 0) inputs[Cell(layout, Column.Evidence, unit, mark)] = CellInput.Of(mark.Evidence);
            rows.Add(row with { Inputs = inputs });
        }
        if (pending.Count > 0)
        {
            var (unit, code) = pending.Keys.First();
            throw new ArgumentException($"A {kind} file for group {layout.Group?.Code} has no line for criterion {code} of unit {unit}", nameof(byUnit));
        }
        return rows;
    }

    /// <summary>The column a part of a mark goes to, when the file kind has one (an explanation has no points, an appraisal no evidence).</summary>
    private static Column Cell(TemplateLayout layout, Column column, string unit, LeafMark mark) =>
        layout.Columns.Contains(column)
            ? column
            : throw new ArgumentException($"A {layout.Kind} file has no '{Headers.Machine(column)}' column for {unit} {mark.Criterion}", nameof(mark));

    /// <summary>Each unit's lines, then blank lines up to the template's free lines so a person can still add some.</summary>
    private static List<TemplateRow> AdjustmentLines(IReadOnlyList<Unit> units, Dictionary<string, MarkSheet> byUnit)
    {
        var rows = new List<TemplateRow>();
        foreach (var unit in units)
        {
            var lines = new List<TemplateRow>();
            if (byUnit.TryGetValue(unit.Code, out var sheet))
            {
                if (sheet.Leaves.Count > 0)
                    throw new ArgumentException($"A bonus/penalty file carries no leaf marks (unit {unit.Code})", nameof(byUnit));
                lines.AddRange(sheet.Adjustments.Select(a => new TemplateRow(RowStyle.Free, unit.Code, null, null,
                    new Dictionary<Column, CellInput> { [Column.Points] = CellInput.Of(a.Points), [Column.Reason] = CellInput.Of(a.Reason) })));
            }
            Pad(lines, TemplateLayout.FreeLinesPerUnit, () => new TemplateRow(RowStyle.Free, unit.Code, null, null));
            rows.AddRange(lines);
        }
        return rows;
    }

    private static void Pad(List<TemplateRow> rows, int count, Func<TemplateRow> blank)
    {
        while (rows.Count < count) rows.Add(blank());
    }
}
