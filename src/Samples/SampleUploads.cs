using System.Globalization;
using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Samples;

/// <summary>One file of a sample year as it is uploaded to blob storage (tệp tải lên).</summary>
/// <param name="Container">Blob container, one per file kind (the workflow step's, <see cref="WorkflowSteps.Containers"/>).</param>
/// <param name="BlobPath">Path inside the container, e.g. "2021/SO-TP/tu-danh-gia-2021-SO-TP.xlsx"; it says year, unit or round, and file name.</param>
/// <param name="FileName">The file name, the last segment of <paramref name="BlobPath"/>.</param>
/// <param name="Content">The file's bytes: the same on every run.</param>
/// <param name="UploadedBy">Who uploads it: the unit's code for its own files, <see cref="SampleUploads.Secretariat"/> for the council's
/// appraisals, <see cref="SampleUploads.HomeAffairs"/> for survey and bonus/penalty points.</param>
public sealed record SampleUpload(string Container, string BlobPath, string FileName, byte[] Content, string UploadedBy)
{
    /// <summary>"{container}/{path}", as the blob trigger sees it.</summary>
    public string FullPath => Container + "/" + BlobPath;
}

/// <summary>
/// The uploads of a whole sample year, as real score files through the real blob paths: every unit's self-assessment, the survey,
/// the council's appraisal round 1, the units' explanations, and round 2. Reading them back and scoring reproduces the published Decision.
/// </summary>
/// <remarks>
/// <para>Paths follow the ingest functions: <c>submissions/{year}/{unit}/{file}</c>, <c>explanations/{year}/{unit}/{file}</c>,
/// <c>appraisals/{year}/{round}/{file}</c>, <c>surveys/{year}/{file}</c>, <c>adjustments/{year}/{file}</c>.</para>
/// <para>Formats are mixed as in a real year: mostly xlsx filled in the official template, a few units send csv or json.
/// Appraisal and survey files hold one group (khối) each, like their templates. The Huế 2021 scheme caps bonus and penalty at 0,
/// so that year has no adjustments file.</para>
/// </remarks>
public static class SampleUploads
{
    /// <summary>Uploader of appraisal files: the council's secretariat (Tổ thư ký Hội đồng thẩm định, at the Sở Nội vụ).</summary>
    public const string Secretariat = "to-thu-ky";

    /// <summary>Uploader of survey and bonus/penalty files: the Sở Nội vụ, which runs the survey.</summary>
    public const string HomeAffairs = "SO-NV";

    /// <summary>The units the Huế 2021 uploads assume (code, name, group code "SO" or "HUYEN"), in published order.</summary>
    public static IReadOnlyList<Unit> Hue2021Units => HueSample.Units;

    /// <summary>Every upload of the Thừa Thiên Huế 2021 sample, in the order of the year's workflow.</summary>
    public static IReadOnlyList<SampleUpload> Hue2021()
    {
        var scheme = HueSample.Scheme;
        var year = HueSample.Year;
        var units = HueSample.Units;
        var marks = units.ToDictionary(u => u.Code, u => HueSample.Marks(scheme, u.Code), StringComparer.Ordinal);
        MarkSheet Sheet(Unit unit, MarkSource source) => marks[unit.Code].Single(s => s.Source == source);
        var groups = units.GroupBy(u => u.GroupCode).Select(g => (Code: g.Key, Units: (IReadOnlyList<Unit>)g.ToArray())).ToArray();
        var uploads = new List<SampleUpload>();

        // 1. Self-assessment: every unit its own file; three units send csv and three json, as some machine clients do.
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var format = (i % 10) switch { 3 => FileFormat.Csv, 7 => FileFormat.Json, _ => FileFormat.Xlsx };
            var request = new TemplateRequest(year, unit.GroupCode, FileKind.SelfAssessment, [unit]);
            var file = Name(request.Step, year, unit.Code, format);
            uploads.Add(new SampleUpload(request.Step.Container, Path(year, unit.Code, file), file,
                FilledFileWriter.Write(scheme, request, [Sheet(unit, MarkSource.SelfAssessment)], format), unit.Code));
        }

