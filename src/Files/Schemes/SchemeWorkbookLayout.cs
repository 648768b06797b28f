namespace ParServerless.Files.Schemes;

/// <summary>Sheet names and labels of the scheme workbook (docs/FILES.md, "Scheme workbook").</summary>
internal static class SchemeWorkbookLayout
{
    public const string InfoSheet = "Thông tin";
    public const string GroupsSheet = "Khối";
    public const string CriteriaSheet = "Tiêu chí";
    public const string BandsSheet = "Xếp loại";

    public const string Id = "Mã bộ chỉ số";
    public const string Version = "Phiên bản";
    public const string Name = "Tên bộ chỉ số";
    public const string FromYear = "Từ năm";
    public const string ToYear = "Đến năm";
    public const string Sample = "Bộ chỉ số mẫu";
    public const string MaximumTotal = "Tổng điểm tối đa";
    public const string Decimals = "Số chữ số thập phân";
    public const string Rounding = "Làm tròn";
    public const string Ties = "Đồng hạng";
    public const string Conversion = "Quy đổi điểm điều tra";
    public const string BonusCap = "Điểm thưởng tối đa";
    public const string PenaltyCap = "Điểm trừ tối đa";
    public const string SurveyPoints = "Điểm điều tra";
    public const string Rescale = "Quy về thang 100 khi không điều tra";
    public const string CapTotal = "Không vượt tổng điểm tối đa";

    public const string GroupCode = "Mã khối";
    public const string GroupName = "Tên khối";

    public const string Code = "Mã";
    public const string NodeName = "Nội dung";
    public const string Maximum = "Điểm tối đa";
    public const string Method = "Phương pháp";
    public const string Guidance = "Hướng dẫn chấm";

    public const string BandGroup = "Khối";
    public const string BandName = "Xếp loại";
    public const string BandFrom = "Từ điểm";
    public const string BandColor = "Màu";

    public const string NotApplicable = "không áp dụng";
    public const string Yes = "Có";
    public const string No = "Không";

    public static bool IsNotApplicable(string text) =>
        Tables.Headers.Key(text) is "không áp dụng" or "kad" or "-" or "–" or "—" or "x" or "n/a";
}
