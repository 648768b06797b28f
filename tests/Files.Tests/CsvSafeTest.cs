namespace ParServerless.Files.Tests;

public class CsvSafeTest
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+84 912", "'+84 912")]
    [InlineData("-0,5", "'-0,5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Sở Tư pháp", "Sở Tư pháp")]
    [InlineData("", "")]
    public void Neutralise_FormulaLikeText_GetsApostrophe(string text, string expected) =>
        Assert.Equal(expected, CsvSafe.Neutralise(text));

    [Fact]
    public void Field_SeparatorOrQuote_IsQuotedAfterNeutralising()
    {
        Assert.Equal("\"'=A1;B1\"", CsvSafe.Field("=A1;B1", ';'));
        Assert.Equal("\"nói \"\"có\"\"\"", CsvSafe.Field("nói \"có\""));
        Assert.Equal("", CsvSafe.Field(null));
    }
}
