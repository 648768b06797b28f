using System.Text;
using ParServerless.Files.Tests.Support;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Tests;

/// <summary>Bounded cost for any input: capped reports, validated limits, cancellation, and the right diagnosis of hostile files.</summary>
public class BoundsTest
{
    private static readonly SubmissionRequest SelfCsv = new(2025, FileKind.SelfAssessment, "tu-danh-gia.csv", "SO-TP");

    [Fact]
    public void Read_CsvWithMillionBadLines_ListsThe200FirstAndCountsTheRest()
    {
        // 10 MB of lines with one field too many: each is a problem. The report lists 200 and counts the rest.
        var sb = new StringBuilder("code;points\n");
        while (sb.Length < 9 * 1024 * 1024) sb.Append("1.2;5;x\n");
        var outcome = SubmissionReader.Read(SelfCsv, Encoding.UTF8.GetBytes(sb.ToString()), TestData.Scheme, TestData.Units);

        Assert.False(outcome.Accepted);
        Assert.Equal(200, outcome.Report.Problems.Count);
        Assert.True(outcome.Report.Truncated);
        Assert.True(outcome.Report.CountsByCode[MalformedCsvRow] > 1_000_000, outcome.Report.CountsByCode[MalformedCsvRow].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(outcome.Report.ToText().Length < 100_000);
    }

    [Fact]
    public void Read_CustomProblemCap_IsApplied()
    {
        var bytes = Encoding.UTF8.GetBytes("code;points\n" + string.Concat(Enumerable.Repeat("1.2;5;x\n", 50)));
        var outcome = SubmissionReader.Read(SelfCsv, bytes, TestData.Scheme, TestData.Units, FileLimits.Default with { MaxProblems = 10 });

        Assert.Equal(10, outcome.Report.Problems.Count);
        Assert.Equal(50, outcome.Report.CountsByCode[MalformedCsvRow]);
    }

    [Fact]
    public void Validate_EveryBadSetting_IsNamedInOneMessage()
    {
        var limits = FileLimits.Default with { MaxBytes = 0, MaxCellsPerRow = -1, MaxNoteLength = 0, MaxProblems = 0, MaxReadTime = TimeSpan.Zero };

        var e = Assert.Throws<ArgumentException>(() => SubmissionReader.Read(SelfCsv, "a"u8.ToArray(), TestData.Scheme, TestData.Units, limits));

        Assert.Equal("The file limits are not valid: MaxBytes must be at least 1 (was 0); MaxCellsPerRow must be at least 1 (was -1); "
            + "MaxNoteLength must be at least 1 (was 0); MaxProblems must be at least 1 (was 0); MaxReadTime must be positive (was 00:00:00). (Parameter 'limits')",
            e.Message);
    }

    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Null(FileLimits.Default.Problems());

    [Fact]
    public void Read_CallerCancelled_Throws()
    {
        var bytes = Doc.SelfAssessment(TestData.Justice).ToCsv().Concat(Encoding.UTF8.GetBytes(new string('\n', 1000))).ToArray();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            SubmissionReader.Read(SelfCsv, bytes, TestData.Scheme, TestData.Units, null, TimeProvider.System, cts.Token));
    }

    [Fact]
    public void Read_XlsxThatIsNotAZip_SaysNotAnExcelWorkbook()
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0xFF, 0xC0 };
        var outcome = SubmissionReader.Read(SelfCsv with { FileName = "a.xlsx" }, bytes, TestData.Scheme, TestData.Units);

        var p = Assert.Single(outcome.Report.Problems);
        Assert.Equal(Unreadable, p.Code);
        Assert.Contains("not an Excel workbook", p.English, StringComparison.Ordinal);
        Assert.DoesNotContain("UTF-8", p.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvNamedXlsx_IsStillReadByItsContent()
    {
        var outcome = SubmissionReader.Read(SelfCsv with { FileName = "a.xlsx" }, Doc.SelfAssessment(TestData.Justice).ToCsv(), TestData.Scheme, TestData.Units);

        Assert.True(outcome.Accepted, outcome.Report.ToText());
        Assert.Equal([ExtensionMismatch], outcome.Report.Codes);
    }

    [Fact]
    public void Read_IssueRow_IsRefusedNamingTheRow()
    {
        // docs: "1.1,1,5,ok," was read as mark 1 with note "5" and the file accepted.
        var csv = "code,points,note,evidence\n1.1.1,1,5,ok,\n";
        var outcome = SubmissionReader.Read(SelfCsv, Encoding.UTF8.GetBytes(csv), TestData.Scheme, TestData.Units);

        Assert.False(outcome.Accepted);
        var p = outcome.Report.Problems.First(p => p.Code == MalformedCsvRow);
        Assert.Equal(2, p.Where.Row);
        Assert.Contains("5 fields but the header has 4", p.English, StringComparison.Ordinal);
    }
}
