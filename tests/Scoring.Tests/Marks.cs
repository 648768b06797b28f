using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Tests;

/// <summary>Builds raw mark sheets tersely: <c>Marks.Sheet(MarkSource.Appraisal1, ("1.1", 18m), ("1.2", 10m))</c>.</summary>
internal static class Marks
{
    public static readonly SchemeRef Ref = new("TEST-TINY", 3);

    public static MarkSheet Sheet(MarkSource source, params (string Code, decimal? Points)[] leaves) =>
        Sheet("U1", source, leaves);

    public static MarkSheet Sheet(string unit, MarkSource source, params (string Code, decimal? Points)[] leaves) =>
        new(Ref, 2025, unit, source, leaves.Select(l => LeafMark.Of(l.Code, l.Points)).ToArray(), []);

    public static MarkSheet Adjustments(string unit, params decimal[] points) =>
        new(Ref, 2025, unit, MarkSource.BonusPenalty, [], points.Select(p => new Adjustment(p, p > 0 ? "Khen thưởng" : "Vi phạm")).ToArray());

    public static UnitMarks Gather(params MarkSheet[] sheets) => UnitMarks.Gather(sheets[0].UnitCode, sheets);
}
