using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Tests.Schemes;

/// <summary>Rating heads of units from the result (xếp loại người đứng đầu): scheme data, validated, with a default.</summary>
public class HeadRatingTest
{
    private static string With(string rules) => TestSchemes.TinyJson.Replace("\"criteria\":", rules + ",\n  \"criteria\":", StringComparison.Ordinal);

    private static Band Band(Scheme s, string name) => s.Bands.Bands.Single(b => b.Name == name);

    [Theory]
    [InlineData("Xuất sắc", 95, HeadRating.Excellent)]
    [InlineData("Tốt", 85, HeadRating.Good)]
    [InlineData("Khá", 75, HeadRating.Completed)]       // Khá and Trung bình both "hoàn thành"
    [InlineData("Trung bình", 55, HeadRating.Completed)]
    [InlineData("Yếu", 10, HeadRating.NotCompleted)]
    public void Default_FollowsTheBand(string band, int index, HeadRating expected)
    {
        var s = TestSchemes.Tiny;
        Assert.Null(s.HeadRatings);
        Assert.Equal(expected, s.HeadRatingOf("A", ranked: true, Band(s, band), index));
    }

    [Fact]
    public void NotRanked_HasNoRating() =>
        Assert.Null(TestSchemes.Tiny.HeadRatingOf("A", ranked: false, Band(TestSchemes.Tiny, "Xuất sắc"), 99m));

    [Fact]
    public void ByBand_MapsAsTheProvinceSays_AndByGroupOverrides()
    {
        var s = TestSchemes.Load(With("""
          "headRatings": { "byBand": { "Xuất sắc": "hoàn thành xuất sắc nhiệm vụ", "Tốt": "Excellent", "Khá": "hoàn thành tốt nhiệm vụ",
                                       "Trung bình": "Completed", "Yếu": "không hoàn thành nhiệm vụ" } },
          "headRatingsByGroup": { "B": { "thresholds": [ { "rating": "Excellent", "lowerBound": 92.5 }, { "rating": "Good", "lowerBound": 80 } ],
                                         "otherwise": "hoàn thành nhiệm vụ" } }
        """));
        Assert.Equal(HeadRating.Excellent, s.HeadRatingOf("A", true, Band(s, "Tốt"), 85m));
        Assert.Equal(HeadRating.Good, s.HeadRatingOf("A", true, Band(s, "Khá"), 75m));
        // Group B by unrounded index: 92,4999 is not 92,5.
        Assert.Equal(HeadRating.Good, s.HeadRatingOf("B", true, Band(s, "Xuất sắc"), 92.4999m));
        Assert.Equal(HeadRating.Excellent, s.HeadRatingOf("B", true, Band(s, "Xuất sắc"), 92.5m));
        Assert.Equal(HeadRating.Completed, s.HeadRatingOf("B", true, Band(s, "Khá"), 79.99m));
    }

    [Fact]
    public void Save_ThenLoad_KeepsTheRules()
    {
        var s = TestSchemes.Load(With("""
          "headRatingsByGroup": { "B": { "thresholds": [ { "rating": "Excellent", "lowerBound": 90 }, { "rating": "Completed", "lowerBound": 50 } ] } }
        """));
        var again = TestSchemes.Load(SchemeJson.Save(s));
        Assert.Equal(SchemeJson.Save(s), SchemeJson.Save(again));
        Assert.Equal(HeadRating.Completed, again.HeadRatingOf("B", true, null, 60m));
        Assert.Equal(HeadRating.NotCompleted, again.HeadRatingOf("B", true, null, 40m));
    }

    [Fact]
    public void Check_BrokenRules_ReportsEachWithItsCode()
    {
        var result = SchemeJson.Load(With("""
          "headRatings": { "byBand": { "Xuất sắc": "giỏi", "Tốt": "Good", "Khá": "Completed", "Siêu": "Good" } },
          "headRatingsByGroup": {
            "B": { "thresholds": [ { "rating": "Good", "lowerBound": 80 }, { "rating": "Excellent", "lowerBound": 90 }, { "rating": "Completed", "lowerBound": 120 } ] },
            "Z": { "byBand": { "Tốt": "Good" }, "thresholds": [] } }
        """));
        Assert.Null(result.Value);
        Assert.Equal(["PAR-S014", "PAR-S028", "PAR-S030", "PAR-S031", "PAR-S032"], result.Report.Codes);
        // Trung bình and Yếu of group A are left without a rating: one problem each.
        Assert.Equal(2, result.Report.Problems.Count(p => p.Code == "PAR-S031"));
        Assert.Equal(2, result.Report.Problems.Count(p => p.Code == "PAR-S032"));
    }

    [Fact]
    public void Check_BothBases_IsRefused()
    {
        var result = SchemeJson.Load(With("""
          "headRatings": { "byBand": { "Tốt": "Good" }, "thresholds": [ { "rating": "Good", "lowerBound": 80 } ] }
        """));
        Assert.Equal(["PAR-S029"], result.Report.Codes);
    }

    [Fact]
    public void Check_NoRuleAndOtherBandNames_WarnsThatHeadsGoUnrated()
    {
        var json = TestSchemes.TinyJson.Replace("\"Khá\"", "\"Nhóm C\"", StringComparison.Ordinal);
        var result = SchemeJson.Load(json);
        Assert.NotNull(result.Value);
        Assert.Equal(["PAR-S033"], result.Report.Codes);
        Assert.Null(result.Value.HeadRatingOf("A", true, result.Value.Bands.Bands.Single(b => b.Name == "Nhóm C"), 75m));
    }

    [Theory]
    [InlineData("hoàn thành xuất sắc nhiệm vụ", HeadRating.Excellent)]
    [InlineData("HOÀN THÀNH TỐT NHIỆM VỤ", HeadRating.Good)]
    [InlineData("not completed", HeadRating.Invalid)] // only the enum name, not a free phrase
    [InlineData("NotCompleted", HeadRating.NotCompleted)]
    public void Parse_AcceptsVietnameseOrEnglishNames(string text, HeadRating expected) =>
        Assert.Equal(expected, HeadRatings.Parse(text));

    [Fact]
    public void Parse_DecomposedVietnamese_IsNormalised() =>
        Assert.Equal(HeadRating.Completed, HeadRatings.Parse("hoàn thành nhiệm vụ".Normalize(System.Text.NormalizationForm.FormD)));
}
