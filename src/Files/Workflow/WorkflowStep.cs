using ParServerless.Scoring.Marks;

namespace ParServerless.Files.Workflow;

/// <summary>
/// A step of the year's workflow (bước của quy trình đánh giá) that takes uploads: the same values as the round windows of a
/// year. Every other name of a step (route, container, file kind, mark source, template) is in <see cref="WorkflowSteps"/>.
/// </summary>
public enum WorkflowStep
{
    /// <summary>Reserved: never valid.</summary>
    Invalid = 0,
    /// <summary>Tự đánh giá: each unit's own scores with notes and evidence.</summary>
    SelfAssessment = 1,
    /// <summary>Thẩm định lần 1: the council's first appraisal.</summary>
    Appraisal1 = 2,
    /// <summary>Giải trình: each unit's explanation after round 1 (no points).</summary>
    Explanation = 3,
    /// <summary>Thẩm định lần 2: the council's appraisal after the explanations.</summary>
    Appraisal2 = 4,
    /// <summary>Điều tra xã hội học (ĐTXHH, SIPAS): survey points of the survey leaves.</summary>
    Survey = 5,
    /// <summary>Điểm thưởng / điểm trừ: signed points with reasons.</summary>
    BonusPenalty = 6,
    /// <summary>Kết quả đã công bố: an earlier year's published table, for year over year.</summary>
    History = 7,
}

/// <summary>Who sends a step's files, and so which routes take them.</summary>
public enum StepActor
{
    Invalid = 0,
    /// <summary>The evaluated unit (đơn vị) itself, with its own key: the agency routes and desk.</summary>
    Agency = 1,
    /// <summary>The appraisal council (Hội đồng thẩm định) or Sở Nội vụ for it: admin routes, council templates.</summary>
    Council = 2,
    /// <summary>Sở Nội vụ alone (history import): the admin upload route only.</summary>
    HomeAffairs = 3,
}

/// <summary>What the middle segment of an upload's blob path names.</summary>
public enum PathScope
{
    Invalid = 0,
    /// <summary><c>{container}/{year}/{unit}/{file}</c>: one unit's file.</summary>
    Unit = 1,
    /// <summary><c>{container}/{year}/{round}/{file}</c>: an appraisal round, 1 or 2.</summary>
    Round = 2,
    /// <summary><c>{container}/{year}/{file}</c>: a file for many units.</summary>
    Year = 3,
}

/// <summary>Every name one workflow step goes by, in one place.</summary>
/// <param name="Step">The step, as year rows key their round windows.</param>
/// <param name="Name">The round's name in routes and JSON, and in stored year rows (<c>appraisal-1</c>): never change it.</param>
/// <param name="UploadKind">The <c>{kind}</c> of the upload, dry-run and template routes (<c>appraisal</c>, with <c>?round=</c>).</param>
/// <param name="AppraisalRound">1 or 2 for the appraisal steps, else null.</param>
/// <param name="Container">The blob container its files are uploaded to and ingested from: never change it.</param>
/// <param name="Scope">What the blob path names between the year and the file.</param>
/// <param name="FileKind">The file's shape (columns), shared by both appraisal rounds.</param>
/// <param name="MarkSource">The raw marks it writes (stored as <c>S{n}</c> in mark row keys: never renumber); Invalid for history.</param>
/// <param name="Actor">Who sends it.</param>
/// <param name="RequiredOfEveryUnit">Every unit owes a file in this step (the status board counts the missing).</param>
/// <param name="Vietnamese">The step's name for people (Thẩm định lần 1).</param>
/// <param name="English">The step's English name.</param>
/// <param name="KindVietnamese">The file kind's name inside a sentence ("mẫu thẩm định").</param>
/// <param name="SheetName">The template workbook's data sheet.</param>
/// <param name="TemplateStem">The start of a template's file name (<c>tham-dinh-lan-1_2021_SO.xlsx</c>), ASCII.</param>
/// <param name="TemplateTitle">The template's first title line, a composite format with the year as <c>{0}</c>.</param>
public sealed record StepDefinition(
    WorkflowStep Step,
    string Name,
    string UploadKind,
    int? AppraisalRound,
    string Container,
    PathScope Scope,
    FileKind FileKind,
    MarkSource MarkSource,
    StepActor Actor,
    bool RequiredOfEveryUnit,
    string Vietnamese,
    string English,
    string KindVietnamese,
    string SheetName,
    string TemplateStem,
    string TemplateTitle);
