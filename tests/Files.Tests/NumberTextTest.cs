using ParServerless.Files.Validation;

namespace ParServerless.Files.Tests;

public class NumberTextTest
{
    [Theory]
    [InlineData("87,55", 87.55)]       // Vietnamese decimal comma
    [InlineData("87.55", 87.55)]       // decimal point
    [InlineData("97,685", 97.685)]     // three decimals, never 97685
    [InlineData(" -0,5 ", -0.5)]       // penalty, spaces around
    [InlineData("\u22121,25", -1.25)]  // typographic minus
    [InlineData("+2", 2)]
    [InlineData("0", 0)]
    public void Parse_OneSeparator_ReadsDecimal(string text, double expected)
    {
        Assert.Equal(NumberParse.Ok, NumberText.Parse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1.234,5")]   // thousands dot + decimal comma
    [InlineData("1,234.5")]   // thousands comma + decimal point
    [InlineData("1.234.567")] // two dots
    [InlineData("1,2,3")]
    public void Parse_TwoSeparators_IsAmbiguous(string text) =>
        Assert.Equal(NumberParse.Ambiguous, NumberText.Parse(text, out _));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData(",5")]
    [InlineData("5,")]
    [InlineData("1 234")]
    [InlineData("--1")]
    public void Parse_NotANumber_IsRefused(string text) =>
        Assert.Equal(NumberParse.NotANumber, NumberText.Parse(text, out _));

    [Theory]
    [InlineData("87.55", 87.55)]
    [InlineData("87.549999999999997", 87.55)] // binary noise Excel writes: read at 15 significant digits
    [InlineData("1E-3", 0.001)]
    public void TryParseStored_XlsxValue_ReadsAsExcelShowsIt(string text, double expected)
    {
        Assert.True(NumberText.TryParseStored(text, out var value));
        Assert.Equal((decimal)expected, value);
    }
}
