using ParServerless.DevHost.Payload;

namespace ParServerless.DevHost.Tests.Payload;

public class NewtonsoftTextTest
{
    [Theory]
    // Non-ASCII stays as is, as Newtonsoft's default escaping leaves it.
    [InlineData("tự-đánh-giá.xlsx", "\"tự-đánh-giá.xlsx\"")]
    // Quotes and backslashes are escaped.
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    // Control characters use short escapes where JSON has them, else lowercase \u00xx.
    [InlineData("a\tb\nc\u0001", "\"a\\tb\\nc\\u0001\"")]
    // Newtonsoft also escapes the JavaScript line separators.
    [InlineData("\u2028", "\"\\u2028\"")]
    // HTML-sensitive characters are not escaped (unlike System.Text.Json's default).
    [InlineData("<a&b'+>", "\"<a&b'+>\"")]
    public void Quote_Text_MatchesNewtonsoftDefaults(string value, string expected)
    {
        Assert.Equal(expected, NewtonsoftText.Quote(value));
    }

    [Fact]
    public void Date_DateTimeOffset_UsesOffsetAndDropsZeroFraction()
    {
        Assert.Equal("2026-11-22T19:50:15+00:00", NewtonsoftText.Date(new DateTimeOffset(2026, 11, 22, 19, 50, 15, TimeSpan.Zero)));
        Assert.Equal("2026-11-22T19:50:15.5+07:00", NewtonsoftText.Date(new DateTimeOffset(2026, 11, 22, 19, 50, 15, 500, TimeSpan.FromHours(7))));
    }
}
