using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ParServerless.Pipeline.Registry;
using ParServerless.Samples;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Schemes;
using ParServerless.Testing.Azurite;

namespace ParServerless.Pipeline.Tests.Support;

/// <summary>The pipeline's services in-process, wired by <c>AddParServerless</c>, on a fresh in-memory Azurite and a fake clock.</summary>
public sealed class PipelineServicesFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key";

    private AzuriteInstance? _azurite;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2021, 12, 1, 2, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; private set; } = null!;

    public AzuriteInstance Azurite => _azurite!;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartInMemoryAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["PAR_ADMIN_KEY"] = AdminKey,
            ["PAR_AGENCY_KEY_SECRET"] = "test-agency-secret",
        }).Build();
        Services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddLogging()
            .AddParServerless(configuration)
            .BuildServiceProvider();
    }

    /// <summary>Registers the Huế 2021 scheme and opens a year with it.</summary>
    public async Task<YearRecord> OpenHueYearAsync(int year)
    {
        var schemes = Get<SchemeStore>();
        var (result, _) = await schemes.PutAsync(SchemeJson.Save(HueSample.Scheme), CancellationToken.None);
        Assert.True(result.Accepted);
        var opened = await Get<YearStore>().SaveAsync(YearRecord.Open(year, HueSample.Scheme.Ref,
            new DecisionSettings { Province = HueSample.Province, Place = "Thừa Thiên Huế" }, null), CancellationToken.None);
        return opened ?? (await Get<YearStore>().GetAsync(year, CancellationToken.None))!;
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
