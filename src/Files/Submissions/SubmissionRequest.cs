namespace ParServerless.Files;

/// <summary>What the upload claims about a file, taken from its path; the reader checks the file against it.</summary>
/// <param name="Year">Evaluated year (năm đánh giá); for <see cref="FileKind.PublishedResults"/> the year the table was published for.</param>
/// <param name="Kind">The file kind the path names.</param>
/// <param name="FileName">The uploaded name; its extension must be .xlsx, .csv or .json.</param>
/// <param name="UnitCode">The unit named by the path. Required for self-assessment and explanation (unless the template names it);
/// optional for kinds that may cover many units, where it restricts the file to that unit.</param>
/// <param name="Round">Appraisal round, 1 or 2 (thẩm định lần 1/2); required for <see cref="FileKind.Appraisal"/>, ignored otherwise.</param>
public sealed record SubmissionRequest(int Year, FileKind Kind, string FileName, string? UnitCode = null, int? Round = null);
