using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using ParServerless.Files;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Storage;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>
/// Marks of several years written through <see cref="MarkStore.RecordAsync"/> and <see cref="UploadStore.SaveAsync"/>, once
/// for the class: <see cref="Year"/> with odd and ordinary unit codes, its neighbours with codes of their own at its edges, raw
/// rows just outside its key range, an empty year and a one-unit year.
/// </summary>
public sealed class MarkRangesWorld : IAsyncLifetime
{
    public const int Year = 2061;
    public const int EmptyYear = 2063;
    public const int OneUnitYear = 2065;
    public const int LargeYear = 2067;

    private static readonly SchemeRef Scheme = new("ranges-test", 1);

    /// <summary>Codes that sort at the year's ends, escape (control characters, / % ? # \), quote, or cannot be cuts (a
    /// surrogate pair, U+E000 and above), with ordinary ones between.</summary>
    public static readonly string[] OddCodes =
    [
        "!", " lead", "\u0001x", "a/b", "50%", "q?#", "x\\y", "O'Brien", "a&b=c", "Đ-01", "Sở Nội vụ", "\u07FF", "~~~",
        "\uE000z", "\uFFFD", "\uD83D\uDE00", "zzz",
    ];

    public static readonly string[] Codes = [.. OddCodes, .. Enumerable.Range(1, 30).Select(i => FormattableString.Invariant($"DV-{i:D4}"))];

    /// <summary>A unit with a head but no Accepted audit row: its sheet does not count (the key stays, with no sheets).</summary>
    public const string Unaudited = "DV-0015";

    /// <summary>A unit with two sources, the later source written first.</summary>
    public const string TwoSources = "DV-0007";

    public PipelineServicesFixture Services { get; } = new();

    /// <summary>What was written for each year: unit → its counted sheets as text, in source order.</summary>
    public Dictionary<int, Dictionary<string, List<string>>> Written { get; } = [];

    public async Task InitializeAsync()
    {
        await Services.InitializeAsync();
        foreach (var (code, i) in Codes.Select((c, i) => (c, i)))
        {
            if (code == TwoSources) await RecordAsync(Year, code, MarkSource.Appraisal1, 2);
            await RecordAsync(Year, code, MarkSource.SelfAssessment, 1 + i % 4, audited: code != Unaudited);
            // The neighbours hold the same codes (a leak would be counted under the same unit) and codes of their own.
            await RecordAsync(Year - 1, code, MarkSource.SelfAssessment, 1);
            await RecordAsync(Year + 1, code, MarkSource.SelfAssessment, 1);
        }
        foreach (var code in new[] { "LEAK-prev", "~~~~", "\uFFFF", "\uD83D\uDE01" }) await RecordAsync(Year - 1, code, MarkSource.SelfAssessment, 1);
        foreach (var code in new[] { "LEAK-next", " ", "!" }) await RecordAsync(Year + 1, code, MarkSource.SelfAssessment, 1);
        // Raw rows around the year's range [2061|, 2061}): none is a unit of 2061, a leak would show as an extra key.
        var table = new TableClient(Services.Azurite.ConnectionString, StorageNames.Tables.Marks);
        foreach (var pk in new[] { "2061", "2061{", "2061{|x", "2061}", "2061}|x", "2061~|x", "2060|\uFFFF\uFFFF" })
            await table.AddEntityAsync(new TableEntity(pk, "S1|head") { ["Sha256"] = "0" });
        await RecordAsync(EmptyYear + 1, "DV-0001", MarkSource.SelfAssessment, 1);
        await RecordAsync(OneUnitYear, "DV-0001", MarkSource.SelfAssessment, 3);
        foreach (var i in Enumerable.Range(1, 250)) await RecordAsync(LargeYear, FormattableString.Invariant($"U-{i:D3}"), MarkSource.Appraisal1, 1);
    }

    public Task DisposeAsync() => Services.DisposeAsync();

