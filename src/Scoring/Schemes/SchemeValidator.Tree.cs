using ParServerless.Scoring.Problems;
using static ParServerless.Scoring.Schemes.SchemeProblemCodes;

namespace ParServerless.Scoring.Schemes;

public static partial class SchemeValidator
{
    /// <summary>Rebuilds the tree from flat codes ("3.2.1" sits under "3.2"), checking each node.</summary>
    private static CriterionNode[]? BuildTree(
        IReadOnlyList<NodeDraft> drafts, HashSet<string> groupCodes, int decimals, ProblemBag bag)
    {
        var ok = true;
        var byCode = new Dictionary<CriterionCode, NodeDraft>();
        var order = new List<CriterionCode>();
        foreach (var d in drafts)
        {
            if (!CriterionCode.TryParse(d.Code, out var code))
            {
                ok = false;
                bag.Error(BadCriterionCode, d.Where,
                    $"Mã tiêu chí '{d.Code}' không hợp lệ: cần dạng 3, 3.2 hoặc 3.2.1.",
                    $"Criterion code '{d.Code}' is not valid: use the form 3, 3.2 or 3.2.1.");
                continue;
            }
            if (!byCode.TryAdd(code, d))
            {
                ok = false;
                bag.Error(DuplicateCriterion, d.Where with { Criterion = code.Value },
                    $"Mã tiêu chí '{code}' bị trùng.", $"Criterion code '{code}' appears twice.");
                continue;
            }
            order.Add(code);
            if (string.IsNullOrWhiteSpace(d.Name))
            {
                ok = false;
                bag.Error(MissingCriterionName, d.Where with { Criterion = code.Value },
                    $"Tiêu chí '{code}' thiếu nội dung.", $"Criterion '{code}' has no name.");
            }
        }
        if (order.Count == 0)
        {
            bag.Error(BadLeafMaximum, new Location(Field: "criteria"),
                "Bộ chỉ số không có tiêu chí nào.", "The scheme has no criteria.");
            return null;
        }

        var children = order.ToDictionary(c => c, _ => new List<CriterionCode>());
        foreach (var code in order)
        {
            if (code.Parent is not { } parent) continue;
            if (children.TryGetValue(parent, out var siblings)) siblings.Add(code);
            else
            {
                ok = false;
                bag.Error(OrphanCriterion, byCode[code].Where with { Criterion = code.Value },
                    $"Tiêu chí '{code}' không có tiêu chí cha '{parent}'.",
                    $"Criterion '{code}' has no parent '{parent}'.");
            }
        }

        foreach (var code in order)
        {
            var d = byCode[code];
            var where = d.Where with { Criterion = code.Value };
            if (children[code].Count > 0)
            {
                if (d.Method is not null && !string.IsNullOrWhiteSpace(d.Method) && !IsKnownMethod(d.Method))
                {
                    ok = false;
                    ReportBadMethod(d, where, bag);
                }
                continue;
            }
            if (d.Maximum is not > 0)
            {
                ok = false;
                bag.Error(BadLeafMaximum, where,
                    $"Tiêu chí '{code}' là tiêu chí được chấm nhưng thiếu điểm tối đa lớn hơn 0.",
                    $"Leaf '{code}' is scored but has no maximum above 0.");
            }
            else if (decimal.Round(d.Maximum.Value, decimals) != d.Maximum.Value)
            {
                bag.Warning(MaximumFinerThanDecimals, where,
                    $"Điểm tối đa của '{code}' có nhiều chữ số thập phân hơn số chữ số được công bố ({decimals}).",
                    $"The maximum of '{code}' has more decimals than the scheme shows ({decimals}).");
            }
            if (!IsKnownMethod(d.Method))
            {
                ok = false;
                ReportBadMethod(d, where, bag);
            }
            foreach (var (group, max) in d.MaximumByGroup)
            {
                if (!groupCodes.Contains(group))
                {
                    ok = false;
                    bag.Error(UnknownGroup, where,
                        $"Tiêu chí '{code}' ghi điểm cho khối '{group}' không có trong danh sách khối.",
                        $"Leaf '{code}' gives points for group '{group}', which the scheme does not declare.");
                }
                else if (max is <= 0)
                {
                    ok = false;
                    bag.Error(BadLeafMaximum, where,
                        $"Điểm tối đa của '{code}' cho khối '{group}' phải lớn hơn 0, hoặc để trống nếu không áp dụng.",
                        $"The maximum of '{code}' for group '{group}' must be above 0, or empty when the leaf does not apply.");
                }
            }
        }
        if (!ok) return null;

        var built = new Dictionary<CriterionCode, CriterionNode>();
        CriterionNode Build(CriterionCode code)
        {
            if (built.TryGetValue(code, out var node)) return node;
            var d = byCode[code];
            var kids = children[code].Order().Select(Build).ToArray();
            LeafRule? leaf = kids.Length == 0
                ? new LeafRule(ParseMethod(d.Method), d.Maximum!.Value,
                    new Dictionary<string, decimal?>(d.MaximumByGroup, StringComparer.Ordinal), Text.Nfc(d.Guidance?.Trim() ?? ""))
                : null;
            node = new CriterionNode(code, Text.Nfc(d.Name!.Trim()), kids, leaf);
            built[code] = node;
            return node;
        }
        var areas = order.Where(c => c.Depth == 1).Order().Select(Build).ToArray();

        // A parent's maximum, when a workbook states it, must equal the sum of its leaves.
        foreach (var code in order.Where(c => children[c].Count > 0))
        {
            var d = byCode[code];
            if (d.Maximum is not { } stated) continue;
            var sum = built[code].SelfAndDescendants().Where(n => n.IsLeaf).Sum(n => n.Leaf!.Maximum);
            if (sum != stated)
                bag.Error(ParentMaximumMismatch, d.Where with { Criterion = code.Value },
                    $"Điểm tối đa của '{code}' là {Vi(stated)} nhưng tổng các tiêu chí con là {Vi(sum)}.",
                    $"'{code}' states a maximum of {Invariant(stated)} but its children add up to {Invariant(sum)}.");
        }
        return areas;
    }

