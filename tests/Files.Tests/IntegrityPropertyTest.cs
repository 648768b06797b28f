using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using ParServerless.Files.Tables;
using ParServerless.Files.Tests.Support;
using ParServerless.Files.Validation;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Files.Tests;

/// <summary>
/// A mark is never read wrongly. For any valid marks, every format and dialect reads back the same marks; for any single-byte or
/// single-field corruption, the reader gives the same marks or a coded error, never other marks.
/// </summary>
public class IntegrityPropertyTest
{
    /// <summary>Every way of writing a score file the reader accepts.</summary>
    public enum Dialect
    {
        Xlsx = 0,
        XlsxTextNumbers,
        CsvSemicolonDecimalComma,
        CsvSemicolonDecimalPoint,
        CsvCommaDecimalPoint,
        CsvCommaQuotedDecimalComma,
        CsvSemicolonNoBomCrlf,
        CsvTextNumbers,
        Json,
        JsonTextNumbers,
    }

    private static readonly Dialect[] Dialects = Enum.GetValues<Dialect>();

    private static readonly string[] Notes =
    [
        "Đã thực hiện đầy đủ", "Có, nhưng \"chậm\" 2 ngày; đã giải trình", "Tài liệu đính kèm, xem mục 3", "- Đã tổ chức 3 hội nghị",
        "Ghi chú: 4,5 điểm", "", "Kế hoạch 45/KH-SNV",
    ];

    private static readonly (CriterionCode Code, decimal Max)[] Leaves =
        TestData.Scheme.LeavesFor("SO").Where(l => l.Node.Leaf!.Method == ScoringMethod.Appraised).Select(l => (l.Node.Code, Max: l.Maximum)).ToArray();

    /// <summary>Marks for every appraised leaf of a unit of group SO: 0 to the maximum, at most 2 decimals; some notes and evidence.</summary>
    private static readonly Gen<Doc> GenDoc =
        Gen.Select(Gen.Int[0, 1_000_000].Array[Leaves.Length], Gen.Int[0, Notes.Length - 1].Array[Leaves.Length], Gen.Bool.Array[Leaves.Length])
            .Select((points, notes, evidence) =>
            {
                var doc = Doc.SelfAssessment(TestData.Justice);
                for (var i = 0; i < Leaves.Length; i++)
                {
                    var row = doc.Row(Leaves[i].Code.Value);
                    row[Column.Points] = points[i] % (int)(Leaves[i].Max * 100 + 1) / 100m;
                    row[Column.Note] = Notes[notes[i]].Length == 0 ? null : Notes[notes[i]];
                    row[Column.Evidence] = evidence[i] ? new[] { "QĐ số 12/QĐ-UBND", "Báo cáo 7/BC-STP; phụ lục" } : null;
                }
                return doc;
            });

