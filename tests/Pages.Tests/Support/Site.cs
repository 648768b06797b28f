using System.Net;
using Microsoft.Playwright;
using ParServerless.Files;
using ParServerless.Samples;
using ParServerless.Testing;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pages.Tests.Support;

/// <summary>
/// One pipeline on Azurite for the page tests: Huế 2021 set up, appraised and published through the admin API, and a
/// headless Debian Chromium. What the site answered before publication is kept, to check the embargo. No Chromium is a
/// failure, never a skip: test.sh and scripts/prereqs.sh install it.
/// </summary>
public class Site : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public SiteHost Pipeline { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress => Pipeline.Http.BaseAddress!;

    /// <summary>Status and body of <c>/nam/2021</c>, a unit of it, and a year that never existed, before 2021 was published.</summary>
    public IReadOnlyDictionary<string, (HttpStatusCode Status, string Body)> BeforePublication { get; private set; } = null!;

    public const string UnpublishedYearPath = "/nam/2021";
    public const string MissingYearPath = "/nam/1999";

    public static string UnitPath => "/nam/2021/don-vi/" + HueSample.Units[0].Code;

    public const string EnglishUnpublishedYearPath = "/en/years/2021";
    public const string EnglishMissingYearPath = "/en/years/1999";
    public static string EnglishUnitPath => "/en/years/2021/units/" + HueSample.Units[0].Code;

