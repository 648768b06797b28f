using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ParServerless.Testing;
using ParServerless.Functions.Tests.Support;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>Keys and the embargo, through DevHost's forwarding as through the Functions host.</summary>
public sealed class SecurityTest(ITestOutputHelper output) : IAsyncLifetime
{
    private Support.Pipeline _p = null!;

    public async Task InitializeAsync()
    {
        _p = await Support.Pipeline.StartAsync(new TestLogging(output));
        await _p.SetUpHueAsync();
    }

    public async Task DisposeAsync() => await _p.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/admin/years")]
    [InlineData("PUT", "/api/admin/schemes")]
    [InlineData("POST", "/api/admin/years/2021/publish")]
    [InlineData("GET", "/api/admin/years/2021/uploads")]
    [InlineData("GET", "/api/admin/years/2021/board")]
    [InlineData("GET", "/api/admin/years/2021/templates/appraisal?group=SO&round=1")]
    public async Task AdminRoute_WithoutKey_Is401Problem_WithWrongKey_Is403Problem(string method, string path)
    {
        using (var response = await _p.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("PAR-A401", (string?)problem["code"]);
            Assert.Equal(401, (int?)problem["status"]);
            Assert.Contains("khóa quản trị", (string?)problem["vi"], StringComparison.Ordinal);
        }
        var wrong = new HttpRequestMessage(new HttpMethod(method), path);
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
        using (var response = await _p.Http.SendAsync(wrong))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("PAR-A403", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]);
        }
    }

    [Fact]
    public async Task AgencyUpload_WithAnotherUnitsKey_Is403_AndWritesNothing()
    {
        var key = await _p.UnitKeyAsync("SO-TP");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/agency/2021/SO-NV/uploads/self-assessment/x.xlsx") { Content = new ByteArrayContent([1, 2, 3]) };
        request.Headers.Add("X-Par-Key", key);
        using var response = await _p.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var container = new Azure.Storage.Blobs.BlobContainerClient(_p.Storage, "submissions");
        var names = new List<string>();
        if (await container.ExistsAsync())
            await foreach (var blob in container.GetBlobsAsync()) names.Add(blob.Name);
        Assert.Empty(names);
    }

    [Fact]
    public async Task PublicRoutes_BeforePublication_LeakNothing_EvenWithDraftDocuments()
    {
        // A draft exists in storage (documents and draft results) but the year is not published.
        var draft = await _p.PublishAsync(publish: false);
        Assert.Equal(("succeeded", "draft", "PAR-A081"), ((string?)draft["state"], (string?)draft["kind"], (string?)draft["outcome"]!["code"]));
        using (var pdf = await _p.Http.SendAsync(Support.Pipeline.Admin(HttpMethod.Get, "/api/admin/years/2021/decision.pdf")))
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);

        string[] routes =
        [
            "/api/public/years/2021", "/api/public/years/2021/decision.pdf", "/api/public/years/2021/decision.json",
            "/api/public/years/2021/results", "/api/public/years/2021/results?group=SO", "/api/public/years/2021/units/SO-TP",
            "/api/public/years/2021/units/SO-TP/sheet.pdf", "/api/public/years/2021/export.csv", "/api/public/years/2021/export.json",
            "/api/public/years/2021/export.xlsx",
        ];
        var unknownYear = await _p.Http.GetStringAsync("/api/public/years/2099").ContinueWith(t => t.IsFaulted ? "" : t.Result);
        foreach (var route in routes)
        {
            using var response = await _p.Http.GetAsync(route);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            // The same answer as for a year that does not exist: not even existence leaks.
            Assert.Equal("PAR-A404", (string?)problem["code"]);
            Assert.DoesNotContain("SO-TP", problem.ToJsonString(), StringComparison.Ordinal);
        }
        Assert.Equal("[]", (await _p.Http.GetStringAsync("/api/public/years")).Trim());
        Assert.Equal("", unknownYear);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed_AndDescribesEveryAudience()
    {
        var doc = JsonNode.Parse(await _p.Http.GetStringAsync("/api/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/public/years/{year}/results", paths);
        Assert.Contains("/api/agency/{year}/{unit}/uploads/{kind}/{fileName}", paths);
        Assert.Contains("/api/admin/years/{year}/publish", paths);
        Assert.Contains("/api/admin/years/{year}/publications/{id}", paths);
        Assert.NotNull(doc["paths"]!["/api/admin/years/{year}/publish"]!["post"]!["responses"]!["202"]);
        Assert.DoesNotContain(paths, p => p.StartsWith("/Ingest", StringComparison.Ordinal));
        var schemes = doc["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("bearer", (string?)schemes["adminKey"]!["scheme"]);
        Assert.Contains("HMAC-SHA256", (string?)schemes["unitKey"]!["description"], StringComparison.Ordinal);
    }
}
