using System.Globalization;
using System.Text;
using ParServerless.Scoring.Marks;

namespace ParServerless.Files.Tests.Support;

/// <summary>Canonical text of marks, so tests compare content (records compare lists by reference).</summary>
internal static class Describe
{
    public static string Sheets(IEnumerable<MarkSheet> sheets)
    {
        var sb = new StringBuilder();
        foreach (var s in sheets)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{s.Scheme} {s.Year} {s.UnitCode} {s.Source}\n");
            foreach (var l in s.Leaves)
                sb.Append(CultureInfo.InvariantCulture, $"  {l.Criterion} {Num(l.Points)} note=[{l.Note}] ev=[{string.Join("|", l.Evidence)}]\n");
            foreach (var a in s.Adjustments)
                sb.Append(CultureInfo.InvariantCulture, $"  adj {Num(a.Points)} [{a.Reason}]\n");
        }
        return sb.ToString();
    }

    public static string Published(IEnumerable<PublishedRow> rows) =>
        string.Join("\n", rows.Select(r => $"{r.UnitName}|{r.UnitCode}|{r.GroupCode}|{Num(r.Total)}|{r.Rank}|{r.Band}"));

    public static string Num(decimal? d) => d?.ToString("0.############", CultureInfo.InvariantCulture) ?? "-";
}
