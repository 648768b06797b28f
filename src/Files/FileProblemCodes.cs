namespace ParServerless.Files;

/// <summary>
/// Stable codes of score-file problems (PAR-E…). docs/FILES.md lists each with an example.
/// A code never changes meaning once published and is never reused; new cases get new codes.
/// </summary>
public static class FileProblemCodes
{
    /// <summary>Error: the bytes are not a readable xlsx, csv or json file (tệp không đọc được).</summary>
    public const string Unreadable = "PAR-E001";

    /// <summary>Error: the file is empty, or holds no data row (tệp trống).</summary>
    public const string Empty = "PAR-E002";

    /// <summary>Error: the file is larger than <see cref="FileLimits.MaxBytes"/> (10 MB by default).</summary>
    public const string TooLarge = "PAR-E003";

    /// <summary>Error: the workbook archive has more entries than <see cref="FileLimits.MaxZipEntries"/> (possible zip bomb).</summary>
    public const string TooManyEntries = "PAR-E004";

    /// <summary>Error: the archive declares or yields more decompressed bytes than allowed, or an entry compresses suspiciously well (zip bomb).</summary>
    public const string DecompressedTooLarge = "PAR-E005";

    /// <summary>Error: a macro-enabled workbook (.xlsm, or a workbook carrying a VBA project).</summary>
    public const string MacroEnabled = "PAR-E006";

    /// <summary>Error: a password-protected (encrypted) workbook or an old binary .xls file (OLE compound file D0 CF 11 E0).</summary>
    public const string EncryptedOrLegacy = "PAR-E007";

    /// <summary>Error: the file name's extension is not .xlsx, .csv or .json.</summary>
    public const string UnsupportedExtension = "PAR-E008";

    /// <summary>Warning: the content is of another format than the extension says; the content wins.</summary>
    public const string ExtensionMismatch = "PAR-E009";

    /// <summary>Error: the template was made for another scheme or scheme version (bộ chỉ số/phiên bản khác).</summary>
    public const string SchemeMismatch = "PAR-E010";

    /// <summary>Error: the file's metadata is unreadable (a value of the hidden sheet or header lines is malformed).</summary>
    public const string BadMetadata = "PAR-E011";

    /// <summary>Error: the template or a row is for another group (khối) than the unit belongs to.</summary>
    public const string GroupMismatch = "PAR-E012";

    /// <summary>Error: the template was made for another file kind than the upload claims (e.g. an appraisal template uploaded as self-assessment).</summary>
    public const string KindMismatch = "PAR-E013";

    /// <summary>Warning: an xlsx without the template's hidden metadata sheet; it is read by its headers alone.</summary>
    public const string NoMetadata = "PAR-E014";

    /// <summary>Error: the scheme does not apply to the claimed year.</summary>
    public const string SchemeNotForYear = "PAR-E015";

    /// <summary>Error: a required column is missing, or no header row was found (thiếu cột).</summary>
    public const string MissingColumn = "PAR-E016";

    /// <summary>Error: a CSV line whose fields do not match the header: another number of fields, a mark that a ',' separator may have
    /// split ("1,5" unquoted), or a broken quoted field (text after the closing quote, a quote inside an unquoted field).</summary>
    public const string MalformedCsvRow = "PAR-E017";

    /// <summary>Error: CSV line breaks that are a lone carriage return (old Mac format), not LF or CRLF.</summary>
    public const string BadLineBreaks = "PAR-E018";

    /// <summary>Error: a comment (// or /* */) in a JSON file; JSON has no comments.</summary>
    public const string JsonComment = "PAR-E019";

    /// <summary>Error: the unit in the file disagrees with the unit in the upload path, or no unit is stated at all.</summary>
    public const string UnitDisagrees = "PAR-E020";

    /// <summary>Error: the year in the file disagrees with the year in the upload path.</summary>
    public const string YearDisagrees = "PAR-E021";

    /// <summary>Error: the appraisal round in the file disagrees with the upload path, or an appraisal has no round 1 or 2.</summary>
    public const string RoundDisagrees = "PAR-E022";

    /// <summary>Error: a unit code that is not in the list of units (đơn vị không có trong danh sách).</summary>
    public const string UnknownUnit = "PAR-E023";

    /// <summary>Error: the unit's group is not declared by the scheme.</summary>
    public const string UnitGroupNotInScheme = "PAR-E024";

    /// <summary>Warning: in published results of an earlier year, a unit code that is not a current unit; the row is kept as written.</summary>
    public const string PublishedUnitNotCurrent = "PAR-E025";

    /// <summary>Error: a criterion code that the scheme does not have, or that is malformed.</summary>
    public const string UnknownCriterion = "PAR-E030";

    /// <summary>Error: a leaf of the scheme that the file must give is missing.</summary>
    public const string MissingCriterion = "PAR-E031";

    /// <summary>Error: the same criterion appears twice for the same unit.</summary>
    public const string DuplicateCriterion = "PAR-E032";

    /// <summary>Error: points on an area or criterion heading row; only leaves (tiêu chí thành phần) are scored.</summary>
    public const string NotALeaf = "PAR-E033";

