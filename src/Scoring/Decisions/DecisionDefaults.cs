using System.Globalization;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Decisions;

/// <summary>The default texts of <see cref="DecisionSettings"/> (documented in docs/DECISION.md).</summary>
internal static class DecisionDefaults
{
    /// <summary>The 2025 Law on Organisation of Local Government (two-tier local government) took effect on this day.</summary>
    private static readonly DateOnly TwoTierLaw = new(2025, 7, 1);

    public static string ProvinceTitle(DecisionSettings s) => $"{s.ProvinceKind} {s.Province}";

    public static IReadOnlyList<string> IssuingBody(DecisionSettings s) =>
        ["ỦY BAN NHÂN DÂN", Upper(ProvinceTitle(s))];

    public static string Authority(DecisionSettings s) => "ỦY BAN NHÂN DÂN " + Upper(ProvinceTitle(s));

    public static string Subject(int year, IReadOnlyList<UnitGroup> groups) =>
        Invariant($"Về việc công bố Chỉ số cải cách hành chính năm {year} của {GroupsPhrase(groups)}");

    /// <summary>Group names as a phrase: "các sở, ban, ngành và UBND các huyện, thị xã, thành phố".</summary>
    public static string GroupsPhrase(IReadOnlyList<UnitGroup> groups)
    {
        var names = groups.Select(g => LowerFirstWord(g.Name)).ToArray();
        return names.Length switch
        {
            0 => "các cơ quan, đơn vị",
            1 => names[0],
            2 => names[0] + " và " + names[1],
            _ => string.Join("; ", names),
        };
    }

    /// <summary>"Các sở" → "các sở"; an acronym such as "UBND" keeps its capitals.</summary>
    public static string LowerFirstWord(string name)
    {
        var first = name.Split(' ')[0];
        return first.Length > 1 && first.Skip(1).All(char.IsLower) ? char.ToLower(name[0], CultureInfo.GetCultureInfo("vi-VN")) + name[1..] : name;
    }

    /// <summary>The căn cứ lines: two laws chosen by date and year, then the configurable instruments (gaps marked).</summary>
    public static IReadOnlyList<string> LegalBases(DecisionSettings s, int year, DateOnly date, string schemeName)
    {
        var lines = new List<string>();
        lines.Add(date >= TwoTierLaw
            ? "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
            : "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019");
        lines.Add(year >= 2021
            ? "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030"
            : "Căn cứ Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020");
        lines.AddRange(DecisionLegalBases.Resolve(s, year, schemeName)
            .Where(b => b.Slot != DecisionLegalBases.SubmissionSlot)
            .Select(b => DecisionLegalBases.Line(b.Slot, b.Reference)));
        return lines;
    }

    public static string Proposal(DecisionSettings s, int year)
    {
        var (slot, reference) = DecisionLegalBases.Resolve(s, year).Single(b => b.Slot == DecisionLegalBases.SubmissionSlot);
        return DecisionLegalBases.ProposalLine(slot, reference);
    }

    public static IReadOnlyList<string> Article2(int year) =>
    [
        Invariant($"Thủ trưởng các cơ quan, đơn vị có tên tại Điều 1 căn cứ kết quả Chỉ số cải cách hành chính năm {year} phân tích, đánh giá những tiêu chí, tiêu chí thành phần chưa đạt điểm tối đa, xác định nguyên nhân và đề ra giải pháp khắc phục trong kế hoạch cải cách hành chính năm {year + 1}."),
        Invariant($"Kết quả Chỉ số cải cách hành chính năm {year} là một trong những căn cứ để đánh giá, xếp loại mức độ hoàn thành nhiệm vụ của người đứng đầu cơ quan, đơn vị và xét thi đua, khen thưởng năm {year}."),
        "Sở Nội vụ có trách nhiệm theo dõi, đôn đốc, hướng dẫn các cơ quan, đơn vị khắc phục những hạn chế, tồn tại đã được chỉ ra.",
    ];

    public static IReadOnlyList<string> Article3(DecisionSettings s) =>
    [
        "Quyết định này có hiệu lực kể từ ngày ký.",
        $"Chánh Văn phòng Ủy ban nhân dân {s.ProvinceKind}, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có tên tại Điều 1 và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
    ];

    public static IReadOnlyList<string> Recipients(DecisionSettings s) =>
    [
        "Như Điều 3;",
        "Bộ Nội vụ (để báo cáo);",
        $"TT {Short(s)} ủy, TT HĐND {s.ProvinceKind} (để báo cáo);",
        $"CT, các PCT UBND {s.ProvinceKind};",
        $"Cổng Thông tin điện tử {s.ProvinceKind};",
        "Lưu: VT, SNV.",
    ];

    /// <summary>"Tỉnh" or "Thành": the party committee is the Tỉnh ủy or the Thành ủy.</summary>
    private static string Short(DecisionSettings s) => s.ProvinceKind.StartsWith("thành", StringComparison.Ordinal) ? "Thành" : "Tỉnh";

    public static string Upper(string text) => text.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    public static string Roman(int n)
    {
        var numerals = new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") };
        var text = "";
        foreach (var (value, symbol) in numerals)
            while (n >= value) { text += symbol; n -= value; }
        return text;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
