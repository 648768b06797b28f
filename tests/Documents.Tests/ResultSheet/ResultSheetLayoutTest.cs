using ParServerless.Documents.ResultSheet;
using ParServerless.Documents.Tests.Support;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Documents.Tests.ResultSheet;

/// <summary>What the result sheet adds for an agency that wants to climb, and how its figures sit on the page.</summary>
public class ResultSheetLayoutTest
{
    private static readonly ResultSheetContext Final = new("Ủy ban nhân dân tỉnh Thừa Thiên Huế", new DateOnly(2022, 1, 6), HueDecision.Model.Citation, DocumentStage.Final);

    private static GroupStanding StandingOf(string unitCode) => HueDecision.Standings.Single(s => s.Find(unitCode) is not null);

    private static WorkingSheet Sheet(string unitCode) =>
        WorkingSheet.Build(HueDecision.Scheme, StandingOf(unitCode), unitCode, HueDecision.Changes.GetValueOrDefault(unitCode));

    private static readonly Lazy<byte[]> Justice = new(() => ResultSheetDocument.Render(Sheet("SO-TP"), HueDecision.Scheme, Final, StandingOf("SO-TP")));

    [Fact]
    public void Render_Figures_AreWholeAndAlignedOnTheirCommas()
    {
        var decimals = HueDecision.Scheme.Settings.Decimals;
        var pages = Figures.Read(Justice.Value);
        // "Tối đa" once printed "100,00" over "0": every figure now carries all its decimals on one line.
        Assert.All(pages.SelectMany(p => p), f => Assert.Equal(decimals, f.Text.Length - f.Text.IndexOf(',', StringComparison.Ordinal) - 1));
        Assert.Contains(pages.SelectMany(p => p), f => f.Text == "100,000");
        var columns = 0;
        foreach (var column in pages.SelectMany(p => Figures.Columns(p)).Where(c => c.Count >= 3))
        {
            Assert.True(column.Max(f => f.Comma) - column.Min(f => f.Comma) < 0.2, string.Join(", ", column.Select(f => f.Text)));
            columns++;
        }
        Assert.True(columns >= 8, $"{columns} columns");
    }

    [Fact]
    public void Render_Leaves_ShowWhatTheAppraisalCutFromEachSelfScore()
    {
        var lines = PdfText.Read(Justice.Value).Pages.SelectMany(p => p).ToArray();
        Assert.Contains(lines, l => l.Contains("Thẩm định so với tự", StringComparison.Ordinal));
        var leaf = Sheet("SO-TP").Result.Leaves.First(l => l.Method == ScoringMethod.Appraised && l.Self is { } s && l.Final < s);
        var format = Scoring.Formatting.ScoreFormat.For(HueDecision.Scheme);
        Assert.Contains(lines, l => l.StartsWith(leaf.Code.Value + " | ", StringComparison.Ordinal)
            && l.Contains(" | " + format.FormatChange(leaf.Final - leaf.Self!.Value) + " | ", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_BiggestLosses_TagSurveyLeaves()
    {
        // A unit whose five biggest losses include a survey leaf.
        var code = HueDecision.Standings.SelectMany(s => s.Rows).Select(r => r.Result.Unit.Code)
            .First(c => Sheet(c).BiggestLosses.Any(l => l.Method == ScoringMethod.Survey));
        var sheet = Sheet(code);
        var lines = PdfText.Read(ResultSheetDocument.Render(sheet, HueDecision.Scheme, Final, StandingOf(code))).Pages.SelectMany(p => p).ToArray();
        var section = lines.SkipWhile(l => !l.StartsWith("3. ", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("4. ", StringComparison.Ordinal)).ToArray();
        foreach (var leaf in sheet.BiggestLosses)
        {
            // The row's line, and the lines of its wrapped name up to the next row.
            var start = section.SkipWhile(l => !l.StartsWith(leaf.Code.Value + " | ", StringComparison.Ordinal)).ToArray();
            var row = string.Join(" ", start.Take(1).Concat(start.Skip(1).TakeWhile(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+(\.\d+)* \| "))));
            Assert.Equal(leaf.Method == ScoringMethod.Survey, row.Contains("(ĐTXHH)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Render_Leader_ShowsItsMarginOverRankTwo()
    {
        var text = string.Join(" ", PdfText.Read(ResultSheetDocument.Render(Sheet("VP-UBND"), HueDecision.Scheme, Final, StandingOf("VP-UBND"))).Pages.SelectMany(p => p));
        // 97,685 − 87,187 = 10,498.
        Assert.Contains("Đơn vị đang dẫn đầu khối, hơn đơn vị xếp thứ 2 (Sở Tư pháp) 10,498 điểm chỉ số.", text);
    }

    [Fact]
    public void Render_Draft_CarriesTheDraftMarkOnEveryPage()
    {
        var draft = PdfText.Read(ResultSheetDocument.Render(Sheet("SO-TP"), HueDecision.Scheme, Final with { Stage = DocumentStage.Draft }));
        Assert.All(draft.Pages, p => Assert.Equal("DỰ THẢO", p[0]));
        Assert.DoesNotContain("DỰ THẢO", PdfText.Read(Justice.Value).AllText);
    }

    [Fact]
    public void Render_Heading_SpellsOutAcronymsBeforeTheirFirstUse()
    {
        var text = PdfText.Read(Justice.Value).AllText;
        var key = text.IndexOf("Chữ viết tắt: CCHC – cải cách hành chính; ĐTXHH – điều tra xã hội học; SIPAS", StringComparison.Ordinal);
        Assert.True(key > 0);
        // The scheme's own name (data) may use CCHC; the sheet's own texts use acronyms only after the key.
        Assert.True(text.IndexOf("ĐTXHH", StringComparison.Ordinal) > key);
        Assert.True(text.IndexOf("SIPAS", StringComparison.Ordinal) >= key);
    }
}
