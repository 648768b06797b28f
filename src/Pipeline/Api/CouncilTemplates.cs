using ParServerless.Files;
using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Ingestion;
using ParServerless.Pipeline.Problems;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Marks;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// The council's templates (mẫu của Hội đồng thẩm định, Sở Nội vụ): one file for every unit of a group. The appraisal template
/// is prefilled, so the council edits only what it changes; survey and bonus/penalty templates are the empty group forms.
/// </summary>
/// <remarks>
/// Prefill of an appraisal round: each unit's latest score, that is the round's own current upload when there is one (the
/// council downloads again to go on), else the round-1 appraisal (round 2 only), else the self-assessment. Notes come only
/// from the council's own rounds: the appraisal's note column is the council's opinion (ý kiến thẩm định), and a unit's
/// explanation left standing there would read back as the council's. Survey leaves are never prefilled (they take no
/// appraisal), nor is evidence (an appraisal has no evidence column). The file is <see cref="FilledFileWriter"/>'s, so it
/// reads back to exactly what it shows.
/// </remarks>
public sealed class CouncilTemplates(YearStore years, UnitStore units, SchemeStore schemes, MarkStore marks)
{
    /// <summary>The kinds this route makes, by their route names: the council's steps.</summary>
    public static IReadOnlyList<string> Kinds { get; } = WorkflowSteps.UploadKindsOf(StepActor.Council);

    private static readonly string[] Formats = ["xlsx", "csv", "json"];

    public async Task<ApiReply> TemplateAsync(int year, string kind, string? group, int? round, string? format, CancellationToken ct)
    {
        if (WorkflowSteps.ByUploadKind(kind) is not { Actor: StepActor.Council } any) return PipelineProblems.BadKind(kind, Kinds);
        if (WorkflowSteps.For(any.FileKind, round) is not { } step) return PipelineProblems.AppraisalRoundMissing();
        var k = step.FileKind;
        var fileFormat = (format ?? "xlsx").ToLowerInvariant() switch { "xlsx" => FileFormat.Xlsx, "csv" => FileFormat.Csv, "json" => FileFormat.Json, _ => FileFormat.Invalid };
        if (fileFormat == FileFormat.Invalid) return PipelineProblems.BadFormat(format!, Formats);
        if (string.IsNullOrWhiteSpace(group)) return PipelineProblems.TemplateGroupMissing();

        if (await years.GetAsync(year, ct).ConfigureAwait(false) is not { } record) return PipelineProblems.YearMissing(year);
        if (await schemes.GetAsync(record.Scheme, ct).ConfigureAwait(false) is not { } scheme) return PipelineProblems.YearSchemeMissing(year, record.Scheme);
        var registered = await units.ListAsync(year, record.UnitsVersion, ct).ConfigureAwait(false);
        var members = registered.Select(u => u.Unit).Where(u => u.GroupCode == group).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        if (members.Count == 0 || scheme.FindGroup(group) is null) return PipelineProblems.TemplateGroupEmpty(year, group);

        var request = new TemplateRequest(year, group, k, members, step.AppraisalRound);
        var bytes = step.Scope == PathScope.Round
            ? FilledFileWriter.Write(scheme, request, Prefill(scheme, request, await marks.CurrentAsync(year, registered.Select(u => u.Unit.Code).ToList(), ct).ConfigureAwait(false)), fileFormat)
            : TemplateWriter.Write(scheme, request, fileFormat);
        return new ContentReply(bytes, ContentType(fileFormat), TemplateWriter.FileName(request, fileFormat));
    }

    /// <summary>
    /// Each unit's latest score as a sheet of the requested round, on the group's appraised leaves only, with the council's own
    /// notes from an appraisal round and never the unit's.
    /// </summary>
    internal static IReadOnlyList<MarkSheet> Prefill(Scheme scheme, TemplateRequest request, IReadOnlyDictionary<string, IReadOnlyList<MarkSheet>> current)
    {
        var target = request.Step.MarkSource;
        MarkSource[] order = target == MarkSource.Appraisal2
            ? [MarkSource.Appraisal2, MarkSource.Appraisal1, MarkSource.SelfAssessment]
            : [MarkSource.Appraisal1, MarkSource.SelfAssessment];
        var appraised = scheme.LeavesFor(request.GroupCode!).Where(l => l.Node.Leaf!.Method == ScoringMethod.Appraised)
            .Select(l => l.Node.Code).ToHashSet();
        var sheets = new List<MarkSheet>();
        foreach (var unit in request.Units)
        {
            if (!current.TryGetValue(unit.Code, out var own)) continue;
            var from = order.Select(s => own.FirstOrDefault(x => x.Source == s && x.Scheme == scheme.Ref)).FirstOrDefault(x => x is not null);
            if (from is null) continue;
            var councilNotes = from.Source != MarkSource.SelfAssessment;
            var leaves = from.Leaves.Where(l => appraised.Contains(l.Criterion) && (l.Points is not null || (councilNotes && l.Note is not null)))
                .Select(l => l with { Note = councilNotes ? l.Note : null, Evidence = [] }).ToList();
            sheets.Add(new MarkSheet(scheme.Ref, request.Year, unit.Code, target, leaves, []));
        }
        return sheets;
    }

    private static string ContentType(FileFormat format) => format switch
    {
        FileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileFormat.Csv => "text/csv; charset=utf-8",
        _ => "application/json",
    };
}
