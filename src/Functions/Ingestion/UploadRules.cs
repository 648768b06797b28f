using System.Globalization;
using ParServerless.Files;
using ParServerless.Functions.Registry;
using ParServerless.Scoring.Problems;

namespace ParServerless.Functions.Ingestion;

/// <summary>Whether a year takes an upload of a kind at a moment: the same rule at the API (refusal) and at ingestion (rejection report).</summary>
public static class UploadRules
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <returns>Null when accepted, else a report coded PAR-I003 (year published) or PAR-I004 (outside the round's window).</returns>
    public static ValidationReport? Check(YearRecord year, FileKind kind, int? round, DateTimeOffset at)
    {
        var bag = new ProblemBag();
        if (year.Status == YearStatus.Published && kind != FileKind.PublishedResults)
        {
            bag.Error("PAR-I003", Location.Whole,
                $"Kết quả năm {year.Year} đã được công bố; không nhận thêm tệp.", $"Results of {year.Year} are published; no more uploads are taken.");
            return bag.ToReport();
        }
        var name = RoundNames.For(kind, round);
        var window = year.WindowFor(name);
        if (window.Accepts(at)) return null;
        var vn = TimeZoneInfo.ConvertTime(at, Vietnam);
        if (window.Deadline is { } deadline && at >= deadline)
        {
            var d = TimeZoneInfo.ConvertTime(deadline, Vietnam);
            bag.Error("PAR-I004", Location.Whole,
                $"Đợt '{RoundNames.Text(name)}' năm {year.Year} đã hết hạn nộp lúc {Show(d)} (giờ Việt Nam); tệp nộp lúc {Show(vn)} không được tiếp nhận.",
                $"The '{RoundNames.Text(name)}' round of {year.Year} closed at {Show(d)} (Vietnam time); the file uploaded at {Show(vn)} is not taken.");
        }
        else
        {
            var o = TimeZoneInfo.ConvertTime(window.Opens!.Value, Vietnam);
            bag.Error("PAR-I004", Location.Whole,
                $"Đợt '{RoundNames.Text(name)}' năm {year.Year} chưa mở; mở lúc {Show(o)} (giờ Việt Nam).",
                $"The '{RoundNames.Text(name)}' round of {year.Year} is not open yet; it opens at {Show(o)} (Vietnam time).");
        }
        return bag.ToReport();
    }

    private static string Show(DateTimeOffset t) => t.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
