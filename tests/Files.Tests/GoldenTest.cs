using System.Text;
using ParServerless.Files.Tests.Support;

namespace ParServerless.Files.Tests;

/// <summary>Pins the complete text of two reports, Vietnamese and English: wording, order and locations are part of the contract.</summary>
public class GoldenTest
{
    [Fact]
    public void Read_SelfAssessmentWithManyProblems_GivesPinnedReport()
    {
        var c = Corpus.All["xlsx/self/many-problems"];
        var text = SubmissionReader.Read(c.Request, c.Bytes, TestData.Scheme, TestData.Units, c.Limits).Report.ToText();
        Assert.Equal(GoldenSelf, text);
    }

    [Fact]
    public void Read_BonusPenaltyCsvWithProblems_GivesPinnedReport()
    {
        var csv = "#kind=BonusPenalty\n#year=2025\nMã đơn vị;Điểm thưởng (+) / trừ (−);Lý do\n"
                  + "SO-TP;1,5;Sáng kiến được công nhận\n"
                  + "SO-TP;1;Giải thưởng cấp tỉnh\n"
                  + "SO-NV;-0,125;Chậm báo cáo\n"
                  + "SO-XX;1;Không rõ đơn vị\n"
                  + "SO-NV;1.234,5;Số không rõ\n"
                  + "SO-NV;-1;" + "Chậm nộp hồ sơ".Normalize(NormalizationForm.FormD) + "\n"
                  + "SO-NV;-0,5;=1+1\n"
                  + "SO-NV;2;\n";
        var request = new SubmissionRequest(2025, FileKind.BonusPenalty, "thuong-tru.csv");
        var text = SubmissionReader.Read(request, Encoding.UTF8.GetBytes(csv), TestData.Scheme, TestData.Units).Report.ToText();
        Assert.Equal(GoldenBonus, text);
    }

    private const string GoldenSelf = """
    REJECTED: 5 error(s), 0 warning(s)
    ERROR PAR-E021 [sheet=_meta row=3 column=B field=year] Tệp dành cho năm 2024, nhưng được gửi cho năm 2025. | The file is for year 2024, but it was uploaded for year 2025.
    ERROR PAR-E042 [sheet=Dữ liệu row=6 column=D criterion=1.1.1] Điểm 6 vượt điểm tối đa 5 của tiêu chí 1.1.1. | The mark 6 is above the maximum 5 of criterion 1.1.1.
    ERROR PAR-E040 [sheet=Dữ liệu row=8 column=D criterion=1.2] 'x' không phải là số. | 'x' is not a number.
    ERROR PAR-E035 [sheet=Dữ liệu row=16 column=D criterion=4.2] Tiêu chí '4.2' được chấm bằng điều tra xã hội học; không tự chấm hoặc thẩm định điểm cho tiêu chí này. | Criterion '4.2' is scored by the survey; it is never self-scored or appraised.
    ERROR PAR-E031 [sheet=Dữ liệu criterion=3.2] Thiếu tiêu chí '3.2' (Tiếp nhận, giải quyết phản ánh, kiến nghị) của đơn vị 'SO-TP'. | Criterion '3.2' is missing for unit 'SO-TP'.
    """;

    private const string GoldenBonus = """
    REJECTED: 5 error(s), 2 warning(s)
    ERROR PAR-E050 [row=5] Tổng điểm thưởng của đơn vị 'SO-TP' là 2,5 tính đến dòng này, vượt mức tối đa 2 của bộ chỉ số. | The bonus of unit 'SO-TP' reaches 2.5 at this line, above the scheme's cap of 2.
    ERROR PAR-E043 [row=6 column=Điểm thưởng (+) / trừ (−)] Điểm -0,125 có nhiều hơn 2 chữ số thập phân theo quy định của bộ chỉ số. | The mark -0.125 has more than the 2 decimals the scheme allows.
    ERROR PAR-E023 [row=7 column=Mã đơn vị] Mã đơn vị 'SO-XX' không có trong danh sách đơn vị được đánh giá. | Unit code 'SO-XX' is not in the list of evaluated units.
    ERROR PAR-E044 [row=8 column=Điểm thưởng (+) / trừ (−)] '1.234,5' không rõ là số nào: điểm không dùng dấu phân cách hàng nghìn. Hãy ghi một dấu thập phân duy nhất, ví dụ 87,55 hoặc 87.55. | '1.234,5' is ambiguous: marks have no thousands separator. Write a single decimal separator, e.g. 87,55 or 87.55.
    WARN  PAR-E061 [row=10 column=Lý do] Nội dung bắt đầu bằng ký tự '=' (có thể bị bảng tính hiểu là công thức). Hệ thống lưu đúng nguyên văn dưới dạng chữ và vô hiệu hóa khi xuất tệp. | The text starts with '=', which a spreadsheet may run as a formula. It is stored as plain text and neutralised in every export.
    ERROR PAR-E052 [row=11] Mỗi dòng điểm thưởng/điểm trừ cần số điểm khác 0 (dương là thưởng, âm là trừ) và lý do. | Each bonus/penalty line needs non-zero points (positive for a bonus, negative for a penalty) and a reason.
    WARN  PAR-E060 [row=9 column=Lý do] 1 ô chữ được gõ ở dạng Unicode tổ hợp (NFD) và đã được chuẩn hóa về dạng dựng sẵn (NFC); nội dung không đổi. | 1 text cell(s) were in decomposed Unicode (NFD) and were normalised to NFC; the content is unchanged.
    """;
}
