namespace ParServerless.Documents.ResultSheet;

/// <summary>What a result sheet says about where it comes from.</summary>
/// <param name="Issuer">Body that publishes the results, printed top left, e.g. "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ".</param>
/// <param name="Date">Date of the sheet (normally the Decision's date); also the PDF's fixed creation date.</param>
/// <param name="DecisionCitation">"Quyết định số 12/QĐ-UBND ngày 06/01/2022 …" when the results are published, else null (provisional).</param>
/// <param name="Stage">Draft sheets (every sheet before publication) carry "DỰ THẢO" on every page; published ones pass
/// <see cref="DocumentStage.Final"/>.</param>
public sealed record ResultSheetContext(string Issuer, DateOnly Date, string? DecisionCitation = null, DocumentStage Stage = DocumentStage.Draft);
