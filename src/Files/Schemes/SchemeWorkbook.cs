using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParServerless.Files.Containers;
using ParServerless.Files.Tables;
using ParServerless.Files.Templates;
using ParServerless.Files.Validation;
using ParServerless.Files.Xlsx;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Schemes;
using static ParServerless.Files.FileProblemCodes;
using ParServerless.Files.Schemes;
using static ParServerless.Files.Schemes.SchemeWorkbookLayout;
using Location = ParServerless.Scoring.Problems.Location;
using L = ParServerless.Files.Schemes.SchemeWorkbookLayout;

namespace ParServerless.Files;

/// <summary>
/// A scheme (bộ chỉ số) as an Excel workbook, so a Sở Nội vụ can write its own from the sample: sheets "Thông tin", "Khối",
/// "Tiêu chí" (Mã, Nội dung, Điểm tối đa, Phương pháp, one column per group, Hướng dẫn chấm) and "Xếp loại". docs/FILES.md shows an example.
/// </summary>
public static class SchemeWorkbook
{
    /// <summary>Reads and checks a scheme workbook: file problems are PAR-E…, scheme problems PAR-S… (from <see cref="SchemeValidator"/>).</summary>
    public static Checked<Scheme> Read(ReadOnlyMemory<byte> content, FileLimits? limits = null)
    {
        limits ??= FileLimits.Default;
        var bag = new ProblemBag();
        if (content.IsEmpty)
        {
            bag.Error(Empty, Location.Whole, "Tệp trống (0 byte).", "The file is empty (0 bytes).");
            return new Checked<Scheme>(null, bag.ToReport());
        }
        if (content.Length > limits.MaxBytes)
        {
            bag.Error(TooLarge, Location.Whole,
                $"Tệp có dung lượng {content.Length} byte, vượt giới hạn {limits.MaxBytes} byte.",
                $"The file is {content.Length} bytes, above the limit of {limits.MaxBytes} bytes.");
            return new Checked<Scheme>(null, bag.ToReport());
        }
        if (Sniffer.IsOle(content.Span))
        {
            bag.Error(EncryptedOrLegacy, Location.Whole,
                "Tệp được đặt mật khẩu hoặc là định dạng Excel cũ (.xls). Hãy bỏ mật khẩu và lưu dưới dạng .xlsx.",
                "The file is password-protected or an old Excel format (.xls). Remove the password and save it as .xlsx.");
            return new Checked<Scheme>(null, bag.ToReport());
        }
        SchemeDraft? draft = null;
        try
        {
            using var package = XlsxPackage.Open(content, limits, bag);
            if (package is not null) draft = SchemeWorkbookReader.Read(package, bag);
        }
        catch (LimitExceededException e)
        {
            LimitProblems.Report(bag, e, limits);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or NotSupportedException)
        {
            bag.Error(Unreadable, Location.Whole,
                "Nội dung bảng tính bị hỏng, không đọc được.", "The workbook's content is damaged and cannot be read.");
        }
        if (draft is null || bag.HasErrors) return new Checked<Scheme>(null, bag.ToReport());
        var result = SchemeValidator.Check(draft);
        return new Checked<Scheme>(result.Value, bag.ToReport().Concat(result.Report));
    }

    /// <summary>Writes a scheme as a workbook that <see cref="Read"/> reads back to the same scheme.</summary>
    public static byte[] Write(Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = document.AddWorkbookPart();
            wb.Workbook = new Workbook();
            wb.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build();
            var strings = new SharedStrings(wb.AddNewPart<SharedStringTablePart>());
            var sheets = wb.Workbook.AppendChild(new Sheets());
            uint id = 1;
            void AddSheet(string name, IEnumerable<IReadOnlyList<object?>> rows)
            {
                var part = wb.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint r = 0;
                foreach (var values in rows)
                {
                    r++;
                    var row = new Row { RowIndex = r };
                    for (var i = 0; i < values.Count; i++)
                    {
                        var reference = SheetReader.ColumnLetters(i) + r.ToString(CultureInfo.InvariantCulture);
                        var style = r == 1 ? XlsxStyles.Header : XlsxStyles.Plain;
                        switch (values[i])
                        {
                            case null: break;
                            case decimal d:
                                row.Append(new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) });
                                break;
                            case int n:
                                row.Append(new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) });
                                break;
                            default:
                                row.Append(strings.Cell(reference, values[i]!.ToString()!, style));
                                break;
                        }
                    }
                    data.Append(row);
                }
                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Name = name, SheetId = id, Id = wb.GetIdOfPart(part) });
                id++;
            }
            var s = scheme.Settings;
            AddSheet(InfoSheet, new List<IReadOnlyList<object?>>
            {
                new object?[] { "Thông tin", "Giá trị" },
                new object?[] { Id, scheme.Ref.Id }, new object?[] { L.Version, scheme.Ref.Version }, new object?[] { L.Name, scheme.Name },
                new object?[] { FromYear, scheme.FromYear }, new object?[] { ToYear, scheme.ToYear }, new object?[] { Sample, scheme.IsSample ? Yes : No },
                new object?[] { MaximumTotal, scheme.MaximumTotal }, new object?[] { Decimals, s.Decimals }, new object?[] { Rounding, s.Rounding.ToString() },
                new object?[] { Ties, s.Ties.ToString() }, new object?[] { Conversion, s.Conversion.ToString() }, new object?[] { BonusCap, s.BonusCap },
                new object?[] { PenaltyCap, s.PenaltyCap }, new object?[] { SurveyPoints, s.SurveyPoints < 0 ? null : s.SurveyPoints },
                new object?[] { Rescale, s.RescaleWhenNoSurvey ? Yes : No }, new object?[] { CapTotal, s.CapTotalAtMaximum ? Yes : No },
            });
            AddSheet(GroupsSheet, new IReadOnlyList<object?>[] { [GroupCode, GroupName, SurveyPoints] }
                .Concat(scheme.Groups.Select(g => (IReadOnlyList<object?>)[g.Code, g.Name,
                    s.SurveyPointsByGroup.TryGetValue(g.Code, out var sp) ? sp : null])));
            var header = new List<object?> { Code, NodeName, L.Maximum, Method };
            header.AddRange(scheme.Groups.Select(g => g.Code));
            header.Add(Guidance);
            var criteria = new List<IReadOnlyList<object?>> { header };
            foreach (var node in scheme.Areas.SelectMany(a => a.SelfAndDescendants()))
            {
                var row = new List<object?> { node.Code.Value, node.Name };
                if (node.Leaf is { } leaf)
                {
                    row.Add(leaf.Maximum);
                    row.Add(leaf.Method == ScoringMethod.Survey ? "Điều tra" : "Thẩm định");
                    foreach (var g in scheme.Groups)
                        row.Add(leaf.MaximumByGroup.TryGetValue(g.Code, out var m) ? m is { } v ? v : NotApplicable : null);
                    row.Add(string.IsNullOrEmpty(leaf.Guidance) ? null : leaf.Guidance);
                }
                criteria.Add(row);
            }
            AddSheet(CriteriaSheet, criteria);
            var bands = new List<IReadOnlyList<object?>> { new object?[] { BandGroup, BandName, BandFrom, BandColor } };
            bands.AddRange(scheme.Bands.Bands.Select(b => (IReadOnlyList<object?>)[null, b.Name, b.LowerBound, b.Color]));
            foreach (var (group, table) in scheme.BandsByGroup.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                bands.AddRange(table.Bands.Select(b => (IReadOnlyList<object?>)[group, b.Name, b.LowerBound, b.Color]));
            AddSheet(BandsSheet, bands);
            strings.Save();
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }
}
