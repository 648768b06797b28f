using ParServerless.Scoring.Marks;

namespace ParServerless.Files.Workflow;

/// <summary>
/// The one catalogue of the workflow's steps (danh mục các bước): route names, containers, round windows, mark sources, file
/// kinds and templates. Adding a step is a row here (and a blob trigger for a new container); every translation between the
/// names reads this table.
/// </summary>
/// <remarks>
/// It lives in the files library, the lowest layer that knows both file kinds and mark sources; the pipeline, the functions and
/// the tools all reference it. Stored values (round names in year rows, containers, mark source numbers) are pinned by a test.
/// </remarks>
public static class WorkflowSteps
{
    /// <summary>Upload containers as constants, for trigger attributes. Stored names: never change them.</summary>
    public static class Containers
    {
        public const string Submissions = "submissions";
        public const string Appraisals = "appraisals";
        public const string Explanations = "explanations";
        public const string Surveys = "surveys";
        public const string Adjustments = "adjustments";
        public const string History = "history";

        /// <summary>Every upload container, one per file kind, in workflow order.</summary>
        public static IReadOnlyList<string> All { get; } = [Submissions, Explanations, Appraisals, Surveys, Adjustments, History];
    }

    /// <summary>Every step in workflow order.</summary>
    public static IReadOnlyList<StepDefinition> All { get; } =
    [
        new(WorkflowStep.SelfAssessment, "self-assessment", "self-assessment", null, Containers.Submissions, PathScope.Unit,
            FileKind.SelfAssessment, MarkSource.SelfAssessment, StepActor.Agency, true,
            "Tự đánh giá", "Self-assessment", "tự đánh giá", "Tự đánh giá", "tu-danh-gia", "PHIẾU TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {0}"),
        new(WorkflowStep.Appraisal1, "appraisal-1", "appraisal", 1, Containers.Appraisals, PathScope.Round,
            FileKind.Appraisal, MarkSource.Appraisal1, StepActor.Council, true,
            "Thẩm định lần 1", "Appraisal, round 1", "thẩm định", "Thẩm định", "tham-dinh-lan-1", "KẾT QUẢ THẨM ĐỊNH LẦN 1 CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {0}"),
        new(WorkflowStep.Explanation, "explanation", "explanation", null, Containers.Explanations, PathScope.Unit,
            FileKind.Explanation, MarkSource.Explanation, StepActor.Agency, false,
            "Giải trình", "Explanation", "giải trình", "Giải trình", "giai-trinh", "GIẢI TRÌNH SAU THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {0}"),
        new(WorkflowStep.Appraisal2, "appraisal-2", "appraisal", 2, Containers.Appraisals, PathScope.Round,
            FileKind.Appraisal, MarkSource.Appraisal2, StepActor.Council, false,
            "Thẩm định lần 2", "Appraisal, round 2", "thẩm định", "Thẩm định", "tham-dinh-lan-2", "KẾT QUẢ THẨM ĐỊNH LẦN 2 CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {0}"),
        new(WorkflowStep.Survey, "survey", "survey", null, Containers.Surveys, PathScope.Year,
            FileKind.Survey, MarkSource.Survey, StepActor.Council, true,
            "Điều tra xã hội học", "Survey", "điểm điều tra xã hội học", "Điều tra", "dieu-tra", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {0}"),
        new(WorkflowStep.BonusPenalty, "bonus-penalty", "bonus-penalty", null, Containers.Adjustments, PathScope.Year,
            FileKind.BonusPenalty, MarkSource.BonusPenalty, StepActor.Council, false,
            "Điểm thưởng / điểm trừ", "Bonus and penalty", "điểm thưởng, điểm trừ", "Thưởng - trừ", "thuong-tru", "ĐIỂM THƯỞNG, ĐIỂM TRỪ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {0}"),
        new(WorkflowStep.History, "history", "history", null, Containers.History, PathScope.Year,
            FileKind.PublishedResults, MarkSource.Invalid, StepActor.HomeAffairs, false,
            "Kết quả đã công bố", "Published results", "kết quả đã công bố", "Kết quả công bố", "ket-qua-cong-bo", "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH ĐÃ CÔNG BỐ NĂM {0}"),
    ];

    /// <summary>The definition of a step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For <see cref="WorkflowStep.Invalid"/> or an undefined value: a bug.</exception>
    public static StepDefinition Of(WorkflowStep step) =>
        All.FirstOrDefault(s => s.Step == step) ?? throw new ArgumentOutOfRangeException(nameof(step), step, null);

    /// <summary>The step a round name (<c>appraisal-1</c>) names, case-insensitive; null when none.</summary>
    public static StepDefinition? Named(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Any step an upload route's kind names (both appraisal rounds share <c>appraisal</c>), case-insensitive; null when none.</summary>
    public static StepDefinition? ByUploadKind(string? kind) =>
        All.FirstOrDefault(s => string.Equals(s.UploadKind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The step of a file kind and round: null for an invalid kind, or an appraisal without round 1 or 2.</summary>
    public static StepDefinition? For(FileKind kind, int? round) =>
        All.FirstOrDefault(s => s.FileKind == kind && (s.AppraisalRound is null || s.AppraisalRound == round));

    /// <summary>Any step of a file kind (both appraisal rounds share every per-kind name), for names of the kind itself.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For <see cref="FileKind.Invalid"/> or an undefined value: a bug.</exception>
    public static StepDefinition OfKind(FileKind kind) =>
        All.FirstOrDefault(s => s.FileKind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    /// <summary>Any step uploaded to a container (both appraisal rounds share <c>appraisals</c>); null for another container.</summary>
    public static StepDefinition? InContainer(string container) => All.FirstOrDefault(s => s.Container == container);

    /// <summary>The upload route kinds, each once, in workflow order.</summary>
    public static IReadOnlyList<string> UploadKinds { get; } = All.Select(s => s.UploadKind).Distinct().ToList();

    /// <summary>The upload route kinds of one actor's steps, each once, in workflow order.</summary>
    public static IReadOnlyList<string> UploadKindsOf(StepActor actor) => All.Where(s => s.Actor == actor).Select(s => s.UploadKind).Distinct().ToList();
}
