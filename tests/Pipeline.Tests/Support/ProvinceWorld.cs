using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ParServerless.Files;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Registry;
using ParServerless.Samples;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Pipeline.Tests.Support;

/// <summary>
/// A province of any size, built through the pipeline's own doors: the Huế scheme and Decision settings, <c>count</c> units
/// spread over the scheme's groups, and a council appraisal (round 1) for every unit, uploaded as files and ingested. Shared
/// by the publication tests and the publication benchmark (linked there).
/// </summary>
public static class ProvinceWorld
{
    /// <summary>Units per appraisal file: well under the reader's row limit whatever the scheme.</summary>
    private const int UnitsPerFile = 250;

    public static string UnitCode(int i) => FormattableString.Invariant($"DV-{i:D4}");

    /// <summary>Opens <paramref name="year"/> and fills it; every unit is appraised, so the year can be published.</summary>
    public static async Task<IReadOnlyList<Unit>> BuildAsync(IServiceProvider services, string storage, int year, int count, CancellationToken ct = default)
    {
        // The Huế 2021 scheme as version 2, reaching to 2099, so that any test year can use it.
        var json = System.Text.Json.Nodes.JsonNode.Parse(SchemeJson.Save(HueSample.Scheme))!;
        json["version"] = 2;
        json["toYear"] = 2099;
        var schemes = services.GetRequiredService<SchemeStore>();
        var (registered, _) = await schemes.PutAsync(json.ToJsonString(), ct);
        if (!registered.Accepted) throw new InvalidOperationException("the Huế scheme was refused: " + string.Join(", ", registered.Report.Problems.Select(p => p.Code)));
        var scheme = registered.Value!;
        var admin = services.GetRequiredService<AdminApi>();
        // The national texts are known (defaulted) for 2021 only: any other year states its căn cứ lines itself.
        var decision = HueSample.Decision with
        {
            LegalBases = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"],
            Proposal = "Theo đề nghị của Giám đốc Sở Nội vụ.",
        };
        if (await admin.PutYearAsync(year, new YearRequest(scheme.Ref, decision, null), ct) is RefusalReply refused)
            throw new InvalidOperationException($"year {year}: {refused.Refusal.Code} {refused.Refusal.English}");

        var groups = scheme.Groups.Select(g => g.Code).ToList();
        var units = Enumerable.Range(1, count)
            .Select(i => new Unit(UnitCode(i), string.Create(CultureInfo.InvariantCulture, $"Đơn vị số {i}"), groups[i % groups.Count])).ToList();
        if (await admin.PutUnitsAsync(year, units.Select(u => new UnitRequest(u.Code, u.Name, u.GroupCode, true, null)).ToList(), ct) is RefusalReply unitsRefused)
            throw new InvalidOperationException($"units: {unitsRefused.Refusal.Code} {unitsRefused.Refusal.English}");

        var container = new BlobContainerClient(storage, "appraisals");
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var ingestion = services.GetRequiredService<IngestionService>();
        var level = 0.60m;
        foreach (var group in units.GroupBy(u => u.GroupCode))
        {
            foreach (var (chunk, index) in group.Chunk(UnitsPerFile).Select((c, i) => (c, i)))
            {
                // Varied, realistic marks (SampleMarks), so the sheets draw real gaps and bands, not a page of zeros.
                var sheets = chunk.SelectMany(u => SampleMarks.Generate(scheme, u, year, Next(ref level) * scheme.LeavesFor(u.GroupCode).Sum(l => l.Maximum))
                    .Where(s => s.Source == MarkSource.Appraisal1)).ToList();
                var file = FilledFileWriter.Write(scheme, new TemplateRequest(year, group.Key, FileKind.Appraisal, chunk, 1), sheets);
                var blob = container.GetBlobClient(FormattableString.Invariant($"{year}/1/tham-dinh-{group.Key}-{index}.xlsx"));
                await blob.UploadAsync(new BinaryData(file), overwrite: true, ct);
                var result = await ingestion.IngestAsync(blob, ct);
                if (result.Record is not { Outcome: UploadOutcome.Accepted })
                    throw new InvalidOperationException($"appraisal {blob.Name} not accepted: {string.Join(", ", result.Record?.Codes ?? [])}");
            }
        }
        return units;
    }

    /// <summary>Levels from 60 % to 90 % of the maximum, in small uneven steps, so totals differ and ranks spread.</summary>
    private static decimal Next(ref decimal level)
    {
        level += 0.0037m;
        if (level > 0.90m) level = 0.60m;
        return Math.Round(level, 3);
    }
}
