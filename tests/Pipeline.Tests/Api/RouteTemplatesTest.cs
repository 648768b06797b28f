using ParServerless.Pipeline.Api;

namespace ParServerless.Pipeline.Tests.Api;

/// <summary>The fallback's matcher: which of our API routes a path (with its api/ prefix) is, so a wrong method answers 405 and not 404.</summary>
public sealed class RouteTemplatesTest
{
    [Theory]
    [InlineData("api/public/years/2021/results", ApiRoutes.PublicResults)]
    [InlineData("api/public/years/2021/units/SO-TP/sheet.pdf", ApiRoutes.PublicUnitSheet)]
    [InlineData("api/admin/years/2021/decision", ApiRoutes.AdminDecision)]          // not decision.pdf
    [InlineData("api/admin/years/2021/decision.pdf", ApiRoutes.AdminDecisionPdf)]
    [InlineData("api/agency/2021/SO%20TP/uploads", ApiRoutes.AgencyUploads)]       // escaped segments are one segment
    public void Find_OurRoutes(string path, string expected) => Assert.Equal(expected, RouteTemplates.Find(path));

    [Theory]
    [InlineData("api/public/years/abc/results")]   // {year:int}
    [InlineData("api/public/years/2021/results/x")] // one segment too many
    [InlineData("api/public/years//results")]       // an empty parameter
    [InlineData("no/such/route")]
    public void Find_NotOurs_IsNull(string path) => Assert.Null(RouteTemplates.Find(path));

    [Fact]
    public void MethodsOf_AddsHeadBesideGet() =>
        Assert.Equal(["GET", "HEAD", "PUT"], ApiOperations.MethodsOf(ApiRoutes.AdminYear));
}
