using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Files.Tests.Support;

/// <summary>A small scheme with every shape the readers must handle: nested and childless criteria, decimal maxima,
/// a per-group maximum, a leaf that does not apply to one group, and survey leaves.</summary>
internal static class TestData
{
    public const string SchemeJsonText = """
    {
      "id": "TEST-PAR", "version": 3, "name": "Bộ chỉ số thử nghiệm", "fromYear": 2025, "toYear": 2025, "maximumTotal": 100,
      "groups": [ { "code": "SO", "name": "Các sở, ban, ngành" }, { "code": "XA", "name": "UBND các xã, phường" } ],
      "settings": { "bonusCap": 2, "penaltyCap": 5, "surveyPoints": 30, "decimals": 2 },
      "bands": [ { "name": "Xuất sắc", "lowerBound": 90 }, { "name": "Tốt", "lowerBound": 80 }, { "name": "Khá", "lowerBound": 0 } ],
      "criteria": [
        { "code": "1", "name": "Công tác chỉ đạo, điều hành cải cách hành chính", "children": [
          { "code": "1.1", "name": "Kế hoạch cải cách hành chính", "children": [
            { "code": "1.1.1", "name": "Ban hành kế hoạch đúng thời hạn", "max": 5 },
            { "code": "1.1.2", "name": "Mức độ hoàn thành kế hoạch", "max": 5 } ] },
          { "code": "1.2", "name": "Báo cáo cải cách hành chính định kỳ", "max": 10 } ] },
        { "code": "2", "name": "Cải cách thể chế", "children": [
          { "code": "2.1", "name": "Xây dựng và ban hành văn bản quy phạm pháp luật", "max": 20, "maxByGroup": { "XA": 15 } },
          { "code": "2.2", "name": "Theo dõi thi hành pháp luật", "max": 10 },
          { "code": "2.3", "name": "Hòa giải ở cơ sở", "max": 5, "maxByGroup": { "SO": null } } ] },
        { "code": "3", "name": "Cải cách thủ tục hành chính", "children": [
          { "code": "3.1", "name": "Công khai thủ tục hành chính", "max": 14.5 },
          { "code": "3.2", "name": "Tiếp nhận, giải quyết phản ánh, kiến nghị", "max": 5.5 } ] },
        { "code": "4", "name": "Tác động của cải cách hành chính", "children": [
          { "code": "4.1", "name": "Sự hài lòng của người dân (SIPAS)", "max": 20, "method": "Survey" },
          { "code": "4.2", "name": "Đánh giá của lãnh đạo, quản lý", "max": 10, "method": "Survey" } ] }
      ]
    }
    """;

    private static readonly Lazy<Scheme> Loaded = new(() =>
    {
        var checkedScheme = SchemeJson.Load(SchemeJsonText);
        return checkedScheme.Value ?? throw new InvalidOperationException(checkedScheme.Report.ToText());
    });

    public static Scheme Scheme => Loaded.Value;

    public static readonly Unit Justice = new("SO-TP", "Sở Tư pháp", "SO");
    public static readonly Unit HomeAffairs = new("SO-NV", "Sở Nội vụ", "SO");
    public static readonly Unit AnHoa = new("XA-AH", "UBND xã An Hòa", "XA");
    public static readonly Unit BinhMinh = new("XA-BM", "UBND phường Bình Minh", "XA");
    public static readonly Unit Orphan = new("KHAC-1", "Đơn vị khối khác", "KHAC");

    public static IReadOnlyList<Unit> Units { get; } = [Justice, HomeAffairs, AnHoa, BinhMinh, Orphan];

    public static IReadOnlyList<Unit> GroupUnits(string group) => Units.Where(u => u.GroupCode == group).ToArray();
}
