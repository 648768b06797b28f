using ParServerless.DevHost.Configuration;

namespace ParServerless.DevHost.Tests.Configuration;

public class BlobPathPatternTest
{
    [Fact]
    public void Parse_SubmissionPath_SplitsContainerPrefixAndParameters()
    {
        var pattern = BlobPathPattern.Parse("submissions/{year}/{unit}/{name}");

        Assert.Equal("submissions", pattern.Container);
        Assert.Equal("", pattern.ListPrefix);
        Assert.Equal(["year", "unit", "name"], pattern.Parameters);
    }

    [Fact]
    public void Match_NestedName_LastParameterTakesTheRest()
    {
        var values = BlobPathPattern.Parse("submissions/{year}/{unit}/{name}").Match("2025/SO-TP/dot-2/tự-đánh-giá.xlsx");

        Assert.NotNull(values);
        Assert.Equal("2025", values["year"]);
        Assert.Equal("SO-TP", values["unit"]);
        Assert.Equal("dot-2/tự-đánh-giá.xlsx", values["name"]);
    }

    [Theory]
    [InlineData("2025/SO-TP")] // too few segments
    [InlineData("2025")]
    public void Match_FewerSegments_DoesNotMatch(string blobName)
    {
        Assert.Null(BlobPathPattern.Parse("submissions/{year}/{unit}/{name}").Match(blobName));
    }

    [Fact]
    public void Parse_LiteralStart_BecomesTheListPrefix()
    {
        var pattern = BlobPathPattern.Parse("uploads/appraisal/{year}/{name}.xlsx");

        Assert.Equal("appraisal/", pattern.ListPrefix);
        Assert.Equal("bang-diem", pattern.Match("appraisal/2025/bang-diem.xlsx")!["name"]);
        Assert.Null(pattern.Match("appraisal/2025/bang-diem.csv"));
        Assert.Null(pattern.Match("survey/2025/bang-diem.xlsx"));
    }

    [Fact]
    public void Parse_ContainerOnly_MatchesEveryBlob()
    {
        var pattern = BlobPathPattern.Parse("submissions");

        Assert.NotNull(pattern.Match("any/thing.xlsx"));
        Assert.Empty(pattern.Parameters);
    }

    [Fact]
    public void Parse_DoubledBraces_AreLiteral()
    {
        Assert.Equal("x", BlobPathPattern.Parse("data/{{v1}}/{name}").Match("{v1}/x")!["name"]);
    }

    [Theory]
    [InlineData("{container}/{name}", "not a literal container name")]
    [InlineData("Submissions/{name}", "not a literal container name")]
    [InlineData("submissions/{rand-guid}", "not a valid {parameter}")]
    [InlineData("submissions/{name}/{name}", "appears twice")]
    [InlineData("submissions/name}", "unmatched")]
    public void Parse_InvalidPath_SaysWhy(string path, string message)
    {
        var exception = Assert.Throws<InvalidDataException>(() => BlobPathPattern.Parse(path));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