        // 2. Survey (ĐTXHH / SIPAS): the Sở Nội vụ, one file per group.
        foreach (var (code, members) in groups)
        {
            var format = code == "SO" ? FileFormat.Xlsx : FileFormat.Json;
            var request = new TemplateRequest(year, code, FileKind.Survey, members);
            var file = Name(request.Step, year, code, format);
            uploads.Add(new SampleUpload(request.Step.Container, Path(year, file), file,
                FilledFileWriter.Write(scheme, request, members.Select(u => Sheet(u, MarkSource.Survey)).ToArray(), format), HomeAffairs));
        }

        // 3. Appraisal round 1, one file per group.
        uploads.AddRange(Appraisals(scheme, year, groups, 1, MarkSource.Appraisal1, Sheet));

        // 4. Explanation: only units that had marks cut in round 1; one unit in five sends csv.
        var explained = 0;
        foreach (var unit in units)
        {
            var sheet = Sheet(unit, MarkSource.Explanation);
            if (sheet.Leaves.Count == 0) continue;
            var format = explained++ % 5 == 2 ? FileFormat.Csv : FileFormat.Xlsx;
            var request = new TemplateRequest(year, unit.GroupCode, FileKind.Explanation, [unit]);
            var file = Name(request.Step, year, unit.Code, format);
            uploads.Add(new SampleUpload(request.Step.Container, Path(year, unit.Code, file), file,
                FilledFileWriter.Write(scheme, request, [sheet], format), unit.Code));
        }

        // 5. Appraisal round 2 after the explanations.
        uploads.AddRange(Appraisals(scheme, year, groups, 2, MarkSource.Appraisal2, Sheet));
        return uploads;
    }

    /// <summary>What an upload's path claims, as the ingest function builds it for <see cref="SubmissionReader.Read"/>.</summary>
    /// <exception cref="ArgumentException">The upload's container or path does not follow the conventions.</exception>
    public static SubmissionRequest RequestFor(SampleUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var parts = upload.BlobPath.Split('/');
        int Year() => int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
        var step = WorkflowSteps.InContainer(upload.Container);
        // History tables carry published rows, not marks: a sample year has none.
        return (step is { MarkSource: not MarkSource.Invalid } ? step.Scope : PathScope.Invalid, parts.Length) switch
        {
            (PathScope.Unit, 3) => new SubmissionRequest(Year(), step!.FileKind, parts[2], parts[1]),
            (PathScope.Round, 3) => new SubmissionRequest(Year(), step!.FileKind, parts[2], null,
                int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture)),
            (PathScope.Year, 2) => new SubmissionRequest(Year(), step!.FileKind, parts[1]),
            _ => throw new ArgumentException($"'{upload.FullPath}' does not follow the upload path conventions", nameof(upload)),
        };
    }

    private static IEnumerable<SampleUpload> Appraisals(Scheme scheme, int year, (string Code, IReadOnlyList<Unit> Units)[] groups, int round,
        MarkSource source, Func<Unit, MarkSource, MarkSheet> sheet)
    {
        foreach (var (code, members) in groups)
        {
            // The district table's second round came back as csv from the member agency that compiled it.
            var format = round == 2 && code == "HUYEN" ? FileFormat.Csv : FileFormat.Xlsx;
            var request = new TemplateRequest(year, code, FileKind.Appraisal, members, round);
            var file = Name(request.Step, year, code, format);
            yield return new SampleUpload(request.Step.Container, Path(year, Inv(round), file), file,
                FilledFileWriter.Write(scheme, request, members.Select(u => sheet(u, source)).ToArray(), format), Secretariat);
        }
    }

    private static string Name(StepDefinition step, int year, string who, FileFormat format) =>
        $"{step.TemplateStem}-{Inv(year)}-{who}{format switch { FileFormat.Csv => ".csv", FileFormat.Json => ".json", _ => ".xlsx" }}";

    private static string Path(int year, params string[] rest) => Inv(year) + "/" + string.Join('/', rest);

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);
}
