using ParServerless.Scoring.Problems;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Containers;

/// <summary>The coded problem for each bound a read can hit mid-stream.</summary>
internal static class LimitProblems
{
    private static long Seconds(FileLimits limits) => (long)Math.Ceiling(limits.MaxReadTime.TotalSeconds);

    public static void Report(ProblemBag bag, LimitExceededException e, FileLimits limits)
    {
        switch (e.Limit)
        {
            case Limit.CellsPerRow:
                bag.Error(TooManyCells, Location.Whole,
                    $"Một dòng của tệp có quá {limits.MaxCellsPerRow} ô (trường); tệp không được đọc tiếp để bảo vệ hệ thống.",
                    $"A row of the file holds more than {limits.MaxCellsPerRow} cells (fields); reading stopped, to protect the system.");
                break;
            case Limit.Cells:
                bag.Error(TooManyCells, Location.Whole,
                    $"Bảng tính có quá {limits.MaxCells} ô; tệp không được đọc tiếp để bảo vệ hệ thống.",
                    $"The workbook holds more than {limits.MaxCells} cells; reading stopped, to protect the system.");
                break;
            case Limit.SharedStrings:
                bag.Error(SharedStringsTooLarge, Location.Whole,
                    $"Bảng chuỗi dùng chung của tệp .xlsx vượt giới hạn ({limits.MaxSharedStrings} chuỗi, {limits.MaxSharedStringChars} ký tự); tệp không được đọc tiếp.",
                    $"The .xlsx shared-string table is over its limits ({limits.MaxSharedStrings} strings, {limits.MaxSharedStringChars} characters); reading stopped.");
                break;
            case Limit.Time:
                bag.Error(ReadTooLong, Location.Whole,
                    $"Việc đọc tệp vượt quá thời gian cho phép ({Seconds(limits)} giây); tệp không được đọc tiếp. Hãy chia nhỏ tệp hoặc dùng mẫu do hệ thống tạo.",
                    $"Reading the file took longer than allowed ({Seconds(limits)} s); reading stopped. Split the file or use the generated template.");
                break;
            case Limit.TotalText:
                bag.Error(TooMuchText, Location.Whole,
                    $"Các dòng dữ liệu chứa quá {limits.MaxTotalTextChars} ký tự chữ; tệp không được đọc tiếp.",
                    $"The data rows hold more than {limits.MaxTotalTextChars} characters of text; reading stopped.");
                break;
            default:
                bag.Error(DecompressedTooLarge, Location.Whole,
                    $"Dữ liệu giải nén của tệp .xlsx lớn hơn kích thước khai báo hoặc vượt giới hạn {limits.MaxDecompressedBytes} byte (dấu hiệu zip bomb).",
                    $"The .xlsx archive decompresses to more than it declares or than the limit of {limits.MaxDecompressedBytes} bytes (a zip bomb).");
                break;
        }
    }
}
