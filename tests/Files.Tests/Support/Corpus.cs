using System.IO.Compression;
using System.Text;
using ParServerless.Files.Tables;
using ParServerless.Scoring.Units;
using static ParServerless.Files.FileProblemCodes;
using static ParServerless.Files.Tests.Support.TestData;

namespace ParServerless.Files.Tests.Support;

/// <summary>One bad (or deliberately good) file and the exact set of codes its report must hold.</summary>
internal sealed record CorpusCase(string Name, byte[] Bytes, SubmissionRequest Request, string[] Codes, FileLimits? Limits = null,
    TimeProvider? Clock = null);

/// <summary>A clock that moves one hour each time it is read: any read that looks at it twice is past its deadline.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private long _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _now, TimeSpan.TicksPerHour);
}

/// <summary>
/// The bad-file corpus, generated: row-level cases in all three formats, container cases per format.
/// Every code of <see cref="FileProblemCodes"/> is produced by at least one case (a test checks).
/// </summary>
internal static class Corpus
{
    private static readonly FileFormat[] Formats = [FileFormat.Xlsx, FileFormat.Csv, FileFormat.Json];

    private static string Ext(FileFormat f) => f switch { FileFormat.Xlsx => ".xlsx", FileFormat.Csv => ".csv", _ => ".json" };

    private static SubmissionRequest Self(FileFormat f, string? unit = "SO-TP", int year = 2025) =>
        new(year, FileKind.SelfAssessment, "tu-danh-gia" + Ext(f), unit);

    public static IReadOnlyDictionary<string, CorpusCase> All { get; } = Build().ToDictionary(c => c.Name);

    private static IEnumerable<CorpusCase> Build()
    {
        foreach (var f in Formats)
        {
            foreach (var c in RowCases(f)) yield return c;
        }
        foreach (var c in ContainerCases()) yield return c;
        foreach (var c in IntegrityCases()) yield return c;
    }

