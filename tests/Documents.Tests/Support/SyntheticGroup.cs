using System.Globalization;
using ParServerless.Documents.Decision;
using ParServerless.Samples;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Units;

namespace ParServerless.Documents.Tests.Support;

/// <summary>A province with one group of any size, scored on the Huế scheme: for the chart and table tests.</summary>
internal static class SyntheticGroup
{
    /// <summary>Real names of different lengths, up to one that no chart column can hold on one line.</summary>
    private static readonly string[] Names =
    [
        "UBND xã Phong Hiền",
        "UBND phường Thuận Hòa",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Ban Quản lý Khu Kinh tế, công nghiệp tỉnh",
        "UBND xã A Ngo",
        "Trung tâm Phục vụ hành chính công tỉnh",
        "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông, dân dụng và công nghiệp tỉnh Thừa Thiên Huế",
        "Sở Lao động - Thương binh và Xã hội",
    ];

    public static DecisionModel Model(int units)
    {
        var scheme = HueSample.Scheme;
        var list = Enumerable.Range(1, units).Select(i => new Unit(
            "U" + i.ToString("000", CultureInfo.InvariantCulture),
            Names[i % Names.Length] + (i > Names.Length ? " " + i.ToString(CultureInfo.InvariantCulture) : ""),
            "SO")).ToArray();
        // Scores from 98 down to 66, so every band of the scheme but the lowest is present in a large group.
        var results = list.Select((u, i) => ScoreCalculator.Score(scheme, u, HueSample.Year, UnitMarks.Gather(u.Code,
            SampleMarks.Generate(scheme, u, HueSample.Year, 98m - 32m * i / Math.Max(1, units - 1)))));
        return DecisionBuilder.Build(scheme, HueSample.Year, HueSample.PublishedOn, Ranking.Rank(scheme, results), HueSample.Decision);
    }

    public static byte[] Pdf(int units) => DecisionDocument.Render(Model(units), DocumentStage.Final);
}
