using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Tests.Formatting;

public class ScoreFormatTest
{
    [Theory]
    [InlineData(97.685, 3, RoundingMode.HalfUp, "97,685")] // Huế 2021, three decimals
    [InlineData(89.457142857, 2, RoundingMode.HalfUp, "89,46")] // Nam Định exact arithmetic, half up
    [InlineData(89.457142857, 2, RoundingMode.Truncate, "89,45")] // … and as published, truncated
    [InlineData(85.855, 2, RoundingMode.HalfUp, "85,86")] // midpoint goes up
    [InlineData(100, 2, RoundingMode.HalfUp, "100,00")] // fixed decimals
    [InlineData(1234.5, 1, RoundingMode.HalfUp, "1.234,5")] // thousands dot
    [InlineData(87.6, 0, RoundingMode.HalfUp, "88")]
    public void Format_VietnameseDecimalComma(double value, int decimals, RoundingMode mode, string expected) =>
        Assert.Equal(expected, new ScoreFormat(decimals, mode).Format((decimal)value));

    [Fact]
    public void Format_ComponentsRoundSeparately_AsBnvPublishes()
    {
        // BNV PAR 2023: appraised 61,86 + survey 28,10 published as 89,95 (not 89,96).
        var format = new ScoreFormat(2, RoundingMode.HalfUp);
        var appraised = 61.8551m;
        var survey = 28.0951m;
        Assert.Equal(("61,86", "28,10", "89,95"), (format.Format(appraised), format.Format(survey), format.Format(appraised + survey)));
    }

    [Theory]
    [InlineData(1.254, "+1,25")]
    [InlineData(-0.5, "−0,50")]
    [InlineData(0.001, "0,00")]
    public void FormatChange_Signed(double change, string expected) =>
        Assert.Equal(expected, new ScoreFormat(2, RoundingMode.HalfUp).FormatChange((decimal)change));

    [Fact]
    public void FormatInvariant_UsesDotForOpenData() =>
        Assert.Equal("97.685", new ScoreFormat(3, RoundingMode.HalfUp).FormatInvariant(97.6849m));
}
