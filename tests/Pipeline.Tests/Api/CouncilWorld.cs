using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Tests.Ingestion;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Files;
using ParServerless.Samples;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Tests.Api;

/// <summary>Uploads through the API (so the fake clock stamps them) and their ingestion, as the blob trigger would run it.</summary>
internal static class CouncilWorld
{
    /// <summary>The Huế scheme under another id, covering 2050–2100, so each test opens a year of its own.</summary>
    public static Scheme Scheme { get; } = SchemeJson.Load(WideJson()).Value!;

    private static string WideJson()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(SchemeJson.Save(HueSample.Scheme))!;
        json["id"] = "TTH-PAR-THU";
        json["fromYear"] = 2050;
        json["toYear"] = 2100;
        return json.ToJsonString();
    }

    /// <summary>Opens a year with <see cref="Scheme"/> and the Huế units.</summary>
    public static async Task OpenYearAsync(this PipelineServicesFixture f, int year)
    {
        var (result, _) = await f.Get<SchemeStore>().PutAsync(WideJson(), CancellationToken.None);
        Assert.True(result.Accepted, string.Join("; ", result.Report.Problems.Select(p => p.Code + " " + p.English)));
        var decision = new DecisionSettings { Province = HueSample.Province, Place = "Thừa Thiên Huế" };
        if (await f.Get<YearStore>().GetAsync(year, CancellationToken.None) is null)
            await f.Get<YearStore>().SaveAsync(YearRecord.Open(year, Scheme.Ref, decision, null), CancellationToken.None);
        var reply = await f.Get<AdminApi>().PutUnitsAsync(year,
            HueSample.Units.Select(u => new UnitRequest(u.Code, u.Name, u.GroupCode, u.Ranked, null)).ToList(), CancellationToken.None);
        Assert.IsType<JsonReply>(reply);
    }

    /// <summary>A valid self-assessment CSV of <paramref name="unit"/> whose marks add up near <paramref name="total"/>.</summary>
    public static byte[] SelfAssessment(int year, string unit, decimal total)
    {
        var u = HueSample.Units.Single(x => x.Code == unit);
        var sheets = SampleMarks.Generate(Scheme, u, year, total).Where(s => s.Source == MarkSource.SelfAssessment).ToList();
        return FilledFileWriter.Write(Scheme, new TemplateRequest(year, u.GroupCode, FileKind.SelfAssessment, [u], null), sheets, FileFormat.Csv);
    }

    public static Task<ApiReply> AgencyUploadAsync(this PipelineServicesFixture f, int year, string unit, string kind, string fileName, byte[] content) =>
        f.Get<AgencyApi>().UploadAsync(year, unit, kind, fileName, new MemoryStream(content), content.Length, unit, CancellationToken.None);

    public static Task<ApiReply> CouncilUploadAsync(this PipelineServicesFixture f, int year, string kind, string fileName, int? round, byte[] content) =>
        f.Get<AdminApi>().UploadAsync(year, kind, fileName, round, null, new MemoryStream(content), content.Length, CancellationToken.None);

    /// <summary>Ingests the blob an accepted API upload wrote, and answers its audit row.</summary>
    public static async Task<UploadRecord> IngestAsync(this PipelineServicesFixture f, ApiReply upload)
    {
        var accepted = Assert.IsType<UploadAccepted>(Assert.IsType<JsonReply>(upload).Body);
        var result = await f.Get<IngestionService>().IngestAsync(f.Blob(accepted.Container, accepted.Blob), CancellationToken.None);
        return result.Record!;
    }
}
