using System.Globalization;
using ParServerless.Files;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Storage;
using ParServerless.Scoring.Problems;

namespace ParServerless.Pipeline.Ingestion;

/// <summary>What an upload's container and blob name say: kind, year, unit, round, file name.</summary>
/// <param name="YearText">The year segment as written, kept for records of a malformed path.</param>
public sealed record UploadPath(string Container, string BlobName, FileKind Kind, string YearText, int Year, string? Unit, int? Round, string FileName)
{
    /// <summary>Parses <c>{container}/{year}/{unit|round}/{file}</c> or <c>{container}/{year}/{file}</c> by the container's convention.</summary>
    /// <returns>The path, or problems coded PAR-I001 (and the best guess of the year text for filing the rejection).</returns>
    public static (UploadPath? Path, string YearText, ValidationReport Report) Parse(string container, string blobName)
    {
        var bag = new ProblemBag();
        var segments = blobName.Split('/');
        var yearText = segments.Length > 0 ? segments[0] : "";
        var kind = KindOf(container);
        var withUnitOrRound = kind is FileKind.SelfAssessment or FileKind.Explanation or FileKind.Appraisal;
        var expected = withUnitOrRound ? 3 : 2;
        if (kind == FileKind.Invalid || segments.Length != expected || segments.Any(s => s.Length == 0))
        {
            var shape = Shape(container);
            bag.Add(PipelineProblems.BadPath(container, blobName, shape).AsProblem());
            return (null, yearText, bag.ToReport());
        }
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            bag.Add(PipelineProblems.BadPathYear(yearText).AsProblem());
        string? unit = null;
        int? round = null;
        if (kind == FileKind.Appraisal)
        {
            if (segments[1] is "1" or "2") round = segments[1][0] - '0';
            else bag.Add(PipelineProblems.BadPathRound(segments[1]).AsProblem());
        }
        else if (withUnitOrRound) unit = segments[1];
        if (bag.HasErrors) return (null, yearText, bag.ToReport());
        return (new UploadPath(container, blobName, kind, yearText, year, unit, round, segments[^1]), yearText, ValidationReport.Empty);
    }

    public static FileKind KindOf(string container) => container switch
    {
        StorageNames.Uploads.SelfAssessment => FileKind.SelfAssessment,
        StorageNames.Uploads.Explanation => FileKind.Explanation,
        StorageNames.Uploads.Appraisal => FileKind.Appraisal,
        StorageNames.Uploads.Survey => FileKind.Survey,
        StorageNames.Uploads.BonusPenalty => FileKind.BonusPenalty,
        StorageNames.Uploads.PublishedResults => FileKind.PublishedResults,
        _ => FileKind.Invalid,
    };

    public static string ContainerOf(FileKind kind) => kind switch
    {
        FileKind.SelfAssessment => StorageNames.Uploads.SelfAssessment,
        FileKind.Explanation => StorageNames.Uploads.Explanation,
        FileKind.Appraisal => StorageNames.Uploads.Appraisal,
        FileKind.Survey => StorageNames.Uploads.Survey,
        FileKind.BonusPenalty => StorageNames.Uploads.BonusPenalty,
        FileKind.PublishedResults => StorageNames.Uploads.PublishedResults,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The blob name an upload of this kind gets: the inverse of <see cref="Parse"/>.</summary>
    public static string NameFor(FileKind kind, int year, string? unit, int? round, string fileName) => kind switch
    {
        FileKind.SelfAssessment or FileKind.Explanation => FormattableString.Invariant($"{year}/{unit}/{fileName}"),
        FileKind.Appraisal => FormattableString.Invariant($"{year}/{round}/{fileName}"),
        _ => FormattableString.Invariant($"{year}/{fileName}"),
    };

    private static string Shape(string container) => KindOf(container) switch
    {
        FileKind.SelfAssessment or FileKind.Explanation => $"{container}/{{năm}}/{{mã đơn vị}}/{{tệp}}",
        FileKind.Appraisal => $"{container}/{{năm}}/{{1|2}}/{{tệp}}",
        FileKind.Invalid => "submissions|explanations|appraisals|surveys|adjustments|history/…",
        _ => $"{container}/{{năm}}/{{tệp}}",
    };
}
