using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Tests.Schemes;

public class SchemeValidatorTest
{
    /// <summary>A scheme with one of almost every problem: the report must list them all at once.</summary>
    private const string BrokenJson = """
    {
      "id": "x", "name": "", "fromYear": 2026, "toYear": 2024, "maximumTotal": 100,
      "groups": [ { "code": "SO", "name": "Sở" }, { "code": "SO", "name": "Sở trùng" }, { "code": "X", "name": "" } ],
      "settings": { "decimals": 7, "rounding": "Bankers", "ties": "Coin", "bonusCap": -1, "surveyPoints": 30 },
      "bands": [ { "name": "Tốt", "lowerBound": 80 }, { "name": "Xuất sắc", "lowerBound": 90 }, { "name": "Khá", "lowerBound": 70, "color": "green" } ],
      "bandsByGroup": { "HUYEN": [ { "name": "Tốt", "lowerBound": 80 } ] },
      "criteria": [
        { "code": "1", "name": "Chỉ đạo", "max": 50, "children": [
          { "code": "1.1", "name": "Kế hoạch", "max": 20 },
          { "code": "1.1", "name": "Kế hoạch lần hai", "max": 5 },
          { "code": "1.2", "name": "", "max": 0 },
          { "code": "1.3", "name": "Khảo sát", "max": 10, "method": "Phỏng đoán" },
          { "code": "1.4", "name": "Báo cáo", "max": 10, "maxByGroup": { "XA": 3 } } ] },
        { "code": "2.1.4.5", "name": "Quá sâu", "max": 1 },
        { "code": "3.1", "name": "Mồ côi", "max": 1 }
      ]
    }
    """;

    [Fact]
    public void Check_BrokenScheme_ReportsEveryProblemAtOnce()
    {
        var result = SchemeJson.Load(BrokenJson);

        Assert.Null(result.Value);
        Assert.Equal(
            ["PAR-S001", "PAR-S002", "PAR-S003", "PAR-S004", "PAR-S006", "PAR-S007", "PAR-S008", "PAR-S009", "PAR-S010",
             "PAR-S011", "PAR-S013", "PAR-S014", "PAR-S018", "PAR-S020", "PAR-S021", "PAR-S022", "PAR-S024", "PAR-S027"],
            result.Report.Codes);
    }

    [Fact]
    public void Check_BrokenScheme_ReportTextIsPinned()
    {
        var text = SchemeJson.Load(BrokenJson).Report.ToText();
        var golden = Path.Combine(AppContext.BaseDirectory, "Schemes", "Golden", "broken-scheme.report.txt");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n").TrimEnd(), text);
    }

    [Fact]
    public void Check_TotalsThatDoNotAddUp_ReportsEachGroup()
    {
        var json = TestSchemes.TinyJson.Replace("\"max\": 20 }", "\"max\": 21 }", StringComparison.Ordinal);
        var report = SchemeJson.Load(json).Report;
        Assert.Equal(["PAR-S015"], report.Codes);
        Assert.Equal(2, report.ErrorCount); // groups A and B
        Assert.Contains(report.Problems, p => p.English.Contains("group 'A' add up to 101", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SurveyLeavesDifferFromDeclaredSurveyPoints_ReportsS016()
    {
        var json = TestSchemes.TinyJson.Replace("\"surveyPoints\": 30", "\"surveyPoints\": 32", StringComparison.Ordinal);
        Assert.Equal(["PAR-S016"], SchemeJson.Load(json).Report.Codes);
    }

    [Fact]
    public void Check_MissingVersion_IsAnErrorNotADefault()
    {
        var json = TestSchemes.TinyJson.Replace("\"version\": 3,", "", StringComparison.Ordinal);
        var report = SchemeJson.Load(json).Report;
        Assert.False(report.Accepted);
        Assert.Equal(["PAR-S002"], report.Codes);
    }

    [Fact]
    public void Check_ValidScheme_BuildsTreeInCodeOrder()
    {
        var scheme = TestSchemes.Tiny;
        Assert.Equal(new SchemeRef("TEST-TINY", 3), scheme.Ref);
        Assert.Equal(["1.1", "1.2", "2.1", "2.2", "2.3", "2.4"], scheme.Leaves.Select(l => l.Code.Value));
        Assert.Null(scheme.Nodes[new CriterionCode("2.2")].Leaf!.MaximumFor("B"));
        Assert.Equal(35.5m, scheme.Nodes[new CriterionCode("2.1")].Leaf!.MaximumFor("B"));
        Assert.Equal(ScoringMethod.Survey, scheme.Nodes[new CriterionCode("2.3")].Leaf!.Method);
    }

    [Fact]
    public void Check_NfdNames_AreStoredAsNfc()
    {
        var nfd = "Kế hoạch".Normalize(System.Text.NormalizationForm.FormD);
        var scheme = TestSchemes.Load(TestSchemes.TinyJson.Replace("Kế hoạch", nfd, StringComparison.Ordinal));
        Assert.Equal("Kế hoạch", scheme.Nodes[new CriterionCode("1.1")].Name);
    }
}
