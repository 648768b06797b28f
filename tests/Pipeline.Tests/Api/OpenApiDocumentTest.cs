using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ParServerless.Pipeline.Api;
using Generated = ParServerless.Pipeline.Api.OpenApiDocument;
using Reader = Microsoft.OpenApi.OpenApiDocument;

namespace ParServerless.Pipeline.Tests.Api;

public sealed class OpenApiDocumentTest
{
    [Fact]
    public void Document_ReadsWithoutErrorsAndValidates()
    {
        using var stream = new MemoryStream(Generated.Bytes.ToArray());
        var result = Reader.Load(stream, "json");
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        var errors = result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? [];
        Assert.Empty(errors.Select(e => $"{e.Pointer}: {e.Message}"));
    }

    [Fact]
    public void Document_HasEveryOperationOfTheCatalogueWithHeadBesideGet()
    {
        using var stream = new MemoryStream(Generated.Bytes.ToArray());
        var document = Reader.Load(stream, "json").Document!;
        var documented = document.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method.ToUpperInvariant()} {p.Key}")).Order().ToList();
        var expected = ApiOperations.All.SelectMany(o => o.Method == "GET" ? new[] { "GET", "HEAD" } : [o.Method])
            .Zip(ApiOperations.All.SelectMany(o => o.Method == "GET" ? new[] { o, o } : [o]))
            .Select(p => $"{p.First} /api/{Generated.PathOf(p.Second.Route)}").Order().ToList();
        Assert.Equal(expected, documented);
    }

    [Fact]
    public void Contracts_AreSchemasNotAnonymousObjects()
    {
        using var stream = new MemoryStream(Generated.Bytes.ToArray());
        var document = Reader.Load(stream, "json").Document!;
        Assert.Contains("ResultsView", document.Components!.Schemas!.Keys);
        Assert.Contains("YearRequest", document.Components.Schemas.Keys);
        Assert.Contains("Problem", document.Components.Schemas.Keys);
    }

    /// <summary>The kind and round path parameters list the workflow catalogue's values, so a client sees every step and no other.</summary>
    [Theory]
    [InlineData("POST", "/api/agency/{year}/{unit}/uploads/{kind}/{fileName}", "kind", new[] { "self-assessment", "explanation" })]
    [InlineData("POST", "/api/admin/years/{year}/uploads/{kind}/{fileName}", "kind",
        new[] { "self-assessment", "appraisal", "explanation", "survey", "bonus-penalty", "history" })]
    [InlineData("GET", "/api/admin/years/{year}/templates/{kind}", "kind", new[] { "appraisal", "survey", "bonus-penalty" })]
    [InlineData("PUT", "/api/admin/years/{year}/rounds/{round}", "round",
        new[] { "self-assessment", "appraisal-1", "explanation", "appraisal-2", "survey", "bonus-penalty", "history" })]
    public void ClosedPathParameters_ListTheCataloguesValues(string method, string path, string parameter, string[] values)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(Generated.Bytes.Span)!;
        var operation = document["paths"]![path]![method.ToLowerInvariant()]!;
        var schema = operation["parameters"]!.AsArray().Single(p => (string?)p!["name"] == parameter)!["schema"]!;
        Assert.Equal(values, schema["enum"]!.AsArray().Select(v => (string)v!));
    }
}
