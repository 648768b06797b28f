using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Tests.Schemes;

public class CriterionCodeTest
{
    [Theory]
    [InlineData("3", true)] // area
    [InlineData("3.2.1", true)] // sub-criterion
    [InlineData("10.12", true)] // two-digit segments
    [InlineData("3.2.1.4", false)] // deeper than sub-criterion
    [InlineData("03", false)] // leading zero
    [InlineData("3.", false)] // empty segment
    [InlineData("3,2", false)] // comma
    [InlineData("", false)]
    public void IsWellFormed_Examples(string text, bool expected) => Assert.Equal(expected, CriterionCode.IsWellFormed(text));

    [Fact]
    public void CompareTo_ComparesSegmentsAsNumbers()
    {
        var codes = new[] { "3.10", "3.9", "3", "10", "3.9.1" }.Select(c => new CriterionCode(c)).Order().Select(c => c.Value);
        Assert.Equal(["3", "3.9", "3.9.1", "3.10", "10"], codes);
    }

    [Fact]
    public void Parent_And_Area_FollowTheDots()
    {
        var code = new CriterionCode("3.2.1");
        Assert.Equal(new CriterionCode("3.2"), code.Parent);
        Assert.Equal(new CriterionCode("3"), code.Area);
        Assert.Null(new CriterionCode("3").Parent);
        Assert.True(code.IsUnder(new CriterionCode("3")));
        Assert.False(new CriterionCode("31").IsUnder(new CriterionCode("3")));
    }
}
