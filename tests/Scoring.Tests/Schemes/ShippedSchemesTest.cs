using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Tests.Schemes;

public class ShippedSchemesTest
{
    [Theory]
    [InlineData(ShippedSchemes.SampleProvince2025)] // 8 areas, sở + xã, survey 30
    [InlineData(ShippedSchemes.Hue2021)] // minimal scheme for the Huế 2021 sample
    public void Load_ShippedScheme_IsValidAndAddsUpToHundredPerGroup(string file)
    {
        var scheme = ShippedSchemes.Load(file);
        Assert.True(scheme.IsSample);
        foreach (var group in scheme.Groups)
            Assert.Equal(100m, scheme.Areas.Sum(a => a.MaximumFor(group.Code)));
    }

    [Fact]
    public void Load_SampleProvince2025_HasEightAreasAndThirtySurveyPoints()
    {
        var scheme = ShippedSchemes.Load(ShippedSchemes.SampleProvince2025);
        Assert.Equal(8, scheme.Areas.Count);
        Assert.Equal(["SO", "XA"], scheme.Groups.Select(g => g.Code));
        foreach (var group in scheme.Groups)
            Assert.Equal(30m, scheme.LeavesFor(group.Code).Where(l => l.Node.Leaf!.Method == ScoringMethod.Survey).Sum(l => l.Maximum));
        Assert.Contains(scheme.Leaves, l => !l.Leaf!.AppliesTo("XA"));
        Assert.Equal(93m, scheme.BandsFor("XA").Bands[0].LowerBound);
        Assert.Equal(90m, scheme.BandsFor("SO").Bands[0].LowerBound);
    }

    [Fact]
    public void Save_ThenLoad_GivesTheSameScheme()
    {
        var scheme = ShippedSchemes.Load(ShippedSchemes.SampleProvince2025);
        var again = TestSchemes.Load(SchemeJson.Save(scheme));
        Assert.Equal(SchemeJson.Save(scheme), SchemeJson.Save(again));
        Assert.Equal(scheme.Ref, again.Ref);
        Assert.Equal(scheme.Leaves.Count, again.Leaves.Count);
    }
}
