using System.Globalization;
using ParServerless.Files.Workflow;
using ParServerless.Scoring.Problems;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Validation;

/// <summary>Checks the template metadata (hidden sheet, '#' lines or JSON fields) against the scheme and the upload's claims.</summary>
internal static class MetadataCheck
{
    /// <summary>Metadata keys, as templates write them.</summary>
    internal static class Keys
    {
        public const string SchemeId = "schemeId";
        public const string SchemeVersion = "schemeVersion";
        public const string Year = "year";
        public const string Group = "group";
        public const string Unit = "unit";
        public const string Kind = "kind";
        public const string Round = "round";
    }

    public static void Run(ReadContext ctx, FileFormat format)
    {
        var table = ctx.Table;
        var request = ctx.Request;
        var bag = ctx.Bag;
        if (!table.HasMeta)
        {
            if (format == FileFormat.Xlsx)
                bag.Warning(NoMetadata, Location.Whole,
                    "Bảng tính không có trang thông tin ẩn của mẫu; hệ thống đọc theo tên cột. Nên dùng mẫu do hệ thống tạo để tránh nhầm bộ chỉ số, năm hoặc khối.",
                    "The workbook has no hidden template metadata sheet; it is read by its column headers. Use the generated template to avoid a wrong scheme, year or group.");
        }
        else
        {
            CheckScheme(ctx);
            if (Int(ctx, Keys.Year) is { } year && year != request.Year)
                bag.Error(YearDisagrees, table.Meta[Keys.Year].Where,
                    $"Tệp dành cho năm {year}, nhưng được gửi cho năm {request.Year}.",
                    $"The file is for year {year}, but it was uploaded for year {request.Year}.");
            if (Get(table, Keys.Kind) is { } kindText)
            {
                var where = table.Meta[Keys.Kind].Where;
                if (!Enum.TryParse<FileKind>(kindText, ignoreCase: true, out var kind) || kind == FileKind.Invalid
                    || !Enum.IsDefined(kind) || kindText.All(char.IsDigit))
                    BadValue(ctx, Keys.Kind, kindText);
                else if (kind != request.Kind)
                    bag.Error(KindMismatch, where,
                        $"Đây là mẫu {KindName(kind)}, nhưng được gửi làm {KindName(request.Kind)}.",
                        $"This is a {kind} template, but it was uploaded as {request.Kind}.");
            }
            if (request.Kind == FileKind.Appraisal && Int(ctx, Keys.Round) is { } round && request.Round is { } claimed && round != claimed)
                bag.Error(RoundDisagrees, table.Meta[Keys.Round].Where,
                    $"Tệp dành cho thẩm định lần {round}, nhưng được gửi cho lần {claimed}.",
                    $"The file is for appraisal round {round}, but it was uploaded for round {claimed}.");
            ctx.MetaGroup = Get(table, Keys.Group);
        }

        var claimedUnit = string.IsNullOrWhiteSpace(request.UnitCode) ? null : request.UnitCode.Trim();
        var metaUnit = Get(table, Keys.Unit);
        if (metaUnit is not null && claimedUnit is not null && metaUnit != claimedUnit)
            bag.Error(UnitDisagrees, table.Meta[Keys.Unit].Where,
                $"Tệp dành cho đơn vị '{metaUnit}', nhưng được gửi cho đơn vị '{claimedUnit}'.",
                $"The file is for unit '{metaUnit}', but it was uploaded for unit '{claimedUnit}'.");
        ctx.DefaultUnit = claimedUnit ?? metaUnit;
    }

    /// <summary>Vietnamese name of a file kind, for messages.</summary>
    public static string KindName(FileKind kind) => kind == FileKind.Invalid || !Enum.IsDefined(kind) ? "không xác định" : WorkflowSteps.OfKind(kind).KindVietnamese;

    private static void CheckScheme(ReadContext ctx)
    {
        var id = Get(ctx.Table, Keys.SchemeId);
        var version = Int(ctx, Keys.SchemeVersion);
        if (id is null && version is null) return;
        var scheme = ctx.Scheme.Ref;
        if (id != scheme.Id || version != scheme.Version)
        {
            var where = ctx.Table.Meta.TryGetValue(Keys.SchemeId, out var m) ? m.Where : ctx.Table.Meta[Keys.SchemeVersion].Where;
            var stated = FormattableString.Invariant($"{id ?? "?"}@v{version?.ToString(CultureInfo.InvariantCulture) ?? "?"}");
            ctx.Bag.Error(SchemeMismatch, where,
                $"Mẫu được tạo theo bộ chỉ số {stated}, nhưng năm nay chấm theo {scheme}. Hãy tải mẫu mới và nhập lại điểm.",
                $"The template was made for scheme {stated}, but this year is scored with {scheme}. Download the new template and enter the marks again.");
        }
    }

    private static string? Get(Tables.RawTable table, string key) =>
        table.Meta.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.Value) ? v.Value.Trim() : null;

    private static int? Int(ReadContext ctx, string key)
    {
        if (Get(ctx.Table, key) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        BadValue(ctx, key, text);
        return null;
    }

    private static void BadValue(ReadContext ctx, string key, string text) =>
        ctx.Bag.Error(BadMetadata, ctx.Table.Meta[key].Where,
            $"Thông tin mẫu '{key}' có giá trị không hợp lệ: '{Printable(text)}'. Không sửa trang thông tin ẩn của mẫu.",
            $"Template metadata '{key}' has an invalid value: '{Printable(text)}'. Do not edit the template's hidden sheet.");

    private static string Printable(string text) => text.Replace("\u0000", "", StringComparison.Ordinal);
}
