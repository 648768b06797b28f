using System.Xml;
using ParServerless.Files.Containers;
using ParServerless.Files.Tables;
using ParServerless.Scoring.Problems;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Xlsx;

/// <summary>Reads an xlsx score file: the template's hidden metadata sheet, then the first other sheet as the table.</summary>
internal static class XlsxTableReader
{
    /// <summary>Name of the hidden sheet that templates carry their metadata in.</summary>
    public const string MetaSheet = "_meta";

    public static RawTable? Read(ReadOnlyMemory<byte> bytes, ReadBudget budget, ProblemBag bag)
    {
        var limits = budget.Limits;
        try
        {
            using var package = XlsxPackage.Open(bytes, limits, bag, budget);
            return package is null ? null : ReadTable(package, budget, bag);
        }
        catch (LimitExceededException e)
        {
            LimitProblems.Report(bag, e, limits);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or NotSupportedException)
        {
            bag.Error(Unreadable, Location.Whole,
                "Nội dung bảng tính bị hỏng, không đọc được. Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi gửi lại.",
                "The workbook's content is damaged and cannot be read. Open it in Excel, save it again as .xlsx and upload it again.");
        }
        return null;
    }

    private static RawTable? ReadTable(XlsxPackage package, ReadBudget budget, ProblemBag bag)
    {
        var table = new RawTable();
        var meta = package.Sheets.FirstOrDefault(s => s.Name == MetaSheet);
        if (meta is not null && package.HasPart(meta.Path))
        {
            table.HasMeta = true;
            using var reader = package.OpenXml(meta.Path);
            SheetReader.Read(reader, package.SharedStrings, budget, (row, cells) =>
            {
                var key = cells.FirstOrDefault(c => c.Column == 0).Value;
                var value = cells.FirstOrDefault(c => c.Column == 1).Value;
                if (!string.IsNullOrWhiteSpace(key))
                    table.AddMeta(key.Trim(), value?.Trim() ?? "", new Location(MetaSheet, row, "B", Field: key.Trim()), bag);
                return row < 100;
            });
        }
        var data = package.Sheets.FirstOrDefault(s => s.Name != MetaSheet);
        if (data is null || !package.HasPart(data.Path))
        {
            bag.Error(Empty, Location.Whole,
                "Bảng tính không có trang dữ liệu nào.", "The workbook has no data sheet.");
            return null;
        }
        var builder = new TableBuilder(table, bag, budget, data.Name, firstRowIsHeader: false);
        using (var reader = package.OpenXml(data.Path))
            SheetReader.Read(reader, package.SharedStrings, budget, builder.AddRow);
        if (!builder.HeaderFound)
        {
            bag.Error(MissingColumn, new Location(data.Name),
                $"Không tìm thấy dòng tiêu đề trong trang '{data.Name}' (cần các cột như 'Mã', 'Điểm tự đánh giá'…). Hãy dùng mẫu do hệ thống tạo.",
                $"No header row was found in sheet '{data.Name}' (columns such as 'Mã', 'Điểm tự đánh giá' are expected). Use the template the system generates.");
            return null;
        }
        return table;
    }
}
