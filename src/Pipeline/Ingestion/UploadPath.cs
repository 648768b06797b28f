using System.Globalization;
using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Problems;
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
        var step = WorkflowSteps.InContainer(container);
        var scope = step?.Scope ?? PathScope.Invalid;
        var withUnitOrRound = scope is PathScope.Unit or PathScope.Round;
        var expected = withUnitOrRound ? 3 : 2;
        if (step is null || segments.Length != expected || segments.Any(s => s.Length == 0))
        {
            var shape = Shape(container, scope);
            bag.Add(PipelineProblems.BadPath(container, blobName, shape).AsProblem());
            return (null, yearText, bag.ToReport());
        }
        // Exactly four digits: the audit lists a year's partition "D4", so "02021" would be counted yet missing from the list.
        if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            bag.Add(PipelineProblems.BadPathYear(yearText).AsProblem());
            year = 0;
        }
        // The unit segment and the file name follow the one naming rule (a stray space in "2022/ SO-TP/…" is refused here,
        // never counted for a unit whose upload list does not show it). API names carry a 13-character hash prefix.
        if (scope == PathScope.Unit && UploadNames.Problem(segments[1], UploadNames.MaxSegmentLength) is { } unitProblem)
            bag.Add(PipelineProblems.BadUploadName(segments[1], unitProblem.Vi, unitProblem.En).AsProblem());
        if (UploadNames.Problem(segments[^1], UploadNames.MaxFileNameLength + ApiPrefixLength) is { } nameProblem)
            bag.Add(PipelineProblems.BadUploadName(segments[^1], nameProblem.Vi, nameProblem.En).AsProblem());
        string? unit = null;
        int? round = null;
        if (scope == PathScope.Round)
        {
            if (segments[1] is "1" or "2") round = segments[1][0] - '0';
            else bag.Add(PipelineProblems.BadPathRound(segments[1]).AsProblem());
        }
        else if (scope == PathScope.Unit) unit = segments[1];
        if (bag.HasErrors) return (null, yearText, bag.ToReport());
        return (new UploadPath(container, blobName, step!.FileKind, yearText, year, unit, round, segments[^1]), yearText, ValidationReport.Empty);
    }

    /// <summary>Length of the prefix the API puts before a file name: 12 hex digits of the SHA-256 and a dash.</summary>
    public const int ApiPrefixLength = 13;

    /// <summary>The blob name an upload of this kind gets: the inverse of <see cref="Parse"/>.</summary>
    public static string NameFor(FileKind kind, int year, string? unit, int? round, string fileName) => WorkflowSteps.OfKind(kind).Scope switch
    {
        PathScope.Unit => FormattableString.Invariant($"{year:D4}/{unit}/{fileName}"),
        PathScope.Round => FormattableString.Invariant($"{year:D4}/{round}/{fileName}"),
        _ => FormattableString.Invariant($"{year:D4}/{fileName}"),
    };

    /// <summary>
    /// The blob name of an upload through the API: the file name behind the first 12 hex digits of its SHA-256, so every
    /// accepted upload has its own blob, written once; two uploads of one name never overwrite each other.
    /// </summary>
    public static string ApiNameFor(FileKind kind, int year, string? unit, int? round, string fileName, string sha256) =>
        NameFor(kind, year, unit, round, $"{sha256[..12]}-{fileName}");

    private static string Shape(string container, PathScope scope) => scope switch
    {
        PathScope.Unit => $"{container}/{{năm}}/{{mã đơn vị}}/{{tệp}}",
        PathScope.Round => $"{container}/{{năm}}/{{1|2}}/{{tệp}}",
        PathScope.Year => $"{container}/{{năm}}/{{tệp}}",
        _ => string.Join('|', WorkflowSteps.Containers.All) + "/…",
    };
}
