using ParServerless.Files;
using ParServerless.Samples;

namespace ParServerless.Pages.Tests.Support;

/// <summary>
/// A 2020 table for the change-from-last-year column. Huế's real 2020 table is not in the sample, so this one is INVENTED:
/// each unit's 2021 score moved by a fixed, varied amount (some up, some down, one unchanged), ranked within its group.
/// </summary>
public static class PreviousYear
{
    /// <summary>The invented 2020 score of each unit: 2021 minus a step of −3.5 to +4.0 points chosen by its position.</summary>
    public static IReadOnlyList<PublishedRow> Rows { get; } = Build();

    public static byte[] File() =>
        FilledFileWriter.Write(HueSample.Scheme, new TemplateRequest(2020, null, FileKind.PublishedResults, []), Rows, FileFormat.Csv);

    private static PublishedRow[] Build()
    {
        var moved = HueSample.Published.Select((p, i) => (p, Score: p.Score - ((i * 7) % 16 - 7) * 0.5m)).ToList();
        return moved.GroupBy(m => m.p.GroupCode).SelectMany(g => g.OrderByDescending(m => m.Score).Select((m, rank) =>
            new PublishedRow(m.p.UnitName, m.p.UnitCode, m.p.GroupCode, m.Score, rank + 1, m.p.Band))).ToArray();
    }
}