    private static (byte[] Bytes, string FileName) Write(Doc doc, Dialect dialect)
    {
        Doc Texts() => doc.Also(d =>
        {
            foreach (var r in d.Rows)
                if (r.GetValueOrDefault(Column.Points) is decimal p) r[Column.Points] = p.ToString(CultureInfo.InvariantCulture).Replace('.', ',');
        });
        return dialect switch
        {
            Dialect.Xlsx => (doc.ToXlsx(), "a.xlsx"),
            Dialect.XlsxTextNumbers => (Texts().ToXlsx(), "a.xlsx"),
            Dialect.CsvSemicolonDecimalComma => (doc.ToCsv(';', decimalComma: true), "a.csv"),
            Dialect.CsvSemicolonDecimalPoint => (doc.ToCsv(';', decimalComma: false), "a.csv"),
            Dialect.CsvCommaDecimalPoint => (doc.ToCsv(',', decimalComma: false, bom: false), "a.csv"),
            Dialect.CsvCommaQuotedDecimalComma => (doc.ToCsv(',', decimalComma: true), "a.csv"),
            Dialect.CsvSemicolonNoBomCrlf => (Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(doc.ToCsv(';', bom: false)).Replace("\n", "\r\n", StringComparison.Ordinal)), "a.csv"),
            Dialect.CsvTextNumbers => (Texts().ToCsv(';'), "a.csv"),
            Dialect.Json => (doc.ToJson(), "a.json"),
            _ => (Texts().ToJson(), "a.json"),
        };
    }

    private static SubmissionOutcome Read(byte[] bytes, string fileName) =>
        SubmissionReader.Read(new SubmissionRequest(2025, FileKind.SelfAssessment, fileName, "SO-TP"), bytes, TestData.Scheme, TestData.Units);

    /// <summary>Criterion → points, as read.</summary>
    private static string Marks(SubmissionOutcome outcome) =>
        string.Join(' ', outcome.Sheets.SelectMany(s => s.Leaves).Select(l => l.Criterion + "=" + Describe.Num(l.Points)));

    private static string Marks(IReadOnlyDictionary<string, decimal?> marks) =>
        string.Join(' ', Leaves.Select(l => l.Code + "=" + Describe.Num(marks[l.Code.Value])));

    private static Dictionary<string, decimal?> Expected(Doc doc) =>
        Leaves.ToDictionary(l => l.Code.Value, l => (decimal?)doc.Row(l.Code.Value)[Column.Points]);

    [Fact]
    public void Read_AnyMarksInAnyDialect_GivesTheSameMarks()
    {
        Gen.Select(GenDoc, Gen.Int[0, Dialects.Length - 1]).Sample((doc, d) =>
        {
            var (bytes, name) = Write(doc, Dialects[d]);
            var outcome = Read(bytes, name);

            Assert.True(outcome.Accepted, Dialects[d] + "\n" + outcome.Report.ToText());
            Assert.Equal(Marks(Expected(doc)), Marks(outcome));
            var xlsx = Read(doc.ToXlsx(), "a.xlsx");
            Assert.Equal(Describe.Sheets(xlsx.Sheets), Describe.Sheets(outcome.Sheets));
        }, iter: 300, threads: 1);
    }

    private static readonly byte[] HostileBytes = "\n\r;,\"' \t#={}[]:-+e\0"u8.ToArray().Concat(new byte[] { 0xFF, 0xC3, 0xEF }).ToArray();

    /// <summary>
    /// Changes no reader can tell from an honest edit are left out: a digit replaced, removed or inserted ("25" for "2,5"), and a
    /// decimal separator removed or inserted between digits. Every other single byte may change.
    /// </summary>
    private static bool TurnsOneMarkIntoAnother(byte[] bytes, int op, int at, byte value)
    {
        static bool Digit(byte[] b, int i) => i >= 0 && i < b.Length && b[i] is >= (byte)'0' and <= (byte)'9';
        return op switch
        {
            0 or 2 => Digit(bytes, at) || bytes[at] is (byte)'.' or (byte)',' && Digit(bytes, at - 1) && Digit(bytes, at + 1),
            _ => value is (byte)'.' or (byte)',' && Digit(bytes, at - 1) && Digit(bytes, at),
        };
    }

    [Fact]
    public void Read_SingleByteCorruption_GivesTheSameMarksOrACodedError()
    {
        Gen.Select(GenDoc, Gen.Int[0, Dialects.Length - 1], Gen.Int[0, 2], Gen.Int, Gen.Int[0, HostileBytes.Length - 1]).Sample((doc, d, op, position, b) =>
        {
            var dialect = Dialects[d];
            var (bytes, name) = Write(doc, dialect);
            var at = (int)((uint)position % bytes.Length);
            var value = HostileBytes[b];
            if (dialect is not (Dialect.Xlsx or Dialect.XlsxTextNumbers) && TurnsOneMarkIntoAnother(bytes, op, at, value)) return;
            byte[] corrupted = op switch
            {
                0 => [.. bytes[..at], value, .. bytes[(at + 1)..]],
                1 => [.. bytes[..at], value, .. bytes[at..]],
                _ => [.. bytes[..at], .. bytes[(at + 1)..]],
            };
            var outcome = Read(corrupted, name);

            if (outcome.Accepted)
                Assert.True(Marks(Expected(doc)) == Marks(outcome), $"{dialect} op={op} at={at} byte={value}\n{outcome.Report.ToText()}\n{Marks(outcome)}");
            else
                Assert.All(outcome.Report.Problems, p => Assert.Matches("^PAR-E[0-9]{3}$", p.Code));
        }, iter: 3000, threads: 1);
    }

    private static readonly string[] HostileFields =
    [
        "1,5", "1.5", "4,5,6", "\"4,5", "4\"5", "\"4,5\"x", "\"4,5\"", " \"2\" ", "1e-400", "1e3", "NaN", "Infinity", "1.234,5", "1 234",
        "", " ", "ok,", ";", "\n", "\r", "\r\n", "#year=2024", "=1+1", "-1", "+2", "0,001", "99", "\"\"", ",,", ";;", "\t5", "5\t",
        "٥", "５", "0x10", "1_000", "1.1.1", "3", "{}", "[]", "true", "null", "-0", "2.50000000000000000000000000001", "\"1.234,5\"",
        "1E1", "01", "\"\\u0035\"", "\"5\"", "4,5\n1.2;9;;", "\"a\"\"b\"",
    ];

    private static readonly Column[] FieldColumns = [Column.Code, Column.Points, Column.Note, Column.Evidence];

    [Fact]
    public void Read_SingleFieldCorruption_GivesTheSameMarksOrACodedError()
    {
        Gen.Select(GenDoc, Gen.Int[0, Dialects.Length - 1], Gen.Int[0, Leaves.Length - 1], Gen.Int[0, FieldColumns.Length - 1], Gen.Int[0, HostileFields.Length - 1])
            .Sample((doc, d, leaf, c, h) =>
            {
                var dialect = Dialects[d];
                var code = Leaves[leaf].Code.Value;
                var column = FieldColumns[c];
                var hostile = HostileFields[h];
                var corrupted = doc.Also(x => x.Row(code)[column] = new Raw(hostile));
                var (bytes, name) = Write(corrupted, dialect is Dialect.XlsxTextNumbers or Dialect.CsvTextNumbers or Dialect.JsonTextNumbers ? dialect - 1 : dialect);
                var outcome = Read(bytes, name);

                var expected = Expected(doc);
                var mustFail = false;
                if (column == Column.Points)
                {
                    var mark = Oracle(hostile, dialect, out var invalid);
                    mustFail = invalid || mark is { } m && (m < 0 || m > Leaves[leaf].Max || decimal.Round(m, 2) != m);
                    expected[code] = mark;
                }
                var because = $"{dialect} {code} {column} [{hostile}]\n{outcome.Report.ToText()}";
                if (mustFail) Assert.False(outcome.Accepted, because);
                if (outcome.Accepted) Assert.True(Marks(expected) == Marks(outcome), because + "\n" + Marks(outcome));
                else Assert.All(outcome.Report.Problems, p => Assert.Matches("^PAR-E[0-9]{3}$", p.Code));
            }, iter: 3000, threads: 1);
    }

    /// <summary>The mark a raw field means by the documented grammar (null when blank); <paramref name="invalid"/> when it means none.</summary>
    private static decimal? Oracle(string raw, Dialect dialect, out bool invalid)
    {
        invalid = false;
        string text;
        switch (dialect)
        {
            case Dialect.Xlsx or Dialect.XlsxTextNumbers:
                text = raw;
                break;
            case Dialect.Json or Dialect.JsonTextNumbers:
                try
                {
                    using var json = JsonDocument.Parse(raw);
                    var e = json.RootElement;
                    if (e.ValueKind == JsonValueKind.Null) return null;
                    if (e.ValueKind == JsonValueKind.Number)
                        return e.TryGetDecimal(out var n) && Json.JsonPrescan.IsExactDecimal(Encoding.UTF8.GetBytes(raw)) ? n : Invalid(out invalid);
                    if (e.ValueKind != JsonValueKind.String) return Invalid(out invalid);
                    text = e.GetString()!;
                }
                catch (JsonException)
                {
                    return Invalid(out invalid);
                }
                break;
            default:
                var sep = dialect is Dialect.CsvCommaDecimalPoint or Dialect.CsvCommaQuotedDecimalComma ? ',' : ';';
                var t = raw.Trim(' ', '\t');
                if (t.StartsWith('"'))
                {
                    if (t.Length < 2 || !t.EndsWith('"') || t[1..^1].Replace("\"\"", "", StringComparison.Ordinal).Contains('"', StringComparison.Ordinal))
                        return Invalid(out invalid);
                    text = t[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
                }
                else if (raw.IndexOfAny([sep, '"', '\r', '\n']) >= 0) return Invalid(out invalid);
                else text = raw;
                break;
        }
        if (string.IsNullOrWhiteSpace(text)) return null;
        return NumberText.Parse(text, out var value) == NumberParse.Ok ? value : Invalid(out invalid);
    }

    private static decimal? Invalid(out bool invalid)
    {
        invalid = true;
        return null;
    }
}