    /// <summary>Records one sheet of <paramref name="leaves"/> leaves (and one adjustment) for the unit, with its audit row unless told not to.</summary>
    private async Task RecordAsync(int year, string unit, MarkSource source, int leaves, bool audited = true)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{year}|{unit}|{source}")));
        var sheet = new MarkSheet(Scheme, year, unit, source,
            Enumerable.Range(0, leaves).Select(i => new LeafMark(new CriterionCode(FormattableString.Invariant($"1.{i + 1}")),
                year % 100 + i + unit.Length / 10m, $"note {unit}", [])).ToList(),
            [new Adjustment(-0.5m, $"penalty {unit}")]);
        var at = new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var blob = $"{year}/{KeyText.Escape(unit)}/{source}.csv";
        Assert.True(await Services.Get<MarkStore>().RecordAsync(sheet, sha, at, "submissions", blob, CancellationToken.None));
        var sheets = Written.TryGetValue(year, out var units) ? units : Written[year] = new(StringComparer.Ordinal);
        if (!sheets.ContainsKey(unit)) sheets[unit] = [];
        if (!audited) return;
        await Services.Get<UploadStore>().SaveAsync(new UploadRecord(year, "submissions", blob, sha, FileKind.SelfAssessment, unit, null, 1, "admin", at, at,
            UploadOutcome.Accepted, 0, 0, [unit], [], "", ""), year.ToString("D4", CultureInfo.InvariantCulture), null, CancellationToken.None);
        sheets[unit].Add(Text(sheet));
        sheets[unit].Sort(StringComparer.Ordinal);
    }

    /// <summary>A sheet as text; the source comes first after the unit, so sorting a unit's texts is by source (numbered 1–5).</summary>
    public static string Text(MarkSheet s) => FormattableString.Invariant(
        $"{s.Year} {s.UnitCode} {(int)s.Source} {s.Scheme}: {string.Join(";", s.Leaves.Select(l => $"{l.Criterion.Value}={l.Points}/{l.Note}"))} | {string.Join(";", s.Adjustments.Select(a => $"{a.Points}/{a.Reason}"))}");
}

/// <summary>
/// The year's marks read as parallel PartitionKey ranges (<see cref="MarkStore.CurrentAsync(int, IEnumerable{string}, CancellationToken)"/>)
/// return exactly what one range query returns and what was written: every unit once, in key order, whatever the hints; the
/// neighbouring years and keys just outside the range never leak in.
/// </summary>
public sealed class MarkStoreRangesTest(MarkRangesWorld world) : IClassFixture<MarkRangesWorld>
{
    private MarkStore Marks => world.Services.Get<MarkStore>();

    private static List<(string Unit, string Sheets)> Flat(IReadOnlyDictionary<string, IReadOnlyList<MarkSheet>> read) =>
        read.Select(kv => (kv.Key, string.Join("\n", kv.Value.Select(MarkRangesWorld.Text)))).ToList();

    /// <summary>What was written for the year, in PartitionKey order (ordinal: Azurite's order).</summary>
    private List<(string Unit, string Sheets)> Expected(int year) =>
        world.Written.TryGetValue(year, out var units)
            ? units.OrderBy(kv => MarkStore.Partition(year, kv.Key), StringComparer.Ordinal).Select(kv => (kv.Key, string.Join("\n", kv.Value))).ToList()
            : [];

    /// <summary>Straightforward reference: one range query over the raw table, the year's units in the order it returns them.</summary>
    private async Task<List<string>> UnitsInOneQueryAsync(int year)
    {
        var table = new TableClient(world.Services.Azurite.ConnectionString, StorageNames.Tables.Marks);
        var low = year.ToString("D4", CultureInfo.InvariantCulture) + "|";
        var high = year.ToString("D4", CultureInfo.InvariantCulture) + "}";
        var partitions = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {low} and PartitionKey lt {high}"), select: ["PartitionKey"]))
            if (partitions.Count == 0 || partitions[^1] != e.PartitionKey) partitions.Add(e.PartitionKey);
        return partitions.Select(pk => KeyText.Unescape(pk[(pk.IndexOf('|', StringComparison.Ordinal) + 1)..])).ToList();
    }

