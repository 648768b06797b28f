using System.Globalization;
using System.Text;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Benchmarks.Documents;

/// <summary>
/// A synthetic province for benchmarks (not real data): a scheme in the shape of QĐ 2948 (8 areas worth
/// 10/10/14,5/11/16/7/16/15,5, 3 leaves each, the last leaf of each area scored by survey) with any number of groups, and
/// deterministic marks per unit.
/// </summary>
internal static class SyntheticProvince
{
    private static readonly decimal[] AreaMaxima = [10m, 10m, 14.5m, 11m, 16m, 7m, 16m, 15.5m];

    /// <summary>Groups and their sizes, e.g. [("SO", 25), ("XA", 100), ("DOC", 25)].</summary>
    public static (Scheme Scheme, IReadOnlyList<GroupStanding> Standings) Build(IReadOnlyList<(string Code, string Name, int Units)> groups)
    {
        var scheme = SchemeJson.Load(SchemeText(groups)) is { Value: { } s } ? s : throw new InvalidOperationException("synthetic scheme is invalid");
        var results = new List<UnitResult>();
        foreach (var (code, name, count) in groups)
        {
            for (var i = 1; i <= count; i++)
            {
                var unit = new Unit($"{code}-{i:000}", $"{UnitPrefix(code)} {Names[(i * 7 + code.Length) % Names.Length]} {i.ToString(CultureInfo.InvariantCulture)}", code);
                results.Add(ScoreCalculator.Score(scheme, unit, 2025, UnitMarks.Gather(unit.Code, Marks(scheme, unit))));
            }
        }
        return (scheme, Ranking.Rank(scheme, results));
    }

    public static DecisionModel Decision(Scheme scheme, IReadOnlyList<GroupStanding> standings) =>
        DecisionBuilder.Build(scheme, 2025, new DateOnly(2026, 1, 15), standings,
            new DecisionSettings
            {
                // Complete settings (issue 11), so that the benchmark renders the final text the chairman signs.
                Province = "Mẫu", Place = "Mẫu", Number = "15", Date = new DateOnly(2026, 1, 15),
                NationalScheme = new LegalReference { Date = new DateOnly(2025, 10, 1) },
                ProvincialScheme = new LegalReference { Number = "101", Date = new DateOnly(2025, 11, 3) },
                YearPlan = new LegalReference { Number = "202", Date = new DateOnly(2024, 12, 20) },
                Council = new LegalReference { Number = "303", Date = new DateOnly(2025, 12, 1) },
                Submission = new LegalReference { Number = "4", Date = new DateOnly(2026, 1, 10) },
                Signature = SignatureBlock.ViceChairman("Nguyễn Văn An"),
            });

    /// <summary>The province of the Decision benchmark: ~150 units in 3 groups.</summary>
    public static IReadOnlyList<(string, string, int)> Province { get; } =
        [("SO", "Các sở, ban, ngành", 25), ("XA", "UBND các xã, phường, đặc khu", 100), ("DOC", "Các cơ quan ngành dọc", 25)];

    /// <summary>A national book: 4,500 units in 30 groups of 150.</summary>
    public static IReadOnlyList<(string, string, int)> Nation { get; } =
        Enumerable.Range(1, 30).Select(i => ($"K{i:00}", $"Khối {i:00}", 150)).ToArray();

