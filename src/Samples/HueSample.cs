using System.Globalization;
using System.Text.Json;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Samples;

/// <summary>
/// Thừa Thiên Huế, PAR 2021 (published 06/01/2022): 21 sở, ban, ngành and 9 district committees, as in DOMAIN.md.
/// Per-leaf marks were never published, so <see cref="Marks"/> generates marks whose totals are exactly the published scores.
/// </summary>
public static class HueSample
{
    public const int Year = 2021;

    public static string Province => "Thừa Thiên Huế";

    /// <summary>Publication date of the Decision.</summary>
    public static DateOnly PublishedOn { get; } = new(2022, 1, 6);

    public static Scheme Scheme => ShippedSchemes.Load(ShippedSchemes.Hue2021);

    /// <summary>
    /// The year's Decision settings, complete: the Decision built from them has no missing field and passes
    /// <see cref="DecisionReadiness.Check"/>.
    /// </summary>
    /// <remarks>
    /// The Bộ Nội vụ decision is the 2021 default (QĐ 1149/QĐ-BNV of 30/12/2020). The province's own instruments, the signer and
    /// the Decision's number are SAMPLE VALUES, not the province's real ones, which were not published with the results: they
    /// only give the sample a complete, signable form. The Tờ trình's number 5 shows Nghị định 30's leading zero ("05").
    /// </remarks>
    public static DecisionSettings Decision { get; } = new()
    {
        Province = Province,
        Place = "Huế",
        Number = "12",
        Date = PublishedOn,
        ProvincialScheme = new LegalReference { Number = "2780", Date = new DateOnly(2021, 11, 18) },
        YearPlan = new LegalReference { Number = "298", Date = new DateOnly(2020, 12, 28) },
        Council = new LegalReference { Number = "3105", Date = new DateOnly(2021, 12, 10) },
        Submission = new LegalReference { Number = "5", Date = new DateOnly(2022, 1, 4) },
        Signature = SignatureBlock.ViceChairman("Nguyễn Văn An"),
    };

    /// <summary>The published table: unit, group, score (3 decimals), rank and band.</summary>
    public static IReadOnlyList<PublishedResult> Published { get; } = LoadPublished();

    public static IReadOnlyList<Unit> Units { get; } =
        Published.Select(p => new Unit(p.UnitCode!, p.UnitName, p.GroupCode!)).ToArray();

    /// <summary>Every sheet of the year (self-assessment, appraisal 1, explanation, appraisal 2, survey) for one unit.</summary>
    public static IReadOnlyList<MarkSheet> Marks(Scheme scheme, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var row = Published.Single(p => p.UnitCode == unitCode);
        var unit = Units.Single(u => u.Code == unitCode);
        return SampleMarks.Generate(scheme, unit, Year, row.Score);
    }

    private static PublishedResult[] LoadPublished()
    {
        using var stream = typeof(HueSample).Assembly.GetManifestResourceStream("ParServerless.Samples.Data.hue-2021-published.json")!;
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.GetProperty("rows").EnumerateArray().Select(r => new PublishedResult(
            Year,
            r.GetProperty("unitName").GetString()!,
            r.GetProperty("unitCode").GetString(),
            r.GetProperty("groupCode").GetString(),
            decimal.Parse(r.GetProperty("score").GetString()!, CultureInfo.InvariantCulture),
            r.GetProperty("rank").GetInt32(),
            r.GetProperty("band").GetString())).ToArray();
    }
}
