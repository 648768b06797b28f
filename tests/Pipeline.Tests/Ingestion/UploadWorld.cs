using Azure.Storage.Blobs;
using ParServerless.Files;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Samples;
using ParServerless.Scoring.Marks;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>Helpers shared by the upload-integrity tests: a year with the Huế units, filled files, API uploads, ingestion of a blob.</summary>
internal static class UploadWorld
{
    public const string Unit = "SO-TP";

    public static async Task OpenYearWithUnitsAsync(this PipelineServicesFixture f, int year)
    {
        await f.OpenHueYearAsync(year);
        var reply = await f.Get<AdminApi>().PutUnitsAsync(year,
            HueSample.Units.Select(u => new UnitRequest(u.Code, u.Name, u.GroupCode, u.Ranked, null)).ToList(), CancellationToken.None);
        Assert.IsType<JsonReply>(reply);
    }

    /// <summary>A valid self-assessment CSV of <see cref="Unit"/> whose marks add up near <paramref name="total"/>.</summary>
    public static byte[] SelfAssessment(int year, decimal total)
    {
        var unit = HueSample.Units.Single(u => u.Code == Unit);
        var sheets = SampleMarks.Generate(HueSample.Scheme, unit, year, total).Where(s => s.Source == MarkSource.SelfAssessment).ToList();
        return FilledFileWriter.Write(HueSample.Scheme, new TemplateRequest(year, unit.GroupCode, FileKind.SelfAssessment, [unit], null), sheets, FileFormat.Csv);
    }

    public static Task<ApiReply> UploadAsync(this PipelineServicesFixture f, int year, string fileName, byte[] content, long? declared = null) =>
        f.Get<AgencyApi>().UploadAsync(year, Unit, "self-assessment", fileName, new MemoryStream(content), declared ?? content.Length, Unit, CancellationToken.None);

    /// <summary>A dry run as an HTTP request makes it: with the body's length declared (Content-Length), like the upload.</summary>
    public static Task<ApiReply> ValidateAsync(this PipelineServicesFixture f, int year, string fileName, byte[] content) =>
        f.Get<AgencyApi>().ValidateAsync(year, Unit, "self-assessment", fileName, new MemoryStream(content), content.Length, CancellationToken.None);

    public static BlobClient Blob(this PipelineServicesFixture f, string container, string name) =>
        new BlobContainerClient(f.Azurite.ConnectionString, container).GetBlobClient(name);

    public static async Task<BlobClient> PutBlobAsync(this PipelineServicesFixture f, string container, string name, byte[] content)
    {
        var client = new BlobContainerClient(f.Azurite.ConnectionString, container);
        await client.CreateIfNotExistsAsync();
        var blob = client.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), overwrite: true);
        return blob;
    }

    public static async Task<IReadOnlyList<UploadRecord>> AuditAsync(this PipelineServicesFixture f, int year)
    {
        var reply = Assert.IsType<JsonReply>(await f.Get<AdminApi>().UploadsAsync(year, null, CancellationToken.None));
        return Assert.IsAssignableFrom<IReadOnlyList<UploadRecord>>(reply.Body);
    }
}
