using ParServerless.Pipeline.Publication;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Schemes;

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

/// <summary>
/// One unit's result: points by source, total, index (chỉ số), rank within its group and band (xếp loại), its change against
/// the earlier year and its head's rating. Every <see cref="Figure"/> value is the machine value (docs/PIPELINE.md, "One value
/// on every surface").
/// </summary>
/// <param name="Change">Against the earlier year; null when the year has no earlier results to compare with.</param>
/// <param name="HeadRating">The head's rating (xếp loại người đứng đầu); always present, with a null code when not rated.</param>
public sealed record UnitResultView(
    string Unit, string Name, int? Rank, string? Band, string Status, Figure SelfTotal, Figure AppraisedPoints, Figure SurveyPoints,
    Figure Bonus, Figure Penalty, Figure Total, Figure Index, IReadOnlyDictionary<string, Figure> Areas,
    ChangeView? Change = null, HeadRatingView? HeadRating = null, bool Ranked = true);

/// <summary>
/// A unit against the earlier year (so sánh với năm trước). Values carry an ASCII minus (<c>-2</c>); texts are for people
/// (<c>−2,000</c>, <c>giảm 2 bậc</c>).
/// </summary>
/// <param name="Basis">SameUnit, Renamed, Merged (against the predecessors' mean, no rank), or None (nothing to compare with).</param>
/// <param name="PreviousIndex">The earlier published total on the 100-point scale (tổng điểm / chỉ số năm trước).</param>
/// <param name="RankChange">Previous rank − rank: −2 for a unit that fell from 1st to 3rd.</param>
/// <param name="RankChangeText">"tăng 4 bậc", "giảm 2 bậc", "giữ nguyên"; null without a rank change.</param>
public sealed record ChangeView(
    int PreviousYear, string Basis, Figure? PreviousIndex, int? PreviousRank, Figure? PointsChange, int? RankChange, string? RankChangeText,
    IReadOnlyList<string> Predecessors)
{
    public static ChangeView Of(ScoreFormat format, ResultChange c) => new(
        c.PreviousYear, c.Basis, Figure.Of(format, c.PreviousIndex), c.PreviousRank,
        c.PointsChange is { } p ? Figure.Change(format, p) : null, c.RankChange,
        c.RankChange switch
        {
            null => null,
            > 0 and var up => FormattableString.Invariant($"tăng {up} bậc"),
            < 0 and var down => FormattableString.Invariant($"giảm {-down} bậc"),
            _ => "giữ nguyên",
        },
        c.Predecessors);
}

/// <summary>The head's rating (xếp loại người đứng đầu về công tác CCHC).</summary>
/// <param name="Code">Excellent, Good, Completed, NotCompleted; null when the head is not rated (a unit not ranked).</param>
/// <param name="Text">"hoàn thành tốt nhiệm vụ", or why there is no rating.</param>
public sealed record HeadRatingView(string? Code, string Text)
{
    public static HeadRatingView Of(HeadRating? rating, bool ranked) => rating is { } r
        ? new(HeadRatings.Code(r), HeadRatings.Text(r))
        : new(null, ranked ? "Không xếp loại (quy tắc của bộ chỉ số không nêu loại này)" : HeadRatings.NotRatedText);
}

/// <summary>Liveness: answers without touching storage.</summary>
public sealed record HealthView(string Status);
