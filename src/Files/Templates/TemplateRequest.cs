using ParServerless.Files.Workflow;
using ParServerless.Scoring.Units;

namespace ParServerless.Files;

/// <summary>What a template is made for (mẫu nhập liệu). The template carries it in its metadata so an upload can be matched to it.</summary>
/// <param name="Year">Evaluated year; for <see cref="FileKind.PublishedResults"/> the earlier year whose table is typed in.</param>
/// <param name="GroupCode">The group (khối) whose leaves and maxima the template lists; null only for published results.</param>
/// <param name="Kind">The file kind.</param>
/// <param name="Units">The units the template is for, all in <paramref name="GroupCode"/>: exactly one for self-assessment and explanation,
/// one or more for appraisal, survey and bonus/penalty, none needed for published results.</param>
/// <param name="Round">Appraisal round 1 or 2, for <see cref="FileKind.Appraisal"/> only.</param>
public sealed record TemplateRequest(int Year, string? GroupCode, FileKind Kind, IReadOnlyList<Unit> Units, int? Round = null)
{
    /// <summary>The workflow step the template is for.</summary>
    /// <exception cref="ArgumentException">An appraisal template without round 1 or 2.</exception>
    public StepDefinition Step => WorkflowSteps.For(Kind, Round)
        ?? throw new ArgumentException("Thẩm định phải ghi lần 1 hoặc 2. / An appraisal template needs round 1 or 2.", nameof(Round));
}
