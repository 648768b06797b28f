using ParServerless.Pipeline.Publication;

namespace ParServerless.Pipeline.Api.Contracts;

/// <summary>Where a published year's documents and data are.</summary>
public sealed record YearLinks(
    string DecisionPdf, string GeneratedDecisionPdf, string DecisionJson, string Results, string ExportCsv, string ExportJson, string ExportXlsx)
{
    public static YearLinks Of(int year) => new(
        $"/api/public/years/{year}/decision.pdf", $"/api/public/years/{year}/decision-generated.pdf",
        $"/api/public/years/{year}/decision.json", $"/api/public/years/{year}/results",
        $"/api/public/years/{year}/export.csv", $"/api/public/years/{year}/export.json", $"/api/public/years/{year}/export.xlsx");
}

/// <summary>A published year in the list of years (các năm đã công bố).</summary>
public sealed record PublishedYearItem(int Year, DateTimeOffset? PublishedAt, YearLinks Links);

/// <summary>A group of units ranked together (khối), by code and name.</summary>
public sealed record GroupItem(string Code, string Name);

/// <summary>A published Decision's metadata and links.</summary>
/// <param name="NumberLine">The Decision's number line as printed, e.g. "Số: 12/QĐ-UBND".</param>
/// <param name="Document">Which document <c>decision.pdf</c> is: the signed original, or (until one exists) the generated text.</param>
public sealed record PublishedYearView(
    int Year, string Scheme, string? SchemeName, DateTimeOffset? PublishedAt, string? InputSha256, string? NumberLine, string? Date,
    string? PlaceAndDate, string? Subject, IReadOnlyList<GroupItem>? Groups, YearLinks Links, DecisionDocumentView Document);

/// <summary>
/// What the published Decision document is. <c>signed-original</c>: the PDF the province signed (its SHA-256, and what a
/// digital signature declares: signer and time, not verified). <c>generated</c>: the text this system generated, published
/// before a signed original was uploaded. The generated PDF stays at <see cref="GeneratedPdf"/> as the machine-readable twin.
/// </summary>
public sealed record DecisionDocumentView(
    string Kind, string? Sha256, DateTimeOffset? SignedUploadedAt, bool? HasDigitalSignature, string? DeclaredSigner,
    DateTimeOffset? DeclaredSigningTime, string GeneratedPdf, string Vi, string En);

/// <summary>A year's results (kết quả), grouped and ranked, every figure with its vi-VN text.</summary>
/// <param name="Status">"published" on public routes, "draft" on the admin preview.</param>
public sealed record ResultsView(int Year, string Scheme, string Status, string? InputSha256, IReadOnlyList<GroupResults> Groups);

/// <summary>The results of one group, in rank order.</summary>
public sealed record GroupResults(string Code, string Name, IReadOnlyList<UnitResultView> Units);

/// <summary>One unit's result: points by source, total, index (chỉ số), rank within its group and band (xếp loại).</summary>
public sealed record UnitResultView(
    string Unit, string Name, int? Rank, string? Band, string Status, Figure SelfTotal, Figure AppraisedPoints, Figure SurveyPoints,
    Figure Bonus, Figure Penalty, Figure Total, Figure Index, IReadOnlyDictionary<string, Figure> Areas);

/// <summary>Liveness: answers without touching storage.</summary>
public sealed record HealthView(string Status);