    /// <summary>Issue 10: marks never read wrongly, and bounded cost. Each case failed (a silent value or a wrong code) before.</summary>
    private static IEnumerable<CorpusCase> IntegrityCases()
    {
        var valid = Doc.SelfAssessment(Justice);
        CorpusCase C(string name, byte[] bytes, string[] codes, string file = "tu-danh-gia.csv", FileLimits? limits = null, TimeProvider? clock = null) =>
            new("integrity/" + name, bytes, new SubmissionRequest(2025, FileKind.SelfAssessment, file, "SO-TP"), codes, limits, clock);
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        // Every appraised leaf of group SO, "," as separator and decimal points; {0} is the line of 1.1.1.
        string CommaFile(string line111) =>
            "code,points,note,evidence\n" + line111 + "\n1.1.2,2.5,,\n1.2,5,,\n2.1,10,,\n2.2,5,,\n3.1,7.25,,\n3.2,2.75,,\n";
        string SemicolonFile(string line111) =>
            "code;points;note;evidence\n" + line111 + "\n1.1.2;2,5;;\n1.2;5;;\n2.1;10;;\n2.2;5;;\n3.1;7,25;;\n3.2;2,75;;\n";

        yield return C("csv/comma-valid", Utf8(CommaFile("1.1.1,1.5,ok,")), []);
        // The row of the issue: "1,5" unquoted with ',' read as mark 1 and note "5".
        yield return C("csv/comma-decimal-comma-unquoted", Utf8(CommaFile("1.1.1,1,5,ok,")), [MalformedCsvRow, MissingCriterion]);
        yield return C("csv/comma-decimal-comma-quoted", Utf8(CommaFile("1.1.1,\"1,5\",ok,")), []);
        // Same field count, but the mark may be "1,5" split in two with the note dropped.
        yield return C("csv/comma-split-mark-same-count", Utf8(CommaFile("1.1.1,1,5,")), [MalformedCsvRow, MissingCriterion]);
        yield return C("csv/comma-fewer-fields", Utf8(CommaFile("1.1.1,1.5")), [MalformedCsvRow, MissingCriterion]);
        yield return C("csv/semicolon-valid", Utf8(SemicolonFile("1.1.1;1,5;ok;")), []);
        yield return C("csv/semicolon-extra-field", Utf8(SemicolonFile("1.1.1;1;5;ok;")), [MalformedCsvRow, MissingCriterion]);
        yield return C("csv/semicolon-fewer-fields", Utf8(SemicolonFile("1.1.1;1,5;ok")), [MalformedCsvRow, MissingCriterion]);
        yield return C("csv/text-after-closing-quote", Utf8(SemicolonFile("1.1.1;\"1\",5;ok;")), [MalformedCsvRow, MissingCriterion]);
        yield return C("csv/quote-in-unquoted-field", Utf8(SemicolonFile("1.1.1;1,5;Ông \"A\";")), [MalformedCsvRow, MissingCriterion]);
        yield return C("csv/quoted-with-spaces", Utf8(SemicolonFile("1.1.1; \"1,5\" ;ok;")), []);
        yield return C("csv/crlf", Utf8(SemicolonFile("1.1.1;1,5;ok;").Replace("\n", "\r\n", StringComparison.Ordinal)), []);
        yield return C("csv/cr-only", Utf8(SemicolonFile("1.1.1;1,5;ok;").Replace('\n', '\r')), [BadLineBreaks]);
        yield return C("csv/lone-cr", Utf8(SemicolonFile("1.1.1;1,5;o\rk;")), [BadLineBreaks, MissingCriterion]);
        yield return C("csv/thousands-separator", Utf8(SemicolonFile("1.1.1;1.234,5;ok;")), [AmbiguousNumber]);
        yield return C("csv/nan-text", Utf8(SemicolonFile("1.1.1;NaN;ok;")), [NotANumber]);
        yield return C("csv/duplicate-metadata", [.. Utf8("#year=2025\n"), .. valid.ToCsv(bom: false)], [DuplicateKey]);
        yield return C("csv/wide-line", Utf8("code;points\n1.2;5" + new string(';', 20_000) + "\n"), [TooManyCells]);
        yield return C("csv/three-decimals", Utf8(SemicolonFile("1.1.1;1,505;ok;")), [TooManyDecimals]);

        var json = Encoding.UTF8.GetString(valid.ToJson());
        byte[] Json(string replacement)
        {
            var at = json.IndexOf("\"points\":2.5", StringComparison.Ordinal);
            return Utf8(json[..at] + replacement + json[(at + "\"points\":2.5".Length)..]);
        }
        yield return C("json/valid-exponent", Json("\"points\":0.25e1"), [], "a.json");
        yield return C("json/underflow", Json("\"points\":1e-400"), [NumberOutOfRange], "a.json");
        // 0e-400 is exactly 0, however written: a real mark, kept.
        yield return C("json/zero-exponent", Json("\"points\":0e-400"), [], "a.json");
        yield return C("json/overflow", Json("\"points\":1e400"), [NumberOutOfRange], "a.json");
        yield return C("json/too-precise", Json("\"points\":2.5000000000000000000000000000001"), [NumberOutOfRange], "a.json");
        yield return C("json/nan", Json("\"points\":NaN"), [NumberOutOfRange], "a.json");
        yield return C("json/infinity", Json("\"points\":-Infinity"), [NumberOutOfRange], "a.json");
        yield return C("json/duplicate-key", Json("\"points\":2.5,\"points\":4"), [DuplicateKey], "a.json");
        yield return C("json/two-names-one-column", Json("\"points\":2.5,\"Điểm\":4"), [DuplicateKey], "a.json");
        yield return C("json/duplicate-metadata", Utf8("{\"year\":2025," + json[1..]), [DuplicateKey], "a.json");
        yield return C("json/three-decimals", Json("\"points\":2.505"), [TooManyDecimals], "a.json");
        yield return C("json/thousands-text", Json("\"points\":\"1,234.5\""), [AmbiguousNumber], "a.json");
        yield return C("json/misspelt-points", Json("\"poitns\":2.5"), [UnknownProperty, BlankMark], "a.json");
        yield return C("json/points-empty-array", Json("\"points\":[]"), [NotANumber], "a.json");
        yield return C("json/wide-row", Utf8("{\"rows\":[{" + string.Join(',', Enumerable.Range(0, 20).Select(i => $"\"k{i}\":0")) + "}]}"),
            [TooManyCells], "a.json", FileLimits.Default with { MaxCellsPerRow = 10 });
        yield return C("json/leading-comment", Utf8("// điểm tự đánh giá\n" + json), [JsonComment], "a.json");
        yield return C("json/inner-comment", Json("/* sửa */ \"points\":2.5"), [JsonComment], "a.json");

        // A file named .xlsx that is neither a zip nor text: "not an Excel workbook", never "a CSV that is not UTF-8".
        yield return C("xlsx/not-a-zip", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0xFF, 0xC0], [Unreadable], "a.xlsx");
        yield return C("xlsx/underflow-value", valid.Also(d => d.Row("1.2")[Column.Points] = new Typed("n", "1E-400")).ToXlsx(), [NotANumber], "a.xlsx");
        // A stored (uncompressed) entry with one digit changed and the old CRC: before the check it read 3.5 for 2.5.
        var stored = Stored(valid.ToXlsx());
        var digit = Encoding.Latin1.GetString(stored).IndexOf("<v>2.5</v>", StringComparison.Ordinal) + 3;
        yield return C("xlsx/stored-entry-valid", stored, [], "a.xlsx");
        yield return C("xlsx/crc-mismatch", [.. stored[..digit], (byte)'3', .. stored[(digit + 1)..]], [Unreadable], "a.xlsx");
        var xlsx = valid.ToXlsx();
        yield return C("xlsx/cells-per-row", xlsx, [TooManyCells], "a.xlsx", FileLimits.Default with { MaxCellsPerRow = 3 });
        yield return C("xlsx/cells", xlsx, [TooManyCells], "a.xlsx", FileLimits.Default with { MaxCells = 20 });
        var shared = RawXlsxFrom(valid, [("xl/sharedStrings.xml", Utf8("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>abc</t></si><si><t>def</t></si></sst>"))]);
        yield return C("xlsx/shared-strings-ok", shared, [], "a.xlsx");
        yield return C("xlsx/shared-strings", shared, [SharedStringsTooLarge], "a.xlsx", FileLimits.Default with { MaxSharedStrings = 1 });
        yield return C("xlsx/shared-string-chars", shared, [SharedStringsTooLarge], "a.xlsx", FileLimits.Default with { MaxSharedStringChars = 5 });
        yield return C("xlsx/total-text", xlsx, [TooMuchText], "a.xlsx", FileLimits.Default with { MaxTotalTextChars = 100 });
        // The clock moves an hour at each look: the reader looks every 256 steps, so 600 lines pass the 20 s deadline.
        yield return C("csv/deadline", [.. valid.ToCsv(), .. Utf8(new string('\n', 600))], [ReadTooLong], clock: new SteppingClock());

