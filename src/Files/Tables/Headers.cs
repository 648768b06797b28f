using System.Text;
using ParServerless.Scoring;

namespace ParServerless.Files.Tables;

/// <summary>Header texts: the Vietnamese ones templates write, the machine keys of CSV/JSON, and a few common variants.</summary>
internal static class Headers
{
    private static readonly Dictionary<string, Column> Aliases = Build();

    public static Column Recognise(string? header) =>
        header is null ? Column.None : Aliases.GetValueOrDefault(Key(header), Column.None);

    /// <summary>Template header (Vietnamese) of a column in a file kind.</summary>
    public static string Vietnamese(Column column, FileKind kind) => column switch
    {
        Column.Unit => "Mã đơn vị",
        Column.Code => "Mã",
        Column.Name => "Nội dung",
        Column.Maximum => "Điểm tối đa",
        Column.Points => kind switch
        {
            FileKind.SelfAssessment => "Điểm tự đánh giá",
            FileKind.Appraisal => "Điểm thẩm định",
            FileKind.Survey => "Điểm ĐTXHH",
            _ => "Điểm thưởng (+) / trừ (−)",
        },
        Column.Percent => "Tỷ lệ hài lòng (%)",
        Column.Note => kind switch
        {
            FileKind.SelfAssessment => "Giải trình, ghi chú",
            FileKind.Appraisal => "Ý kiến thẩm định",
            _ => "Nội dung giải trình",
        },
        Column.Evidence => kind == FileKind.Explanation ? "Tài liệu kiểm chứng bổ sung" : "Tài liệu kiểm chứng",
        Column.Reason => "Lý do",
        Column.UnitName => "Tên đơn vị",
        Column.Group => "Khối",
        Column.Total => "Tổng điểm",
        Column.Rank => "Vị thứ",
        Column.Band => "Xếp loại",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>Machine key of a column, used as CSV header and JSON property.</summary>
    public static string Machine(Column column) => column switch
    {
        Column.Unit => "unit",
        Column.Code => "code",
        Column.Name => "name",
        Column.Maximum => "max",
        Column.Points => "points",
        Column.Percent => "percent",
        Column.Note => "note",
        Column.Evidence => "evidence",
        Column.Reason => "reason",
        Column.UnitName => "unitName",
        Column.Group => "group",
        Column.Total => "total",
        Column.Rank => "rank",
        Column.Band => "band",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>Normal form for matching: NFC, lower case, single spaces.</summary>
    internal static string Key(string header)
    {
        var sb = new StringBuilder(header.Length);
        var space = false;
        foreach (var ch in Text.Nfc(header).Trim())
        {
            if (char.IsWhiteSpace(ch)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    private static Dictionary<string, Column> Build()
    {
        var map = new Dictionary<string, Column>(StringComparer.Ordinal);
        void Add(Column c, params string[] names)
        {
            foreach (var n in names) map[Key(n)] = c;
        }
        foreach (var c in Enum.GetValues<Column>().Where(c => c != Column.None))
        {
            Add(c, Machine(c));
            foreach (var k in Enum.GetValues<FileKind>().Where(k => k != FileKind.Invalid))
                Add(c, Vietnamese(c, k));
        }
        Add(Column.Unit, "unit code", "unitcode", "đơn vị (mã)");
        Add(Column.Code, "mã tiêu chí", "criterion", "criterion code");
        Add(Column.Name, "tiêu chí", "tên tiêu chí", "criterion name");
        Add(Column.Maximum, "maximum", "điểm chuẩn");
        Add(Column.Points, "điểm", "score", "điểm thẩm định lần 1", "điểm thẩm định lần 2", "điểm điều tra", "điểm sipas",
            "điểm thưởng/trừ", "điểm cộng/trừ", "điểm thưởng", "điểm trừ");
        Add(Column.Percent, "tỷ lệ (%)", "tỷ lệ hài lòng", "tỉ lệ hài lòng (%)", "satisfaction");
        Add(Column.Note, "ghi chú", "giải trình", "explanation", "ý kiến", "appraiser note");
        Add(Column.Evidence, "tài liệu bổ sung", "tlkc");
        Add(Column.Reason, "lý do thưởng/trừ", "căn cứ");
        Add(Column.UnitName, "đơn vị", "tên cơ quan, đơn vị");
        Add(Column.Total, "tổng", "chỉ số", "chỉ số (%)", "index");
        Add(Column.Rank, "xếp hạng", "thứ hạng");
        return map;
    }
}
