using System.Text.RegularExpressions;
using CsCheck;
using ParServerless.Files.Tests.Support;

namespace ParServerless.Files.Tests;

/// <summary>Random damage to valid files: truncations, byte flips, inserted bytes. Every case gives a coded report and never throws.</summary>
public partial class MutationTest
{
    private static readonly (string Name, byte[] Bytes, SubmissionRequest Request)[] Bases = Build().ToArray();

    private static IEnumerable<(string, byte[], SubmissionRequest)> Build()
    {
        foreach (var format in new[] { FileFormat.Xlsx, FileFormat.Csv, FileFormat.Json })
        {
            var ext = format switch { FileFormat.Xlsx => ".xlsx", FileFormat.Csv => ".csv", _ => ".json" };
            yield return ("self" + ext, Doc.SelfAssessment(TestData.Justice).To(format), new(2025, FileKind.SelfAssessment, "a" + ext, "SO-TP"));
            yield return ("appraisal" + ext, Doc.Appraisal([TestData.Justice, TestData.HomeAffairs], 2).To(format), new(2025, FileKind.Appraisal, "a" + ext, null, 2));
            yield return ("bonus" + ext, Doc.BonusPenalty([TestData.AnHoa]).To(format), new(2025, FileKind.BonusPenalty, "a" + ext));
            yield return ("published" + ext, Doc.Published().To(format), new(2021, FileKind.PublishedResults, "a" + ext));
        }
        var scheme = TestData.Scheme;
        var template = TemplateWriter.Write(scheme, 2025, TestData.Justice, FileKind.SelfAssessment);
        yield return ("template.xlsx", template, new(2025, FileKind.SelfAssessment, "a.xlsx", "SO-TP"));
    }

    private static void AssertCoded(byte[] bytes, SubmissionRequest request)
    {
        var outcome = SubmissionReader.Read(request, bytes, TestData.Scheme, TestData.Units);
        Assert.All(outcome.Report.Problems, p => Assert.Matches(CodePattern(), p.Code));
        if (!outcome.Accepted)
        {
            Assert.NotEqual(0, outcome.Report.ErrorCount);
            Assert.Empty(outcome.Sheets);
        }
        Assert.Equal(outcome.Report.ToText(), SubmissionReader.Read(request, bytes, TestData.Scheme, TestData.Units).Report.ToText());
    }

    [Fact]
    public void Read_TruncatedFile_GivesCodedReport()
    {
        Gen.Select(Gen.Int[0, Bases.Length - 1], Gen.Double[0, 1]).Sample((i, cut) =>
        {
            var (_, bytes, request) = Bases[i];
            AssertCoded(bytes[..(int)(bytes.Length * cut)], request);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Read_FlippedBytes_GivesCodedReport()
    {
        Gen.Select(Gen.Int[0, Bases.Length - 1], Gen.Int.Array[1, 8], Gen.Byte).Sample((i, positions, value) =>
        {
            var (_, original, request) = Bases[i];
            var bytes = original.ToArray();
            foreach (var p in positions) bytes[(int)((uint)p % bytes.Length)] ^= (byte)(value | 1);
            AssertCoded(bytes, request);
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void Read_InsertedBytes_GivesCodedReport()
    {
        Gen.Select(Gen.Int[0, Bases.Length - 1], Gen.Int, Gen.Byte.Array[1, 32]).Sample((i, at, insert) =>
        {
            var (_, original, request) = Bases[i];
            var p = (int)((uint)at % original.Length);
            AssertCoded([.. original[..p], .. insert, .. original[p..]], request);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Read_ShuffledRows_GivesSameMarks()
    {
        Gen.Select(Gen.Int, Gen.Int[0, 2]).Sample((seed, f) =>
        {
            var format = (FileFormat)(f + 1);
            var ext = format switch { FileFormat.Xlsx => ".xlsx", FileFormat.Csv => ".csv", _ => ".json" };
            var doc = Doc.Appraisal([TestData.Justice, TestData.HomeAffairs], 1);
            var request = new SubmissionRequest(2025, FileKind.Appraisal, "a" + ext, null, 1);
            var expected = SubmissionReader.Read(request, doc.To(format), TestData.Scheme, TestData.Units);
            var random = new Random(seed);
            var shuffled = doc with { Rows = doc.Rows.OrderBy(_ => random.Next()).ToList() };
            var actual = SubmissionReader.Read(request, shuffled.To(format), TestData.Scheme, TestData.Units);
            Assert.True(actual.Accepted, actual.Report.ToText());
            // Sheets follow the units' first appearance; marks within a sheet follow the scheme.
            Assert.Equal(Describe.Sheets(expected.Sheets.OrderBy(s => s.UnitCode, StringComparer.Ordinal)),
                Describe.Sheets(actual.Sheets.OrderBy(s => s.UnitCode, StringComparer.Ordinal)));
        }, iter: 30, threads: 1);
    }

    [GeneratedRegex("^PAR-E[0-9]{3}$")]
    private static partial Regex CodePattern();
}
