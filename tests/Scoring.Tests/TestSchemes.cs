using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Tests;

/// <summary>Small schemes built from JSON text, so each test shows the rules it depends on.</summary>
internal static class TestSchemes
{
    /// <summary>Two areas, one survey leaf, groups A and B; leaf 2.2 does not apply to B, whose 2.1 is worth 35,5 instead of 35.</summary>
    public const string TinyJson = """
    {
      "id": "TEST-TINY", "version": 3, "name": "Bộ chỉ số thử", "fromYear": 2025, "maximumTotal": 100,
      "groups": [ { "code": "A", "name": "Khối A" }, { "code": "B", "name": "Khối B" } ],
      "settings": { "bonusCap": 2, "penaltyCap": 3, "surveyPoints": 30, "decimals": 2, "rounding": "HalfUp", "ties": "ExactIndex" },
      "bands": [
        { "name": "Xuất sắc", "lowerBound": 90 }, { "name": "Tốt", "lowerBound": 80 },
        { "name": "Khá", "lowerBound": 70 }, { "name": "Trung bình", "lowerBound": 50 }, { "name": "Yếu", "lowerBound": 0 }
      ],
      "criteria": [
        { "code": "1", "name": "Chỉ đạo, điều hành", "children": [
          { "code": "1.1", "name": "Kế hoạch", "max": 20 },
          { "code": "1.2", "name": "Báo cáo", "max": 14.5 } ] },
        { "code": "2", "name": "Thủ tục hành chính", "children": [
          { "code": "2.1", "name": "Một cửa", "max": 35, "maxByGroup": { "B": 35.5 } },
          { "code": "2.2", "name": "Công khai", "max": 0.5, "maxByGroup": { "B": null } },
          { "code": "2.3", "name": "Hài lòng (SIPAS)", "max": 29.5, "method": "Survey" },
          { "code": "2.4", "name": "Đánh giá khác", "max": 0.5, "method": "Survey", "maxByGroup": { "B": 0.5 } } ] }
      ]
    }
    """;

    public static Scheme Tiny { get; } = Load(TinyJson);

    public static Scheme Load(string json)
    {
        var result = SchemeJson.Load(json);
        return result.Value ?? throw new InvalidOperationException(result.Report.ToText());
    }
}