        // Storage limits, with the default settings: the dry run refuses what the table write would.
        yield return C("note-too-long", valid.Also(d => d.Row("1.2")[Column.Note] = new string('ý', 4001)).ToCsv(), [NoteTooLong]);
        yield return C("note-at-limit", valid.Also(d => d.Row("1.2")[Column.Note] = new string('ý', 4000)).ToCsv(), []);
        yield return C("evidence-too-long", valid.Also(d => d.Row("1.2")[Column.Evidence] = Enumerable.Repeat(new string('đ', 700), 20).ToArray()).ToXlsx(),
            [EvidenceTooLong], "a.xlsx");
        yield return C("evidence-at-limit", valid.Also(d => d.Row("1.2")[Column.Evidence] = Enumerable.Repeat(new string('đ', 300), 10).ToArray()).ToJson(),
            [], "a.json");
        yield return C("reason-too-long", Utf8("unit;points;reason\nSO-TP;1;" + new string('x', 4001) + "\n"), [NoteTooLong]) with
        {
            Request = new SubmissionRequest(2025, FileKind.BonusPenalty, "thuong.csv"),
        };
    }

    private static IEnumerable<CorpusCase> RowCases(FileFormat f)
    {
        var n = f.ToString().ToLowerInvariant() + "/";
        CorpusCase SelfCase(string name, Action<Doc> mutate, string[] codes, Func<SubmissionRequest, SubmissionRequest>? request = null, FileLimits? limits = null)
        {
            var doc = Doc.SelfAssessment(Justice);
            mutate(doc);
            var req = Self(f);
            return new CorpusCase(n + "self/" + name, doc.To(f), request?.Invoke(req) ?? req, codes, limits);
        }

        yield return SelfCase("valid", _ => { }, []);
        yield return SelfCase("not-a-number", d => d.Row("1.2")[Column.Points] = "mười", [NotANumber]);
        yield return SelfCase("negative", d => d.Row("1.2")[Column.Points] = -1m, [Negative]);
        yield return SelfCase("above-maximum", d => d.Row("1.1.1")[Column.Points] = 5.5m, [AboveMaximum]);
        yield return SelfCase("group-maximum", d => d.Row("2.1")[Column.Points] = 20m, []);
        yield return SelfCase("too-many-decimals", d => d.Row("3.1")[Column.Points] = 7.255m, [TooManyDecimals]);
        yield return SelfCase("ambiguous-number", d => d.Row("1.2")[Column.Points] = "1.234,5", [AmbiguousNumber]);
        yield return SelfCase("two-dots", d => d.Row("1.2")[Column.Points] = "1.2.3", [AmbiguousNumber]);
        yield return SelfCase("comma-text", d => d.Row("3.1")[Column.Points] = "7,25", []);
        yield return SelfCase("dot-text", d => d.Row("3.1")[Column.Points] = "7.25", []);
        yield return SelfCase("survey-leaf-scored", d => d.Row("4.1")[Column.Points] = 10m, [SurveyLeafScored]);
        yield return SelfCase("heading-scored", d => d.Row("1.1")[Column.Points] = 10m, [NotALeaf]);
        yield return SelfCase("unknown-criterion", d => d.Rows.Add(new() { [Column.Code] = "9.9", [Column.Points] = 1m }), [UnknownCriterion]);
        yield return SelfCase("malformed-criterion", d => d.Rows.Add(new() { [Column.Code] = "1.a", [Column.Points] = 1m }), [UnknownCriterion]);
        yield return SelfCase("missing-criterion", d => d.Rows.Remove(d.Row("2.2")), [MissingCriterion]);
        yield return SelfCase("duplicate-criterion", d => d.Rows.Add(new(d.Row("1.2"))), [DuplicateCriterion]);
        yield return SelfCase("missing-code", d => d.Rows.Add(new() { [Column.Points] = 1m, [Column.Note] = "không mã" }), [MissingCode]);
        yield return SelfCase("blank-mark", d => d.Row("1.2")[Column.Points] = null, [BlankMark]);
        yield return SelfCase("not-applicable", d => d.Rows.Add(new() { [Column.Code] = "2.3", [Column.Points] = 1m }), [NotApplicableToGroup]);
        yield return SelfCase("formula-like-note", d => d.Row("1.2")[Column.Note] = "=HYPERLINK(\"http://x\")", [FormulaLikeText]);
        yield return SelfCase("formula-like-evidence", d => d.Row("1.2")[Column.Evidence] = new[] { "@SUM(A1)" }, [FormulaLikeText]);
        yield return SelfCase("dash-note", d => d.Row("1.2")[Column.Note] = "- Đã tổ chức hội nghị", [FormulaLikeText]);
        yield return SelfCase("nfd-note", d => d.Row("1.2")[Column.Note] = "Đã thực hiện".Normalize(NormalizationForm.FormD), [NfdNormalised]);
        yield return SelfCase("text-too-long", d => d.Row("1.2")[Column.Note] = new string('a', 60), [TextTooLong],
            limits: FileLimits.Default with { MaxTextLength = 50 });
        yield return SelfCase("too-many-rows", _ => { }, [TooManyRows, MissingCriterion], limits: FileLimits.Default with { MaxRows = 5 });
        yield return SelfCase("scheme-version", d => d.Meta["schemeVersion"] = "2", [SchemeMismatch]);
        yield return SelfCase("scheme-id", d => d.Meta["schemeId"] = "OTHER", [SchemeMismatch]);
        yield return SelfCase("bad-metadata", d => d.Meta["year"] = "hai nghìn", [BadMetadata]);
        yield return SelfCase("bad-kind", d => d.Meta["kind"] = "7", [BadMetadata]);
        yield return SelfCase("group-mismatch", d => d.Meta["group"] = "XA", [GroupMismatch]);
        yield return SelfCase("kind-mismatch", d => d.Meta["kind"] = "Appraisal", [KindMismatch]);
        yield return SelfCase("year-disagrees", d => d.Meta["year"] = "2024", [YearDisagrees]);
        yield return SelfCase("unit-disagrees", d => d.Meta["unit"] = "SO-NV", [UnitDisagrees]);
        yield return SelfCase("scheme-not-for-year", d => d.Meta["year"] = "2026", [SchemeNotForYear], r => r with { Year = 2026 });
        yield return SelfCase("unknown-unit", d => d.Meta.Remove("unit"), [UnknownUnit], r => r with { UnitCode = "SO-XX" });
        yield return SelfCase("unit-group-not-in-scheme", d => { d.Meta.Remove("unit"); d.Meta.Remove("group"); }, [UnitGroupNotInScheme],
            r => r with { UnitCode = "KHAC-1" });
        yield return SelfCase("unit-from-template", _ => { }, [], r => r with { UnitCode = null });
        yield return SelfCase("no-unit-anywhere", d => d.Meta.Remove("unit"), [UnitDisagrees], r => r with { UnitCode = null });
        yield return SelfCase("empty", d => d.Rows.Clear(), [Empty]);
        yield return SelfCase("shuffled", d => d.Rows.Reverse(), []);
        yield return SelfCase("many-problems", d =>
        {
            d.Row("1.1.1")[Column.Points] = 6m;
            d.Row("1.2")[Column.Points] = "x";
            d.Row("4.2")[Column.Points] = 1m;
            d.Rows.Remove(d.Row("3.2"));
            d.Meta["year"] = "2024";
        }, [AboveMaximum, NotANumber, SurveyLeafScored, MissingCriterion, YearDisagrees]);
        yield return SelfCase("missing-points-column", d => d.Columns.Remove(Column.Points), [MissingColumn]);
        if (f == FileFormat.Xlsx)
        {
            yield return SelfCase("formula-without-value", d => d.Row("1.2")[Column.Points] = new Formula("2+3", null), [FormulaWithoutValue]);
            yield return SelfCase("formula-with-value", d => d.Row("1.2")[Column.Points] = new Formula("2+3", 5m), []);
            yield return SelfCase("error-cell", d => d.Row("1.2")[Column.Points] = new Typed("e", "#DIV/0!"), [NotANumber]);
            yield return SelfCase("boolean-cell", d => d.Row("1.2")[Column.Points] = new Typed("b", "1"), [NotANumber]);
        }
        if (f == FileFormat.Json)
            yield return SelfCase("boolean-value", d => d.Row("1.2")[Column.Points] = new Typed("b", "1"), [NotANumber]);

        // Appraisal: many units, a round.
        CorpusCase AppraisalCase(string name, Action<Doc> mutate, string[] codes, Func<SubmissionRequest, SubmissionRequest>? request = null)
        {
            var doc = Doc.Appraisal([Justice, HomeAffairs], 1);
            mutate(doc);
            var req = new SubmissionRequest(2025, FileKind.Appraisal, "tham-dinh" + Ext(f), null, 1);
            return new CorpusCase(n + "appraisal/" + name, doc.To(f), request?.Invoke(req) ?? req, codes);
        }
        yield return AppraisalCase("valid", _ => { }, []);
        yield return AppraisalCase("no-round", d => d.Meta.Remove("round"), [RoundDisagrees], r => r with { Round = null });
        yield return AppraisalCase("round-3", d => d.Meta.Remove("round"), [RoundDisagrees], r => r with { Round = 3 });
        yield return AppraisalCase("round-disagrees", d => d.Meta["round"] = "2", [RoundDisagrees]);
        yield return AppraisalCase("row-unit-not-claimed", _ => { }, [UnitDisagrees], r => r with { UnitCode = "SO-TP" });
        yield return AppraisalCase("row-unknown-unit", d => d.Row("1.2", "SO-NV")[Column.Unit] = "SO-ZZ", [UnknownUnit, MissingCriterion]);
        yield return AppraisalCase("row-unit-of-other-group", d => d.Row("1.2", "SO-NV")[Column.Unit] = "XA-AH", [GroupMismatch, MissingCriterion]);
        yield return AppraisalCase("row-without-unit", d => d.Row("1.2", "SO-NV")[Column.Unit] = null, [MissingCode, MissingCriterion]);
        yield return AppraisalCase("duplicate-for-unit", d => d.Rows.Add(new(d.Row("1.2", "SO-NV"))), [DuplicateCriterion]);
        yield return AppraisalCase("above-maximum", d => d.Row("3.1", "SO-TP")[Column.Points] = 14.51m, [AboveMaximum]);
        yield return AppraisalCase("survey-leaf", d => d.Rows.Add(new() { [Column.Unit] = "SO-TP", [Column.Code] = "4.1", [Column.Points] = 3m }), [SurveyLeafScored]);
        yield return AppraisalCase("kind-mismatch", d => d.Meta["kind"] = "Survey", [KindMismatch]);

        CorpusCase SurveyCase(string name, Action<Doc> mutate, string[] codes)
        {
            var doc = Doc.Survey([AnHoa, BinhMinh]);
            mutate(doc);
            return new CorpusCase(n + "survey/" + name, doc.To(f), new SubmissionRequest(2025, FileKind.Survey, "dieu-tra" + Ext(f)), codes);
        }
        yield return SurveyCase("valid", _ => { }, []);
        yield return SurveyCase("percent", d => { d.Row("4.1", "XA-AH")[Column.Points] = null; d.Row("4.1", "XA-AH")[Column.Percent] = "85,5%"; }, []);
        yield return SurveyCase("percent-out-of-range", d => { d.Row("4.1", "XA-AH")[Column.Points] = null; d.Row("4.1", "XA-AH")[Column.Percent] = 120m; }, [PercentOutOfRange]);
        yield return SurveyCase("points-and-percent", d => d.Row("4.1", "XA-AH")[Column.Percent] = 80m, [PointsAndPercent]);
        yield return SurveyCase("appraised-leaf", d => d.Rows.Add(new() { [Column.Unit] = "XA-AH", [Column.Code] = "2.3", [Column.Points] = 3m }), [NotASurveyLeaf]);
        yield return SurveyCase("missing-leaf", d => d.Rows.Remove(d.Row("4.2", "XA-BM")), [MissingCriterion]);
        yield return SurveyCase("above-maximum", d => d.Row("4.2", "XA-BM")[Column.Points] = 10.5m, [AboveMaximum]);

        CorpusCase BonusCase(string name, Action<Doc> mutate, string[] codes, string? unit = null)
        {
            var doc = Doc.BonusPenalty([Justice, HomeAffairs]);
            mutate(doc);
            return new CorpusCase(n + "bonus/" + name, doc.To(f), new SubmissionRequest(2025, FileKind.BonusPenalty, "thuong-tru" + Ext(f), unit), codes);
        }
        yield return BonusCase("valid", _ => { }, []);
        yield return BonusCase("bonus-above-cap", d => d.Rows.Add(new() { [Column.Unit] = "SO-TP", [Column.Points] = 1.6m, [Column.Reason] = "Giải thưởng" }), [BonusAboveCap]);
        yield return BonusCase("penalty-above-cap", d => d.Rows.Add(new() { [Column.Unit] = "SO-NV", [Column.Points] = -4.5m, [Column.Reason] = "Vi phạm" }), [PenaltyAboveCap]);
        yield return BonusCase("no-reason", d => d.Rows[0][Column.Reason] = null, [AdjustmentIncomplete]);
        yield return BonusCase("zero-points", d => d.Rows[0][Column.Points] = 0m, [AdjustmentIncomplete]);
        yield return BonusCase("reason-only", d => d.Rows[0][Column.Points] = null, [AdjustmentIncomplete]);
        yield return BonusCase("formula-like-reason", d => d.Rows[0][Column.Reason] = "+Thưởng", [FormulaLikeText]);
        yield return BonusCase("too-many-decimals", d => d.Rows[0][Column.Points] = 0.125m, [TooManyDecimals]);
        yield return BonusCase("one-unit", d => d.Rows.RemoveAll(r => (string?)r[Column.Unit] == "SO-NV"), [], unit: "SO-TP");
        yield return BonusCase("other-unit-than-claimed", _ => { }, [UnitDisagrees], unit: "SO-TP");

        CorpusCase ExplanationCase(string name, Action<Doc> mutate, string[] codes)
        {
            var doc = Doc.Explanation(Justice);
            mutate(doc);
            return new CorpusCase(n + "explanation/" + name, doc.To(f), new SubmissionRequest(2025, FileKind.Explanation, "giai-trinh" + Ext(f), "SO-TP"), codes);
        }
        yield return ExplanationCase("valid", _ => { }, []);
        yield return ExplanationCase("nothing-explained", d => { foreach (var r in d.Rows) { r[Column.Note] = null; r[Column.Evidence] = null; } }, [Empty]);
        yield return ExplanationCase("unknown-criterion", d => d.Rows[0][Column.Code] = "8.8", [UnknownCriterion]);

        CorpusCase PublishedCase(string name, Action<Doc> mutate, string[] codes)
        {
            var doc = Doc.Published();
            mutate(doc);
            return new CorpusCase(n + "published/" + name, doc.To(f), new SubmissionRequest(2021, FileKind.PublishedResults, "ket-qua-2021" + Ext(f)), codes);
        }
        yield return PublishedCase("valid", _ => { }, []);
        yield return PublishedCase("no-name", d => d.Rows[0][Column.UnitName] = null, [BadPublishedRow]);
        yield return PublishedCase("no-total", d => d.Rows[0][Column.Total] = null, [BadPublishedRow]);
        yield return PublishedCase("rank-zero", d => d.Rows[0][Column.Rank] = 0m, [BadPublishedRow]);
        yield return PublishedCase("rank-fraction", d => d.Rows[0][Column.Rank] = 1.5m, [BadPublishedRow]);
        yield return PublishedCase("duplicate", d => d.Rows.Add(new(d.Rows[0])), [DuplicatePublishedUnit]);
        yield return PublishedCase("not-current-unit", d => d.Rows[0][Column.Unit] = "SO-VP-CU", [PublishedUnitNotCurrent]);
        yield return PublishedCase("negative-total", d => d.Rows[0][Column.Total] = -1m, [Negative]);
        yield return PublishedCase("total-text", d => d.Rows[0][Column.Total] = "97,685", []);
    }

    private static IEnumerable<CorpusCase> ContainerCases()
    {
        var valid = Doc.SelfAssessment(Justice);
        var xlsx = valid.ToXlsx();
        CorpusCase X(string name, byte[] bytes, string[] codes, string file = "tu-danh-gia.xlsx", FileLimits? limits = null) =>
            new("container/" + name, bytes, new SubmissionRequest(2025, FileKind.SelfAssessment, file, "SO-TP"), codes, limits);

        yield return X("empty-bytes", [], [Empty]);
        yield return X("too-large", xlsx, [TooLarge], limits: FileLimits.Default with { MaxBytes = 1000 });
        yield return X("xlsm-extension", xlsx, [MacroEnabled], "tu-danh-gia.xlsm");
        yield return X("vba-project", RawXlsxFrom(valid, [("xl/vbaProject.bin", [1, 2, 3])]), [MacroEnabled]);
        yield return X("ole-encrypted", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], [EncryptedOrLegacy]);
        yield return X("legacy-xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3], [EncryptedOrLegacy], "tu-danh-gia.xls");
        yield return X("txt-extension", valid.ToCsv(), [UnsupportedExtension], "tu-danh-gia.txt");
        yield return X("no-extension", valid.ToCsv(), [UnsupportedExtension], "tu-danh-gia");
        yield return X("csv-named-xlsx", valid.ToCsv(), [ExtensionMismatch]);
        yield return X("xlsx-named-csv", xlsx, [ExtensionMismatch], "tu-danh-gia.csv");
        yield return X("json-named-csv", valid.ToJson(), [ExtensionMismatch], "tu-danh-gia.csv");
        yield return X("too-many-entries", RawXlsxFrom(valid, Enumerable.Range(0, 300).Select(i => ($"xl/media/p{i}.bin", new byte[] { 1 }))), [TooManyEntries]);
        yield return X("zip-bomb-ratio", RawXlsxFrom(valid, [("xl/media/zeros.bin", new byte[8 * 1024 * 1024])]), [DecompressedTooLarge]);
        yield return X("declared-over-budget", xlsx, [DecompressedTooLarge], limits: FileLimits.Default with { MaxDecompressedBytes = 1000 });
        yield return X("pk-garbage", [(byte)'P', (byte)'K', 3, 4, 9, 9, 9, 9, 9, 9], [Unreadable]);
        yield return X("truncated-zip", xlsx[..(xlsx.Length / 2)], [Unreadable]);
        yield return X("no-workbook", RawXlsx.Build([("x", false, "<worksheet/>")], workbook: false), [Unreadable]);
        yield return X("broken-sheet-xml", RawXlsx.Build([("Dữ liệu", false, "<worksheet><sheetData><row r=\"1\"><c")]), [Unreadable]);
        yield return X("dtd-in-sheet", RawXlsx.Build([("Dữ liệu", false, "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet/>")]), [Unreadable]);
        yield return X("no-header", RawXlsx.Build([("Dữ liệu", false, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>")]), [MissingColumn]);
        yield return X("only-meta-sheet", RawXlsx.Build([("_meta", true, "<worksheet/>")]), [Empty]);
        yield return X("no-metadata", valid.ToXlsx(withMeta: false), [NoMetadata]);
        yield return X("header-on-row-20", valid.ToXlsx(headerRow: 20), []);
        yield return X("csv-latin1", Encoding.Latin1.GetBytes("code;points\n1.2;5\nghi chú: é"), [Unreadable], "tu-danh-gia.csv");
        yield return X("csv-unclosed-quote", Encoding.UTF8.GetBytes("code;points;note\n1.2;5;\"không đóng\n"), [Unreadable], "tu-danh-gia.csv");
        yield return X("csv-unquoted-decimal-comma", Encoding.UTF8.GetBytes("code,points\n1.2,5,5\n"), [MalformedCsvRow, Empty], "tu-danh-gia.csv");
        yield return X("csv-nul", Encoding.UTF8.GetBytes("code;points\n1.2;5\0\n"), [Unreadable], "tu-danh-gia.csv");
        yield return X("csv-whitespace", Encoding.UTF8.GetBytes("  \n \n"), [Empty], "tu-danh-gia.csv");
        yield return X("csv-comma-dot-no-bom", valid.ToCsv(',', decimalComma: false, bom: false), [], "tu-danh-gia.csv");
        yield return X("csv-header-only", Encoding.UTF8.GetBytes("code;points\n"), [Empty], "tu-danh-gia.csv");
        yield return X("json-syntax", Encoding.UTF8.GetBytes("{ \"rows\": [ { \"code\": \"1.2\", } "), [Unreadable], "tu-danh-gia.json");
        yield return X("json-array-root", Encoding.UTF8.GetBytes("[1,2]"), [Unreadable], "tu-danh-gia.json");
        yield return X("json-no-rows", Encoding.UTF8.GetBytes("{ \"year\": 2025 }"), [MissingColumn], "tu-danh-gia.json");
        yield return X("json-row-not-object", Encoding.UTF8.GetBytes("{ \"rows\": [ 5 ] }"), [Unreadable, Empty], "tu-danh-gia.json");
        yield return X("json-deep", Encoding.UTF8.GetBytes("{\"rows\":" + new string('[', 40) + new string(']', 40) + "}"), [Unreadable], "tu-danh-gia.json");
        yield return X("json-meta-object", Encoding.UTF8.GetBytes("{ \"year\": {\"a\":1}, \"rows\": [] }"), [BadMetadata, Empty], "tu-danh-gia.json");
    }

    /// <summary>The same archive with every entry stored uncompressed, so a test can change one byte of a part.</summary>
    private static byte[] Stored(byte[] xlsx)
    {
        using var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in source.Entries)
            {
                using var from = e.Open();
                using var to = zip.CreateEntry(e.FullName, CompressionLevel.NoCompression).Open();
                from.CopyTo(to);
            }
        }
        return stream.ToArray();
    }

    private static byte[] RawXlsxFrom(Doc doc, IEnumerable<(string, byte[])> extra)
    {
        // Re-pack the doc's archive with the extra entries.
        using var source = new ZipArchive(new MemoryStream(doc.ToXlsx()), ZipArchiveMode.Read);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in source.Entries)
            {
                using var from = e.Open();
                using var to = zip.CreateEntry(e.FullName).Open();
                from.CopyTo(to);
            }
            foreach (var (path, bytes) in extra)
            {
                using var to = zip.CreateEntry(path, CompressionLevel.SmallestSize).Open();
                to.Write(bytes);
            }
        }
        return stream.ToArray();
    }
}
