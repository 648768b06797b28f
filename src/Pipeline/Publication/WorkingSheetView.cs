using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Publication;

/// <summary>
/// A number as served: the machine value (<see cref="CanonicalNumber"/>: unrounded to 10 places, the same digits as the open
/// data and decision.json) and the vi-VN display text for people, rounded by the scheme.
/// </summary>
public sealed record Figure(decimal Value, string Text)
{
    public static Figure Of(ScoreFormat format, decimal value) => new(CanonicalNumber.Of(value), format.Format(value));

    /// <summary>A signed change: ASCII minus in the value, "+1,500" / "−2,000" (typographic minus) in the text.</summary>
    public static Figure Change(ScoreFormat format, decimal change) => new(CanonicalNumber.Of(change), format.FormatChange(change));

    public static Figure? Of(ScoreFormat format, decimal? value) => value is { } v ? Of(format, v) : null;
}

/// <summary>The working sheet (phiếu kết quả) of one unit as JSON: every leaf, the areas against the group, the gaps.</summary>
public sealed record WorkingSheetView(
    string Format, int Year, string Unit, string UnitName, string Group, string GroupName, string Scheme, string Status,
    int? Rank, int RankedInGroup, string? Band, Figure Total, Figure Index, Figure SelfTotal, Figure AppraisedPoints, Figure SurveyPoints,
    Figure Bonus, Figure Penalty, object? NextBand, object? NextRank, IReadOnlyList<object> Areas, IReadOnlyList<object> Leaves,
    IReadOnlyList<string> BiggestLosses, object? Change)
{
    public const string FormatVersion = "par-working-sheet/1";

    /// <summary>How the JSON twin is written: camelCase, indented, Vietnamese letters as they are (not \u-escaped).</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The sheet's JSON twin (<c>units/{code}.json</c>) as stored and served.</summary>
    public static byte[] Utf8(WorkingSheet sheet, Scheme scheme) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Of(sheet, scheme), Json);

    public static WorkingSheetView Of(WorkingSheet sheet, Scheme scheme)
    {
        var f = ScoreFormat.For(scheme);
        var r = sheet.Result;
        return new WorkingSheetView(
            FormatVersion, r.Year, r.Unit.Code, r.Unit.Name, sheet.Group.Code, sheet.Group.Name, r.Scheme.ToString(), r.Status.ToString(),
            sheet.Rank, sheet.RankedInGroup, sheet.Band?.Name, Figure.Of(f, r.Total), Figure.Of(f, r.Index), Figure.Of(f, r.SelfTotal),
            Figure.Of(f, r.AppraisedPoints), Figure.Of(f, r.SurveyPoints), Figure.Of(f, r.Bonus), Figure.Of(f, r.Penalty),
            sheet.NextBand is { } nb ? new { band = nb.Band.Name, indexPoints = Figure.Of(f, nb.IndexPoints), points = Figure.Of(f, nb.Points) } : null,
            sheet.NextRank is { } nr ? new { rank = nr.Rank, unitsAhead = nr.UnitsAhead, indexPoints = Figure.Of(f, nr.IndexPoints), points = Figure.Of(f, nr.Points) } : null,
            sheet.Areas.Select(a => (object)new
            {
                code = a.Code.Value, name = a.Name, maximum = Figure.Of(f, a.Maximum), points = Figure.Of(f, a.Points),
                index = Figure.Of(f, a.Index), groupAverageIndex = Figure.Of(f, a.GroupAverageIndex),
            }).ToList(),
            sheet.Leaves.Select(l => (object)new
            {
                code = l.Code.Value, name = l.Name, method = l.Method.ToString(), maximum = Figure.Of(f, l.Maximum),
                self = Figure.Of(f, l.Self), appraisal1 = Figure.Of(f, l.Appraisal1), appraisal2 = Figure.Of(f, l.Appraisal2),
                survey = Figure.Of(f, l.Survey), final = Figure.Of(f, l.Final), lost = Figure.Of(f, l.Lost),
            }).ToList(),
            sheet.BiggestLosses.Select(l => l.Code.Value).ToList(),
            sheet.Change is { } c ? new
            {
                previousYear = c.PreviousYear, basis = c.Basis.ToString(), previousScore = Figure.Of(f, c.PreviousScore),
                pointsChange = c.PointsChange is { } pc ? Figure.Change(f, pc) : null,
                previousRank = c.PreviousRank, rankChange = c.RankChange, predecessors = c.Predecessors,
            } : null);
    }
}
