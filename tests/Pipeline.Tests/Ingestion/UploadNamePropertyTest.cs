using CsCheck;
using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>Every storage key and blob name derived from any name fits the service's limits after escaping.</summary>
public sealed class UploadNamePropertyTest
{
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>Characters that break things: separators, dots, reserved, controls, bidi, invisible, surrogates, Vietnamese, spaces.</summary>
    private const string Hostile =
        "/\\..:*?\"<>|#%~ \t\r\n\u0000\u0001\u001f\u007f\u0085\u00a0\u200b\u200e\u200f\u202a\u202e\u2066\u2069\ufeff\ufffd\ud83d\ude00\ud800\udc00aAzZ09-_ đĐươẠệ.csv.xlsx.json";

    private static readonly Gen<string> Names = Gen.OneOf<string>(
        Gen.String,
        Gen.Char[Hostile].Array[0, 300].Select(c => new string(c)),
        Gen.Select(Gen.Char[Hostile].Array[0, 200], Gen.OneOf<string>(".csv", ".xlsx", ".json", ""), (c, ext) => new string(c) + ext),
        Gen.Select(Gen.Char.AlphaNumeric.Array[1, 1200], Gen.OneOf<string>(".csv", ".xlsx"), (c, ext) => new string(c) + ext));

    private static readonly (FileKind Kind, string? Unit, int? Round)[] Kinds =
    [
        (FileKind.SelfAssessment, new string('U', UploadNames.MaxSegmentLength), null),
        (FileKind.Explanation, "SO-TP", null),
        (FileKind.Appraisal, null, 2),
        (FileKind.Survey, null, null),
        (FileKind.PublishedResults, null, null),
    ];

    private static void AssertKey(string key)
    {
        Assert.True(StorageLimits.KeyBytes(key) <= StorageLimits.MaxKeyBytes, $"key of {key.Length} characters");
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    private static void AssertBlobName(string name)
    {
        Assert.InRange(name.Length, 1, DerivedBlobNames.MaxLength);
        Assert.True(name.Count(c => c == '/') < DerivedBlobNames.MaxSegments);
    }

    [Fact]
    public void AcceptedName_GivesKeysAndBlobNamesWithinTheLimits_AndParsesBack()
    {
        Names.Sample(raw =>
        {
            var name = UploadNames.Normalise(raw);
            if (UploadNames.Problem(name) is not null) return;
            Assert.Equal(name, KeyText.Escape(name)); // nothing left to escape: the key shows the name as it is
            foreach (var (kind, unit, round) in Kinds)
            {
                var container = WorkflowSteps.OfKind(kind).Container;
                var blob = UploadPath.ApiNameFor(kind, 2021, unit, round, name, Sha);
                AssertBlobName(blob);
                AssertKey(UploadStore.RowKey(container, blob, Sha));
                AssertKey(UploadStore.Partition("2021"));
                AssertBlobName(UploadReport.BlobName(container, blob, Sha));
                AssertBlobName(DerivedBlobNames.For(container, blob, Sha + ".xlsx"));
                var (path, _, report) = UploadPath.Parse(container, blob);
                Assert.True(path is not null, string.Join("; ", report.Problems.Select(p => p.English)));
                Assert.Equal((unit, round, $"{Sha[..12]}-{name}"), (path.Unit, path.Round, path.FileName));
                if (unit is not null) AssertKey(MarkStore.Partition(2021, unit));
            }
        }, iter: 20_000);
    }

    [Fact]
    public void AnyDirectBlobName_AcceptedOrRejected_GivesKeysAndBlobNamesWithinTheLimits()
    {
        var segments = Gen.OneOf(Names, Gen.OneOf<string>("2021", "SO-TP", " SO-TP", "1", "", ".."));
        Gen.Select(segments.Array[1, 5], Gen.OneOf<string>("submissions", "appraisals", "surveys", "history")).Sample((parts, container) =>
        {
            var blob = string.Join('/', parts);
            if (blob.Length is 0 or > 1024) return; // not a blob name the service can hold
            var (path, yearText, _) = UploadPath.Parse(container, blob);
            AssertKey(UploadStore.Partition(yearText));
            AssertKey(UploadStore.RowKey(container, blob, Sha));
            AssertBlobName(UploadReport.BlobName(container, blob, Sha));
            AssertBlobName(DerivedBlobNames.For(container, blob, Sha + ".csv"));
            if (path?.Unit is { } unit)
            {
                Assert.Null(UploadNames.Problem(unit, UploadNames.MaxSegmentLength));
                AssertKey(MarkStore.Partition(path.Year, unit));
            }
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("tự đánh giá 2021 (bản cuối).xlsx")]
    [InlineData("SO-TP_giai-trinh.csv")]
    [InlineData("kết quả.json")]
    public void OrdinaryVietnameseNames_AreAccepted(string name) => Assert.Null(UploadNames.Problem(UploadNames.Normalise(name)));
}