    /// <summary>The first group's chart (the year page's Open Graph image), and the same group's chart in a year that does not exist.</summary>
    public static string ChartPath => "/nam/2021/bieu-do/" + HueSample.Scheme.Groups[0].Code;
    public static string MissingChartPath => "/nam/1999/bieu-do/" + HueSample.Scheme.Groups[0].Code;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: run scripts/prereqs.sh (apt-get install -y chromium).");
        Pipeline = await SiteHost.StartAsync();
        await Pipeline.SendAdminAsync(HttpMethod.Put, "/api/admin/schemes",
            new StringContent(SchemeJson.Save(HueSample.Scheme), System.Text.Encoding.UTF8, "application/json"));
        await Pipeline.SendAdminAsync(HttpMethod.Put, "/api/admin/years/2021", System.Net.Http.Json.JsonContent.Create(new
        {
            scheme = new { id = HueSample.Scheme.Ref.Id, version = HueSample.Scheme.Ref.Version },
            decision = HueSample.Decision,
            publishAt = new DateTimeOffset(2022, 1, 6, 9, 0, 0, TimeSpan.FromHours(7)),
        }));
        await Pipeline.SendAdminAsync(HttpMethod.Put, "/api/admin/years/2021/units", System.Net.Http.Json.JsonContent.Create(
            HueSample.Units.Select(u => new { code = u.Code, name = u.Name, group = u.GroupCode }).ToArray()));
        var before = new Dictionary<string, (HttpStatusCode, string)>(StringComparer.Ordinal);
        foreach (var path in new[] { UnpublishedYearPath, UnitPath, MissingYearPath, "/nam", EnglishUnpublishedYearPath, EnglishUnitPath, EnglishMissingYearPath, ChartPath, MissingChartPath })
        {
            using var response = await Pipeline.Http.GetAsync(path);
            before[path] = (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        BeforePublication = before;
        if (!Publishes)
        {
            await LaunchAsync();
            return;
        }
        // The earlier year's table first, so that the Decision compares with it (change from last year). 2020 exists only
        // as that table: a history-only year, under the 2021 scheme, with no Decision settings.
        await Pipeline.SendAdminAsync(HttpMethod.Put, "/api/admin/years/2020", System.Net.Http.Json.JsonContent.Create(new
        {
            scheme = new { id = HueSample.Scheme.Ref.Id, version = HueSample.Scheme.Ref.Version },
            historyOnly = true,
        }));
        await Pipeline.UploadBlobAsync("history", "2020/ket-qua-2020.csv", PreviousYear.File());
        // The whole Huế 2021 year as real score files, so the pages show the province's real results.
        var uploads = SampleUploads.Hue2021();
        foreach (var upload in uploads) await Pipeline.UploadBlobAsync(upload.Container, upload.BlobPath, upload.Content);
        await Eventually.TrueAsync(async () => await CountAsync("/api/admin/years/2020/uploads") == 1 && await CountAsync("/api/admin/years/2021/uploads") == uploads.Count,
            "the sample's files and the 2020 table to be ingested", TimeSpan.FromMinutes(5));
        // Publication is refused until every appraisal is ingested: ask again until it is done.
        var answers = new List<string>();
        // Publication is a background job (202 + status URL): follow it; a job refused because appraisals are still being
        // ingested (PAR-A050) is asked again.
        await Eventually.TrueAsync(async () =>
        {
            using var publish = await Pipeline.Http.SendAsync(SiteHost.Admin(HttpMethod.Post, "/api/admin/years/2021/publish"));
            answers.Add($"{(int)publish.StatusCode} {await publish.Content.ReadAsStringAsync()}");
            if (publish.StatusCode != HttpStatusCode.Accepted || publish.Headers.Location is not { } status)
            {
                await Task.Delay(1000);
                return false;
            }
            for (var i = 0; i < 2400; i++) // 10 minutes at most
            {
                using var poll = await Pipeline.Http.SendAsync(SiteHost.Admin(HttpMethod.Get, status.ToString()));
                var body = await poll.Content.ReadAsStringAsync();
                if (poll.StatusCode == HttpStatusCode.OK)
                {
                    answers.Add(body);
                    if (body.Contains("\"state\":\"succeeded\"", StringComparison.Ordinal)) return true;
                    await Task.Delay(1000);
                    return false;
                }
                await Task.Delay(250);
            }
            return false;
        }, "2021 to be published");

        await LaunchAsync();
    }

    private async Task<int> CountAsync(string path)
    {
        using var request = SiteHost.Admin(HttpMethod.Get, path);
        using var response = await Pipeline.Http.SendAsync(request);
        return response.IsSuccessStatusCode ? System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Count : -1;
    }

    /// <summary>
    /// Publishes 2021 through the admin API as a program would: a refusal at once (a Decision setting missing), or 202 and then
    /// the job's status until it is finished.
    /// </summary>
    /// <returns>The answer's code and Vietnamese text: the refusal's, or the finished job's outcome.</returns>
    public async Task<(string Code, string Vi)> PublishThroughApiAsync()
    {
        using var publish = await Pipeline.Http.SendAsync(SiteHost.Admin(HttpMethod.Post, "/api/admin/years/2021/publish"));
        if (publish.StatusCode != HttpStatusCode.Accepted)
        {
            var refusal = System.Text.Json.Nodes.JsonNode.Parse(await publish.Content.ReadAsStringAsync())!;
            return ((string)refusal["code"]!, (string)refusal["vi"]!);
        }
        var status = publish.Headers.Location ?? throw new InvalidOperationException("202 without Location");
        var job = await Eventually.ReturnsAsync(async () =>
        {
            using var poll = await Pipeline.Http.SendAsync(SiteHost.Admin(HttpMethod.Get, status.ToString()));
            return poll.StatusCode == HttpStatusCode.OK ? System.Text.Json.Nodes.JsonNode.Parse(await poll.Content.ReadAsStringAsync()) : null;
        }, "the publication job to finish");
        var outcome = job["outcome"]!;
        return ((string)outcome["code"]!, (string)outcome["vi"]!);
    }

    /// <summary>False for a site whose year 2021 stays open (the agency desk's tests).</summary>
    protected virtual bool Publishes => true;

    private async Task LaunchAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A unit's key, as Sở Nội vụ hands it out (the admin API's unit list).</summary>
    public async Task<string> UnitKeyAsync(string unit)
    {
        using var request = SiteHost.Admin(HttpMethod.Get, "/api/admin/years/2021/units");
        using var response = await Pipeline.Http.SendAsync(request);
        var units = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        return units.First(u => (string?)u!["code"] == unit)!["key"]!.GetValue<string>();
    }

    /// <summary>A fresh page at the given width (1280 desktop, 390 phone), its base address the site's.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        // The machines that run these tests are often loaded (two cores, parallel builds): allow a slow page, never a timed assertion.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Pipeline is not null) await Pipeline.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SiteGroup : ICollectionFixture<Site>
{
    public const string Name = "site";
}

/// <summary>A second pipeline whose 2021 stays open: agencies can still send files.</summary>
public sealed class OpenSite : Site
{
    protected override bool Publishes => false;
}

[CollectionDefinition(Name)]
public sealed class OpenSiteGroup : ICollectionFixture<OpenSite>
{
    public const string Name = "open-site";
}