    private static void ReportBadMethod(NodeDraft d, Location where, ProblemBag bag) =>
        bag.Error(BadMethod, where,
            $"Phương pháp chấm '{d.Method}' không hợp lệ; dùng 'Thẩm định' (Appraised) hoặc 'Điều tra' (Survey).",
            $"Scoring method '{d.Method}' is not known; use 'Appraised' (Thẩm định) or 'Survey' (Điều tra).");

    private static bool IsKnownMethod(string? text) => ParseMethod(text) != ScoringMethod.Invalid;

    /// <summary>Reads a method in English or Vietnamese; empty means appraised, the usual case.</summary>
    internal static ScoringMethod ParseMethod(string? text)
    {
        var t = Text.Nfc(text?.Trim() ?? "").ToLowerInvariant();
        return t switch
        {
            "" or "appraised" or "thẩm định" or "tham dinh" or "td" => ScoringMethod.Appraised,
            "survey" or "điều tra" or "dieu tra" or "đtxhh" or "dtxhh" or "sipas" => ScoringMethod.Survey,
            _ => ScoringMethod.Invalid,
        };
    }

    private static void CheckTotals(
        IReadOnlyList<CriterionNode> areas, IReadOnlyList<UnitGroup> groups, SchemeSettings settings,
        decimal maximumTotal, ProblemBag bag)
    {
        var leaves = areas.SelectMany(a => a.SelfAndDescendants()).Where(n => n.IsLeaf).ToArray();
        foreach (var group in groups)
        {
            var applicable = leaves.Where(l => l.Leaf!.AppliesTo(group.Code)).ToArray();
            var where = new Location(Field: $"groups.{group.Code}");
            if (applicable.Length == 0)
            {
                bag.Error(GroupWithoutLeaves, where,
                    $"Không có tiêu chí nào áp dụng cho khối '{group.Code}'.",
                    $"No leaf applies to group '{group.Code}'.");
                continue;
            }
            var total = applicable.Sum(l => l.Leaf!.MaximumFor(group.Code)!.Value);
            if (total != maximumTotal)
                bag.Error(GroupTotalMismatch, where,
                    $"Tổng điểm tối đa các tiêu chí của khối '{group.Code}' là {Vi(total)}, khác tổng điểm khai báo {Vi(maximumTotal)}.",
                    $"The leaf maxima of group '{group.Code}' add up to {Invariant(total)}, not the declared {Invariant(maximumTotal)}.");
            var declaredSurvey = settings.SurveyPointsFor(group.Code);
            if (declaredSurvey < 0) continue;
            var survey = applicable.Where(l => l.Leaf!.Method == ScoringMethod.Survey).Sum(l => l.Leaf!.MaximumFor(group.Code)!.Value);
            if (survey != declaredSurvey)
                bag.Error(SurveyTotalMismatch, where,
                    $"Điểm các tiêu chí điều tra của khối '{group.Code}' cộng lại là {Vi(survey)}, khác điểm điều tra khai báo {Vi(declaredSurvey)}.",
                    $"The survey leaves of group '{group.Code}' add up to {Invariant(survey)}, not the declared survey points {Invariant(declaredSurvey)}.");
        }
    }
}