    private static IEnumerable<MarkSheet> Marks(Scheme scheme, Unit unit)
    {
        var random = new Random(Seed(unit.Code));
        var level = 0.62 + random.NextDouble() * 0.36;
        var self = new List<LeafMark>();
        var round1 = new List<LeafMark>();
        var round2 = new List<LeafMark>();
        var survey = new List<LeafMark>();
        foreach (var (node, max) in scheme.LeavesFor(unit.GroupCode))
        {
            var points = decimal.Round(max * (decimal)Math.Clamp(level + (random.NextDouble() - 0.5) * 0.2, 0, 1), 3);
            if (node.Leaf!.Method == ScoringMethod.Survey)
            {
                survey.Add(new LeafMark(node.Code, points, null, []));
                continue;
            }
            self.Add(new LeafMark(node.Code, Math.Min(max, points + 0.25m), null, []));
            round1.Add(new LeafMark(node.Code, Math.Max(0, points - 0.1m), null, []));
            round2.Add(new LeafMark(node.Code, points, null, []));
        }
        return
        [
            new MarkSheet(scheme.Ref, 2025, unit.Code, MarkSource.SelfAssessment, self, []),
            new MarkSheet(scheme.Ref, 2025, unit.Code, MarkSource.Appraisal1, round1, []),
            new MarkSheet(scheme.Ref, 2025, unit.Code, MarkSource.Appraisal2, round2, []),
            new MarkSheet(scheme.Ref, 2025, unit.Code, MarkSource.Survey, survey, []),
        ];
    }

    private static string SchemeText(IReadOnlyList<(string Code, string Name, int Units)> groups)
    {
        var areaNames = new[]
        {
            "Công tác chỉ đạo, điều hành cải cách hành chính", "Cải cách thể chế", "Cải cách thủ tục hành chính",
            "Cải cách tổ chức bộ máy hành chính nhà nước", "Cải cách chế độ công vụ", "Cải cách tài chính công",
            "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
            "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
        };
        var sb = new StringBuilder();
        sb.Append("{\"id\":\"BENCH-PAR-2025\",\"version\":1,\"name\":\"Bộ chỉ số tổng hợp cho đo hiệu năng\",\"fromYear\":2025,\"toYear\":2025,\"sample\":true,\"maximumTotal\":100,");
        sb.Append("\"groups\":[").AppendJoin(',', groups.Select(g => $"{{\"code\":\"{g.Code}\",\"name\":\"{g.Name}\"}}")).Append("],");
        sb.Append("\"settings\":{\"decimals\":2,\"rounding\":\"HalfUp\",\"ties\":\"ExactIndex\"},");
        sb.Append("\"bands\":[{\"name\":\"Xuất sắc\",\"lowerBound\":90},{\"name\":\"Tốt\",\"lowerBound\":80},{\"name\":\"Khá\",\"lowerBound\":70},{\"name\":\"Trung bình\",\"lowerBound\":50},{\"name\":\"Yếu\",\"lowerBound\":0}],");
        sb.Append("\"criteria\":[");
        for (var a = 0; a < AreaMaxima.Length; a++)
        {
            var max = AreaMaxima[a];
            var first = decimal.Round(max * 0.4m, 1);
            var second = decimal.Round(max * 0.3m, 1);
            var third = max - first - second;
            if (a > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"{{\"code\":\"{a + 1}\",\"name\":\"{areaNames[a]}\",\"children\":[");
            sb.Append(CultureInfo.InvariantCulture, $"{{\"code\":\"{a + 1}.1\",\"name\":\"Tiêu chí {a + 1}.1\",\"max\":{first},\"method\":\"Appraised\"}},");
            sb.Append(CultureInfo.InvariantCulture, $"{{\"code\":\"{a + 1}.2\",\"name\":\"Tiêu chí {a + 1}.2\",\"max\":{second},\"method\":\"Appraised\"}},");
            sb.Append(CultureInfo.InvariantCulture, $"{{\"code\":\"{a + 1}.3\",\"name\":\"Đánh giá của người dân, tổ chức về lĩnh vực {a + 1}\",\"max\":{third},\"method\":\"Survey\"}}]}}");
        }
        sb.Append("]}");
        return sb.ToString();
    }

    private static string UnitPrefix(string group) => group switch { "SO" => "Sở", "XA" => "UBND xã", "DOC" => "Chi cục", _ => "Đơn vị" };

    private static readonly string[] Names =
        ["Hòa Bình", "Tân Phú", "Quảng Điền", "Phú Lộc", "Hương Trà", "Nam Đông", "Thủy Dương", "Phong Điền", "A Lưới", "Vinh Thanh", "Đồng Xuân"];

    private static int Seed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = unchecked((hash ^ c) * 16777619u);
        return unchecked((int)hash);
    }
}
