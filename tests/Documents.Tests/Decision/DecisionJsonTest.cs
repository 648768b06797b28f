using System.Text.Json;
using ParServerless.Documents.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;

namespace ParServerless.Documents.Tests.Decision;

/// <summary>The machine-readable twin of the Decision and the hash of its inputs.</summary>
public class DecisionJsonTest
{
    [Fact]
    public void Serialize_CarriesInputHashTextsAndMachineValues()
    {
        var m = HueDecision.ModelWithChanges;
        using var doc = JsonDocument.Parse(DecisionJson.Serialize(m));
        var root = doc.RootElement;
        Assert.Equal("par-decision/2", root.GetProperty("format").GetString());
        Assert.Equal(m.InputSha256, root.GetProperty("inputSha256").GetString());
        Assert.Matches("^[0-9a-f]{64}$", m.InputSha256);
        Assert.Equal("TTH-PAR-2021", root.GetProperty("scheme").GetProperty("id").GetString());
        Assert.True(root.GetProperty("scheme").GetProperty("sample").GetBoolean());
        Assert.Equal("2022-01-06", root.GetProperty("date").GetString());
        Assert.Equal("Số: 12/QĐ-UBND", root.GetProperty("number").GetString());
        var top = root.GetProperty("appendices")[0].GetProperty("rows")[0];
        Assert.Equal("Văn phòng UBND tỉnh", top.GetProperty("unitName").GetString());
        Assert.Equal(97.685m, top.GetProperty("index").GetDecimal());
        Assert.Equal(1, top.GetProperty("rank").GetInt32());
        Assert.Equal("Xuất sắc", top.GetProperty("band").GetString());
        Assert.Equal(-2m, top.GetProperty("change").GetProperty("points").GetDecimal());
        Assert.Equal(99.685m, top.GetProperty("change").GetProperty("previousIndex").GetDecimal());
        Assert.Equal("Excellent", top.GetProperty("headRating").GetProperty("code").GetString());
        Assert.Equal("hoàn thành xuất sắc nhiệm vụ", top.GetProperty("headRating").GetProperty("text").GetString());
        var counts = root.GetProperty("appendices")[0].GetProperty("headRatingCounts").EnumerateArray()
            .Select(c => (c.GetProperty("code").GetString(), c.GetProperty("count").GetInt32())).ToArray();
        Assert.Equal([("Excellent", 1), ("Good", 14), ("Completed", 6), ("NotCompleted", 0)], counts);
        Assert.Equal(30, root.GetProperty("appendices").EnumerateArray().Sum(a => a.GetProperty("rows").GetArrayLength()));
    }

    [Fact]
    public void Serialize_Figures_AreMachineValuesNotTheRoundedOnes()
    {
        // Area indices are repeating quotients (points / area maximum × 100): the JSON carries 10 places, the PDF 3.
        var m = HueDecision.ModelWithChanges;
        var row = m.Appendices[0].Rows[0];
        var raw = DecisionJson.Serialize(m);
        foreach (var area in row.AreaIndices.OfType<decimal>())
            Assert.Contains(ParServerless.Scoring.Formatting.CanonicalNumber.Text(area), raw, StringComparison.Ordinal);
        Assert.Contains(row.AreaIndices.OfType<decimal>(), v => ParServerless.Scoring.Formatting.CanonicalNumber.Text(v).Length > 7);
    }

    [Fact]
    public void Serialize_SameModel_SameText() =>
        Assert.Equal(DecisionJson.Serialize(HueDecision.Model), DecisionJson.Serialize(
            DecisionBuilder.Build(HueDecision.Scheme, HueSample.Year, HueSample.PublishedOn, HueDecision.Standings, HueDecision.Settings)));

    [Fact]
    public void InputHash_ChangesWithAnyInput()
    {
        var baseline = HueDecision.Model.InputSha256;
        Assert.NotEqual(baseline, HueDecision.ModelWithChanges.InputSha256);
        Assert.NotEqual(baseline, Build(HueDecision.Standings, HueDecision.Settings with { Number = "13" }).InputSha256);
        Assert.NotEqual(baseline, Build(HueDecision.Standings, HueDecision.Settings with { Date = HueSample.PublishedOn.AddDays(1) }).InputSha256);
        // Once the settings date the Decision, the generation date no longer enters it.
        Assert.Equal(baseline, DecisionBuilder.Build(HueDecision.Scheme, HueSample.Year, HueSample.PublishedOn.AddDays(1), HueDecision.Standings, HueDecision.Settings).InputSha256);

        // One survey mark of one unit moves by a thousandth of a point: same rounded table, different inputs.
        var scheme = HueDecision.Scheme;
        var results = HueSample.Units.Select(u =>
        {
            var sheets = HueSample.Marks(scheme, u.Code).ToList();
            if (u.Code == "SO-TP")
            {
                var survey = sheets.Single(s => s.Source == MarkSource.Survey);
                var first = survey.Leaves[0];
                sheets[sheets.IndexOf(survey)] = survey with { Leaves = [first with { Points = first.Points - 0.001m }, .. survey.Leaves.Skip(1)] };
            }
            return ScoreCalculator.Score(scheme, u, HueSample.Year, UnitMarks.Gather(u.Code, sheets));
        });
        Assert.NotEqual(baseline, Build(Ranking.Rank(scheme, results), HueDecision.Settings).InputSha256);
    }

    [Fact]
    public void InputHash_SameInputsBuiltAgain_IsEqual()
    {
        Assert.Equal(HueDecision.Model.InputSha256, Build(HueDecision.Standings, HueDecision.Settings).InputSha256);
    }

    private static DecisionModel Build(IReadOnlyList<GroupStanding> standings, DecisionSettings settings) =>
        DecisionBuilder.Build(HueDecision.Scheme, HueSample.Year, HueSample.PublishedOn, standings, settings);
}