    private static IEnumerable<string> Hints(string set) => set switch
    {
        "all" => MarkRangesWorld.Codes,
        "none" => [],
        "every other" => MarkRangesWorld.Codes.Where((_, i) => i % 2 == 0),
        "odd codes only" => MarkRangesWorld.OddCodes,
        "not the year's" => ["LEAK-prev", "LEAK-next", "NO-MARKS", "~~~~"],
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    };

    [Theory]
    [InlineData("all", 8, 8)]              // every registered unit, the usual case
    [InlineData("all", 50, 44)]            // a cut at every unit that can be one: ranges of one unit
    [InlineData("all", 3, 3)]
    [InlineData("none", 8, 1)]             // no hints: one range
    [InlineData("every other", 8, 8)]      // half the units are not hinted: read all the same
    [InlineData("odd codes only", 8, 8)]   // cuts at escaped codes and at the year's first and last units
    [InlineData("not the year's", 8, 4)]   // hints naming units without marks, or another year's
    public async Task SplitRead_EqualsOneQuery_AndWhatWasWritten_WhateverTheHints(string hintSet, int maxRanges, int expectedRanges)
    {
        var year = MarkRangesWorld.Year;
        var hints = Hints(hintSet).ToList();
        // The cut is really several ranges (else this would test one query against itself).
        Assert.Equal(expectedRanges, KeyRanges.Cut("2061|", "2061}", hints.Select(h => MarkStore.Partition(year, h)), maxRanges, 1).Count);

        var split = Flat(await Marks.CurrentAsync(year, hints, maxRanges, minUnitsPerRange: 1, CancellationToken.None));

        var expected = Expected(year);
        Assert.Equal(MarkRangesWorld.Codes.Length, expected.Count);
        Assert.Equal(expected.Select(e => e.Unit), await UnitsInOneQueryAsync(year));
        Assert.Equal(expected, split);
        Assert.Equal(Flat(await Marks.CurrentAsync(year, CancellationToken.None)), split);
        // The audit rule and the order of a unit's sheets, unchanged.
        Assert.Equal("", split.Single(u => u.Unit == MarkRangesWorld.Unaudited).Sheets);
        Assert.Equal(["1", "2"], split.Single(u => u.Unit == MarkRangesWorld.TwoSources).Sheets.Split('\n').Select(t => t.Split(' ')[2]));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("all")]
    public async Task EmptyYear_ReadsNothing_WhateverTheHints(string hintSet)
    {
        Assert.Empty(await Marks.CurrentAsync(MarkRangesWorld.EmptyYear, Hints(hintSet), maxRanges: 8, minUnitsPerRange: 1, CancellationToken.None));
        Assert.Empty(await Marks.CurrentAsync(MarkRangesWorld.EmptyYear, Hints(hintSet), CancellationToken.None));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("all")]
    [InlineData("not the year's")]
    public async Task OneUnitYear_ReadsItsUnitOnce_WhateverTheHints(string hintSet)
    {
        var read = Flat(await Marks.CurrentAsync(MarkRangesWorld.OneUnitYear, Hints(hintSet).Append("DV-0001"), maxRanges: 8, minUnitsPerRange: 1, CancellationToken.None));
        Assert.Equal(Expected(MarkRangesWorld.OneUnitYear), read);
        Assert.Equal("DV-0001", Assert.Single(read).Unit);
    }

    [Fact]
    public async Task LargerYear_WithTheDefaultSettings_IsCut_AndReadWhole()
    {
        var year = MarkRangesWorld.LargeYear;
        var codes = world.Written[year].Keys.ToList();
        Assert.Equal(250, codes.Count);
        Assert.Equal(250 / MarkStore.MinUnitsPerRange, KeyRanges.Cut("2067|", "2067}", codes.Select(c => MarkStore.Partition(year, c)),
            MarkStore.MaxParallelRanges, MarkStore.MinUnitsPerRange).Count);

        var split = Flat(await Marks.CurrentAsync(year, codes, CancellationToken.None));

        Assert.Equal(Expected(year), split);
        Assert.Equal(Flat(await Marks.CurrentAsync(year, CancellationToken.None)), split);
    }
}
