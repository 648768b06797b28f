using System.Net;
using System.Net.Http.Headers;
using ParServerless.DevHost.Tests.Support;
using Xunit.Abstractions;

namespace ParServerless.DevHost.Tests.Integration;

/// <summary>HTTP forwarding needs no storage: a function app with only an HTTP function starts without Azurite.</summary>
public sealed class HttpForwardingTest : IAsyncLifetime
{
    private readonly TestLogging _logging;
    private readonly FunctionAppFolder _folder = new();
    private FakeHandler _handler = null!;
    private DevHostApp _host = null!;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

    public HttpForwardingTest(ITestOutputHelper output)
    {
        _logging = new TestLogging(output);
        _folder.WithHttpFunction("Api");
    }

    public async Task InitializeAsync()
    {
        _handler = await FakeHandler.StartAsync();
        _host = await DevHostHarness.StartAsync(_folder, _handler, storage: null, _logging, "http-test");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _handler.DisposeAsync();
        _http.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Get_PathQueryAndHeaders_ReachTheHandlerUnchanged()
    {
        _handler.Respond = _ => Task.FromResult(new FakeResponse(203, "%PDF-1.7 bytes", "application/pdf"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_host.BaseAddress, "api/results/2025?group=s%E1%BB%9F&page=2&x=a+b"));
        request.Headers.Add("X-Unit-Key", "SO-TP:secret");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("curl", "8.0"));

        using var response = await _http.SendAsync(request);

        var received = Assert.Single(_handler.Requests);
        Assert.Equal("GET", received.Method);
        Assert.Equal("/api/results/2025", received.Path);
        Assert.Equal("?group=s%E1%BB%9F&page=2&x=a+b", received.Query);
        Assert.Equal("SO-TP:secret", received.Header("X-Unit-Key"));
        Assert.Equal("application/pdf", received.Header("Accept"));
        Assert.Equal("curl/8.0", received.Header("User-Agent"));
        Assert.True(Guid.TryParse(received.Header("X-Azure-Functions-InvocationId"), out _));
        Assert.Equal(_host.BaseAddress.Authority, received.Header("Host"));
        Assert.Equal((HttpStatusCode)203, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF-1.7 bytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_Body_ReachesTheHandlerByteForByte()
    {
        byte[] body = [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0x10, 0x0D, 0x0A];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        _handler.Respond = _ => Task.FromResult(new FakeResponse(201, """{"id":"x"}""") );

        using var response = await _http.PostAsync(new Uri(_host.BaseAddress, "api/uploads/2025/SO-TP?dryRun=true"), content);

        var received = Assert.Single(_handler.Requests);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/api/uploads/2025/SO-TP", received.Path);
        Assert.Equal("?dryRun=true", received.Query);
        Assert.Equal(body, received.Body);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", received.Header("Content-Type"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("""{"id":"x"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_OutsideRoutePrefix_IsNotForwarded()
    {
        using var response = await _http.GetAsync(new Uri(_host.BaseAddress, "results/2025"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Redirect_FromHandler_PassesThroughToTheClient()
    {
        _handler.Respond = _ => Task.FromResult(new FakeResponse(302, ""));

        using var response = await _http.GetAsync(new Uri(_host.BaseAddress, "api/old"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Single(_handler.Requests);
    }
}
