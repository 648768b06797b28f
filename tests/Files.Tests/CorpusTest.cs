using System.Reflection;
using ParServerless.Files.Tests.Support;

namespace ParServerless.Files.Tests;

/// <summary>The bad-file corpus: every case gives exactly its codes, deterministically, and never throws.</summary>
public class CorpusTest
{
    public static TheoryData<string> Names() => new(Corpus.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void Read_CorpusCase_GivesExactlyItsCodes(string name)
    {
        var c = Corpus.All[name];
        var outcome = SubmissionReader.Read(c.Request, c.Bytes, TestData.Scheme, TestData.Units, c.Limits, c.Clock);
        Assert.Equal(c.Codes.Order(StringComparer.Ordinal).ToArray(), outcome.Report.Codes.ToArray());
        Assert.All(outcome.Report.Problems, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Vietnamese));
            Assert.False(string.IsNullOrWhiteSpace(p.English));
            Assert.True(p.Vietnamese.IsNormalized(System.Text.NormalizationForm.FormC));
        });
        if (!outcome.Accepted) Assert.Empty(outcome.Sheets);
        var again = SubmissionReader.Read(c.Request, c.Bytes, TestData.Scheme, TestData.Units, c.Limits, c.Clock is null ? null : new SteppingClock());
        Assert.Equal(outcome.Report.ToText(), again.Report.ToText());
    }

    [Fact]
    public void Corpus_Size_IsAtLeast150()
    {
        Assert.True(Corpus.All.Count >= 150, $"{Corpus.All.Count} cases");
    }

    [Fact]
    public void Corpus_EveryCode_IsProducedBySomeCase()
    {
        var codes = typeof(FileProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();
        var produced = Corpus.All.Values.SelectMany(c => c.Codes).ToHashSet();
        Assert.Empty(codes.Except(produced).Order());
    }

    [Fact]
    public void FileProblemCodes_Values_AreUniqueAndWellFormed()
    {
        var codes = typeof(FileProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToArray();
        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^PAR-E[0-9]{3}$", c));
    }
}
