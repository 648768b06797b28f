using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Tests;

public class SchemeJsonTest
{
    [Fact]
    public void Load_NotJson_ReportsUnreadable()
    {
        var result = SchemeJson.Load("{ not json");
        Assert.Null(result.Value);
        Assert.Equal(["PAR-S000"], result.Report.Codes);
    }
}
