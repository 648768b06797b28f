using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Samples;

/// <summary>
/// Generates a plausible year of raw marks for a unit whose final total must equal a given score exactly:
/// survey points near the unit's level, appraised points spread over the leaves in proportion to their maxima with a
/// deterministic jitter, a higher self-assessment, and a first appraisal that the explanation partly recovers.
/// </summary>
/// <remarks>Every mark is a multiple of the scheme's smallest shown step, so the published figure is reproduced exactly.</remarks>
public static class SampleMarks
{
    public static IReadOnlyList<MarkSheet> Generate(Scheme scheme, Unit unit, int year, decimal total)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(unit);
        var step = 1m / Pow10(scheme.Settings.Decimals);
        var random = new Random(StableSeed(unit.Code));
        var leaves = scheme.LeavesFor(unit.GroupCode).ToArray();
        var survey = leaves.Where(l => l.Node.Leaf!.Method == ScoringMethod.Survey).ToArray();
        var appraised = leaves.Where(l => l.Node.Leaf!.Method == ScoringMethod.Appraised).ToArray();
        var level = total / scheme.MaximumTotal;

        var surveyPoints = survey.ToDictionary(l => l.Node.Code,
            l => Floor(l.Maximum * Math.Clamp(level + Jitter(random, 0.08m), 0.4m, 1m), step));
        var appraisedMax = appraised.Sum(l => l.Maximum);
        var needed = total - surveyPoints.Values.Sum();
        // Move any excess or shortfall into the survey leaves so that the appraised part stays within its maxima.
        if (needed > appraisedMax) Shift(surveyPoints, survey, needed - appraisedMax);
        else if (needed < 0) Shift(surveyPoints, survey, needed);
        needed = total - surveyPoints.Values.Sum();

        var final = Distribute(appraised, needed, step, random);
        var self = new List<LeafMark>();
        var round1 = new List<LeafMark>();
        var explanation = new List<LeafMark>();
        var round2 = new List<LeafMark>();
        foreach (var (node, max) in appraised)
        {
            var points = final[node.Code];
            var selfPoints = Math.Min(max, points + (random.Next(3) == 0 ? Floor(max * 0.2m, step) : 0m));
            self.Add(new LeafMark(node.Code, selfPoints, selfPoints < max ? "Chưa hoàn thành đầy đủ; xem tài liệu kèm theo." : null,
                [$"{unit.Code}/{year}/TLKC-{node.Code}.pdf"]));
            var cut = random.Next(4) == 0 ? Math.Min(points, Floor(max * 0.25m, step)) : 0m;
            round1.Add(new LeafMark(node.Code, points - cut, cut > 0 ? "Thiếu tài liệu kiểm chứng." : null, []));
            if (cut > 0)
                explanation.Add(new LeafMark(node.Code, null, "Bổ sung tài liệu kiểm chứng theo yêu cầu của Hội đồng.",
                    [$"{unit.Code}/{year}/BS-{node.Code}.pdf"]));
            round2.Add(new LeafMark(node.Code, points, null, []));
        }
        var surveyMarks = survey.Select(l => new LeafMark(l.Node.Code, surveyPoints[l.Node.Code], null, [])).ToArray();
        var reference = scheme.Ref;
        return
        [
            new MarkSheet(reference, year, unit.Code, MarkSource.SelfAssessment, self, []),
            new MarkSheet(reference, year, unit.Code, MarkSource.Appraisal1, round1, []),
            new MarkSheet(reference, year, unit.Code, MarkSource.Explanation, explanation, []),
            new MarkSheet(reference, year, unit.Code, MarkSource.Appraisal2, round2, []),
            new MarkSheet(reference, year, unit.Code, MarkSource.Survey, surveyMarks, []),
        ];
    }

    private static Dictionary<CriterionCode, decimal> Distribute(
        (CriterionNode Node, decimal Maximum)[] leaves, decimal amount, decimal step, Random random)
    {
        var weights = leaves.Select(l => l.Maximum * (1m + Jitter(random, 0.15m))).ToArray();
        var weightSum = weights.Sum();
        var points = new Dictionary<CriterionCode, decimal>();
        for (var i = 0; i < leaves.Length; i++)
            points[leaves[i].Node.Code] = Math.Min(leaves[i].Maximum, Floor(amount * weights[i] / weightSum, step));
        var rest = amount - points.Values.Sum();
        foreach (var (node, max) in leaves)
        {
            if (rest == 0) break;
            var add = Math.Min(max - points[node.Code], rest);
            points[node.Code] += add;
            rest -= add;
        }
        if (rest != 0) throw new InvalidOperationException("Score above the appraised maximum");
        return points;
    }

    private static void Shift(Dictionary<CriterionCode, decimal> points, (CriterionNode Node, decimal Maximum)[] leaves, decimal amount)
    {
        foreach (var (node, max) in leaves)
        {
            if (amount == 0) return;
            var change = amount > 0 ? Math.Min(max - points[node.Code], amount) : Math.Max(-points[node.Code], amount);
            points[node.Code] += change;
            amount -= change;
        }
    }

    private static decimal Jitter(Random random, decimal spread) => ((decimal)random.NextDouble() * 2m - 1m) * spread;

    private static decimal Floor(decimal value, decimal step) => decimal.Floor(value / step) * step;

    private static decimal Pow10(int n) => n == 0 ? 1m : 10m * Pow10(n - 1);

    /// <summary>FNV-1a over the code: string.GetHashCode is randomised per process, and samples must be identical every run.</summary>
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = unchecked((hash ^ c) * 16777619u);
        return unchecked((int)hash);
    }
}
