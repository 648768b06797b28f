using System.Globalization;
using ParServerless.Scoring.Formatting;

namespace ParServerless.Scoring.Tests.Formatting;

/// <summary>The one machine value of a figure, the same on every surface.</summary>
public class CanonicalNumberTest
{
    [Theory]
    [InlineData("97.277777777777777777777777778", "97.2777777778")] // 35/36 × 100: the issue's three-ways value
    [InlineData("85.50", "85.5")]                                   // scale does not show
    [InlineData("100.0000", "100")]
    [InlineData("-2.000", "-2")]                                    // ASCII minus
    [InlineData("-0.00000000001", "0")]                             // no "-0"
    [InlineData("0.00000000005", "0.0000000001")]                  // half away from zero
    [InlineData("89.4571428571428571428571", "89.4571428571")]
    public void Text_RoundsToTenPlacesWithoutTrailingZeros(string value, string expected) =>
        Assert.Equal(expected, CanonicalNumber.Text(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Fact]
    public void Of_IsItsOwnText_AndSurvivesADouble()
    {
        var value = 35m / 36m * 100m;
        var canonical = CanonicalNumber.Of(value);
        Assert.Equal(CanonicalNumber.Text(value), canonical.ToString(CultureInfo.InvariantCulture));
        // A reader holding doubles (JavaScript, Excel) prints the same digits back.
        var asDouble = double.Parse(CanonicalNumber.Text(value), CultureInfo.InvariantCulture);
        Assert.Equal(CanonicalNumber.Text(value), asDouble.ToString("R", CultureInfo.InvariantCulture));
    }
}
