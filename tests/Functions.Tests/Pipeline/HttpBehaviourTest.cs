using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ParServerless.Testing;
using Xunit.Abstractions;

namespace ParServerless.Functions.Tests.Pipeline;

/// <summary>HTTP as the real worker answers it through the host stand-in: coded 404/405/415, HEAD, and the documented routes.</summary>
public sealed class HttpBehaviourTest(ITestOutputHelper output) : IAsyncLifetime
{
    private Support.Pipeline _p = null!;

    public async Task InitializeAsync() => _p = await Support.Pipeline.StartAsync(new TestLogging(output), o => o with { EnableTriggers = false });

    public async Task DisposeAsync() => await _p.DisposeAsync();

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal($"/api/problems/{code}", (string?)problem["type"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["vi"]));
        Assert.False(string.IsNullOrEmpty((string?)problem["en"]));
        return problem;
    }

    [Fact]
    public async Task WrongMethod_Is405WithAllow_AsOurProblem()
    {
        using var response = await _p.Http.DeleteAsync("/api/public/years/2021/results");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        await ProblemAsync(response, "PAR-A405");

        using var post = await _p.Http.PostAsync("/api/admin/years/2021", null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD", "PUT"], post.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task UnknownRoute_Is404AsOurProblem()
    {
        using var response = await _p.Http.GetAsync("/api/no/such/route");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ProblemAsync(response, "PAR-A404");
    }

    [Fact]
    public async Task WrongContentType_Is415AsOurProblem()
    {
        using var request = Support.Pipeline.Admin(HttpMethod.Put, "/api/admin/years/2021", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));
        using var response = await _p.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await ProblemAsync(response, "PAR-A415");
    }

    [Fact]
    public async Task Head_WorksWhereGetDoes_WithoutABody()
    {
        using var get = await _p.Http.GetAsync("/api/public/years");
        using var head = await _p.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/public/years"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Every HTTP function the worker declares (its functions.metadata) is documented with its methods, and nothing else is.</summary>
    [Fact]
    public async Task OpenApi_DocumentsExactlyTheHttpFunctions()
    {
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Support.Pipeline.AppDirectory, "functions.metadata")));
        var served = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            if (function.GetProperty("name").GetString() == "Fallback") continue; // answers what matches no route: 404/405
            // The web pages (HTML for people, docs/PAGES.md) are not the API.
            if (ParServerless.Pipeline.Pages.PageRoutes.All.Any(p => p.Function == function.GetProperty("name").GetString())) continue;
            foreach (var binding in function.GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "httpTrigger"))
            {
                var path = "/api/" + ParServerless.Pipeline.Api.OpenApiDocument.PathOf(binding.GetProperty("route").GetString()!);
                foreach (var method in binding.GetProperty("methods").EnumerateArray())
                    served.Add($"{method.GetString()!.ToUpperInvariant()} {path}");
            }
        }

        var document = JsonNode.Parse(await _p.Http.GetStringAsync("/api/openapi/v1.json"))!;
        var documented = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, _) in item!.AsObject())
                documented.Add($"{method.ToUpperInvariant()} {path}");

        Assert.Equal(served, documented);
    }

    /// <summary>
    /// Cold start (issue #14): the worker serves the API and the pages without MVC, which the Functions ASP.NET Core integration
    /// would otherwise register and load on every start (src/Functions/Http/AspNetCoreIntegration.cs).
    /// </summary>
    [Fact]
    public async Task Worker_ServesApiAndPages_WithoutLoadingMvc()
    {
        using var api = await _p.Http.GetAsync("/api/public/years");
        using var page = await _p.Http.GetAsync("/nam");
        using var missing = await _p.Http.GetAsync("/api/public/years/1999");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // The assemblies a Linux process has loaded are mapped from their files. Compiling the integration's code that would
        // call AddMvc() loads Microsoft.AspNetCore.Mvc(.Core) for its metadata; running it would load these.
        var maps = await File.ReadAllTextAsync($"/proc/{_p.Host.Worker!.Process.ProcessId}/maps");
        Assert.Contains("/Microsoft.AspNetCore.Server.Kestrel.Core.dll", maps, StringComparison.Ordinal);
        Assert.Contains("/ParServerless.Pipeline.dll", maps, StringComparison.Ordinal);
        foreach (var assembly in new[] { "Mvc.ViewFeatures", "Mvc.RazorPages", "Razor", "Components", "Antiforgery", "DataProtection" })
            Assert.DoesNotContain($"/Microsoft.AspNetCore.{assembly}.dll", maps, StringComparison.Ordinal);
    }
}
