using ParServerless.Documents.Decision;
using ParServerless.Samples;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Documents.Tests.Support;

/// <summary>The Thừa Thiên Huế 2021 sample scored, ranked and turned into a Decision, built once for all tests.</summary>
internal static class HueDecision
{
    public static Scheme Scheme { get; } = HueSample.Scheme;

    public static IReadOnlyList<GroupStanding> Standings { get; } = Ranking.Rank(Scheme, HueSample.Units.Select(u =>
        ScoreCalculator.Score(Scheme, u, HueSample.Year, UnitMarks.Gather(u.Code, HueSample.Marks(Scheme, u.Code)))));

    /// <summary>The sample's completed settings: no missing field.</summary>
    public static DecisionSettings Settings { get; } = HueSample.Decision;

    /// <summary>What a province starts from: province and place only, every instrument of its own still missing.</summary>
    public static DecisionSettings Bare { get; } = new() { Province = "Thừa Thiên Huế", Place = "Huế" };

    /// <summary>
    /// A synthetic 2020 table (NOT published data): each unit 1.5 points lower, except every third unit 2 points higher,
    /// ranked within its group. It exists only to exercise the change columns.
    /// </summary>
    public static IReadOnlyList<PublishedResult> Synthetic2020 { get; } = Build2020();

    public static IReadOnlyDictionary<string, YearOverYearChange> Changes { get; } =
        YearOverYear.Compare(Standings, Synthetic2020, PredecessorMap.None);

    public static DecisionModel Model { get; } = DecisionBuilder.Build(Scheme, HueSample.Year, HueSample.PublishedOn, Standings, Settings);

    public static DecisionModel ModelWithChanges { get; } =
        DecisionBuilder.Build(Scheme, HueSample.Year, HueSample.PublishedOn, Standings, Settings, Changes);

    private static readonly Lazy<byte[]> LazyPdf = new(() => DecisionDocument.Render(ModelWithChanges, DocumentStage.Final));

    /// <summary>The rendered PDF of <see cref="ModelWithChanges"/>, final (no draft mark).</summary>
    public static byte[] Pdf => LazyPdf.Value;

    public static DecisionModel BareModel { get; } = DecisionBuilder.Build(Scheme, HueSample.Year, HueSample.PublishedOn, Standings, Bare);

    private static readonly Lazy<byte[]> LazyDraft = new(() => DecisionDocument.Render(BareModel));

    /// <summary>A draft from <see cref="Bare"/> settings: every missing field highlighted.</summary>
    public static byte[] DraftPdf => LazyDraft.Value;

    private static PublishedResult[] Build2020()
    {
        var rows = HueSample.Published.Select((p, i) => p with { Year = 2020, Score = i % 3 == 0 ? p.Score + 2m : p.Score - 1.5m }).ToArray();
        return rows.GroupBy(r => r.GroupCode).SelectMany(g => g.OrderByDescending(r => r.Score).Select((r, i) => r with { Rank = i + 1 })).ToArray();
    }
}