    /// <summary>Error: points for a leaf that does not apply to the unit's group.</summary>
    public const string NotApplicableToGroup = "PAR-E034";

    /// <summary>Error: points typed for a survey leaf (ĐTXHH/SIPAS) in a self-assessment or appraisal: survey leaves are never self-scored.</summary>
    public const string SurveyLeafScored = "PAR-E035";

    /// <summary>Error: an appraised (not survey) leaf in a survey-points file.</summary>
    public const string NotASurveyLeaf = "PAR-E036";

    /// <summary>Error: a row with content but no criterion code (or no unit code where one is required).</summary>
    public const string MissingCode = "PAR-E037";

    /// <summary>Error: the same key twice: a JSON property in one object, two properties or metadata lines naming the same field.</summary>
    public const string DuplicateKey = "PAR-E038";

    /// <summary>Error: a JSON row property that names no column (a misspelt "poitns" would otherwise leave the mark blank).</summary>
    public const string UnknownProperty = "PAR-E039";

    /// <summary>Error: a mark that is not a number.</summary>
    public const string NotANumber = "PAR-E040";

    /// <summary>Error: a negative mark where only 0 or more is allowed.</summary>
    public const string Negative = "PAR-E041";

    /// <summary>Error: a mark above the leaf's maximum for the unit's group.</summary>
    public const string AboveMaximum = "PAR-E042";

    /// <summary>Error: a mark with more decimals than the scheme shows (settings.decimals).</summary>
    public const string TooManyDecimals = "PAR-E043";

    /// <summary>Error: an ambiguous number such as "1.234,5" or "1.234.567": marks have no thousands separators.</summary>
    public const string AmbiguousNumber = "PAR-E044";

    /// <summary>Error: a formula cell without a cached value (the workbook was saved without calculating).</summary>
    public const string FormulaWithoutValue = "PAR-E045";

    /// <summary>Warning: a leaf left without points; it counts as 0 unless a later file gives it.</summary>
    public const string BlankMark = "PAR-E046";

    /// <summary>Error: a satisfaction percentage outside 0..100.</summary>
    public const string PercentOutOfRange = "PAR-E047";

    /// <summary>Error: a survey row giving both points and a percentage.</summary>
    public const string PointsAndPercent = "PAR-E048";

    /// <summary>Error: a number that a decimal cannot hold exactly: underflow (1e-400), overflow (1e400), more than 28 significant
    /// digits, NaN or Infinity. Never rounded to a nearby value.</summary>
    public const string NumberOutOfRange = "PAR-E049";

    /// <summary>Error: the bonus lines of a unit add up to more than the scheme's bonus cap.</summary>
    public const string BonusAboveCap = "PAR-E050";

    /// <summary>Error: the penalty lines of a unit add up to more than the scheme's penalty cap.</summary>
    public const string PenaltyAboveCap = "PAR-E051";

    /// <summary>Error: a bonus or penalty line without a reason, or with 0 points.</summary>
    public const string AdjustmentIncomplete = "PAR-E052";

    /// <summary>Warning: text in decomposed Unicode (NFD) was normalised to NFC.</summary>
    public const string NfdNormalised = "PAR-E060";

    /// <summary>Warning: text starting with = + - @ (or a tab/CR) is kept as text and neutralised in every export (formula injection).</summary>
    public const string FormulaLikeText = "PAR-E061";

    /// <summary>Error: a text cell longer than <see cref="FileLimits.MaxTextLength"/>.</summary>
    public const string TextTooLong = "PAR-E062";

    /// <summary>Error: more rows than <see cref="FileLimits.MaxRows"/>; reading stopped there.</summary>
    public const string TooManyRows = "PAR-E063";

    /// <summary>Error: a worksheet row with more cells than <see cref="FileLimits.MaxCellsPerRow"/>, or a workbook with more than <see cref="FileLimits.MaxCells"/>.</summary>
    public const string TooManyCells = "PAR-E064";

    /// <summary>Error: a workbook's shared-string table with more entries than <see cref="FileLimits.MaxSharedStrings"/> or more characters than <see cref="FileLimits.MaxSharedStringChars"/>.</summary>
    public const string SharedStringsTooLarge = "PAR-E065";

    /// <summary>Error: reading took longer than <see cref="FileLimits.MaxReadTime"/>.</summary>
    public const string ReadTooLong = "PAR-E066";

    /// <summary>Error: the data rows hold more text than <see cref="FileLimits.MaxTotalTextChars"/> together.</summary>
    public const string TooMuchText = "PAR-E067";

    /// <summary>Error: a note, explanation, appraiser opinion or reason longer than <see cref="FileLimits.MaxNoteLength"/> (storage limit).</summary>
    public const string NoteTooLong = "PAR-E068";

    /// <summary>Error: one leaf's evidence references longer together than <see cref="FileLimits.MaxEvidenceLength"/> (storage limit).</summary>
    public const string EvidenceTooLong = "PAR-E069";

    /// <summary>Error: a published-results row without a unit name or total, or with a rank that is not a whole number from 1.</summary>
    public const string BadPublishedRow = "PAR-E070";

    /// <summary>Error: the same unit appears twice in published results of one group.</summary>
    public const string DuplicatePublishedUnit = "PAR-E071";
}
