using System.Globalization;
using System.Text;
using System.Text.Json;
using ParServerless.Scoring.Formatting;
using static ParServerless.Pipeline.Pages.Html;

namespace ParServerless.Pipeline.Pages;

/// <summary>A unit's change against the earlier year (so với năm trước), as the results page shows it.</summary>
/// <param name="Points">Index now − score then, unrounded as far as the source allows.</param>
/// <param name="RankChange">Rank then − rank now: positive means the unit moved up; null when ranks are not comparable.</param>
internal sealed record UnitChange(int PreviousYear, decimal Points, int? PreviousRank, int? RankChange);

/// <summary>
/// The results table's "change from last year" column, kept apart from the rest of the page so that its source can change
/// alone. Today the source is the published Decision's JSON (<c>decision.json</c>: each appendix row's <c>change</c>, which
/// the Decision computed with <c>YearOverYear</c> against the earlier year's published or imported table). When the public
/// results contract carries previous total, rank and change, <see cref="FromDecision"/> is the one method to replace.
/// </summary>
internal static class ChangeColumn
{
    /// <summary>The changes by unit code; empty when the Decision has no earlier year to compare with.</summary>
    public static IReadOnlyDictionary<string, UnitChange> FromDecision(BinaryData? decisionJson)
    {
        var changes = new Dictionary<string, UnitChange>(StringComparer.Ordinal);
        if (decisionJson is null) return changes;
        using var doc = JsonDocument.Parse(decisionJson.ToMemory());
        if (!doc.RootElement.TryGetProperty("appendices", out var appendices) || appendices.ValueKind != JsonValueKind.Array) return changes;
        foreach (var appendix in appendices.EnumerateArray())
        {
            if (!appendix.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array) continue;
            foreach (var row in rows.EnumerateArray())
            {
                if (UnitPage.Str(row, "unitCode") is not { } unit || UnitPage.Obj(row, "change") is not { } c) continue;
                if (UnitPage.Int(c, "previousYear") is not { } year || !c.TryGetProperty("points", out var p) || !p.TryGetDecimal(out var points)) continue;
                changes[unit] = new UnitChange(year, points, UnitPage.Int(c, "previousRank"), UnitPage.Int(c, "rankChange"));
            }
        }
        return changes;
    }

    /// <summary>The year compared with, or null when no unit has a change (then the column is left out).</summary>
    public static int? PreviousYear(IReadOnlyDictionary<string, UnitChange> changes) =>
        changes.Count == 0 ? null : changes.Values.Max(c => c.PreviousYear);

    public static string Header(Lang l, int previousYear) =>
        "<th scope=\"col\" class=\"num\" data-sort=\"num\">" + l.T("So với năm ", "Change from ") + l.Int(previousYear) + "</th>";

    /// <summary>The cell: the signed change in points, with a word for screen readers (colour is never the only cue), and the
    /// rank movement when ranks compare; a dash for a unit with nothing to compare with.</summary>
    public static string Cell(Lang l, ScoreFormat format, UnitChange? change)
    {
        if (change is null) return "<td class=\"num\" data-value=\"\">—<span class=\"sr\"> (" + l.T("không so sánh được", "not compared") + ")</span></td>";
        var rounded = format.Round(change.Points);
        var word = rounded > 0 ? l.T("tăng", "up") : rounded < 0 ? l.T("giảm", "down") : l.T("không đổi", "unchanged");
        var sb = new StringBuilder("<td class=\"num ").Append(rounded > 0 ? "up" : rounded < 0 ? "down" : "").Append("\" data-value=\"")
            .Append(change.Points.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(E(l.Change(format, change.Points)))
            .Append("<span class=\"sr\"> (").Append(word).Append(")</span>");
        if (change.RankChange is { } moved and not 0)
            sb.Append("<br><span class=\"small ").Append(moved > 0 ? "up" : "down").Append("\">").Append(moved > 0 ? l.T("lên ", "up ") : l.T("xuống ", "down ")).Append(l.Int(Math.Abs(moved)))
              .Append(l.T(" bậc", Math.Abs(moved) == 1 ? " place" : " places")).Append("</span>");
        return sb.Append("</td>").ToString();
    }
}
