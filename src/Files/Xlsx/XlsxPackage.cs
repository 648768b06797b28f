using System.IO.Compression;
using System.Xml;
using ParServerless.Files.Containers;
using ParServerless.Scoring.Problems;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Xlsx;

/// <summary>One worksheet of a workbook: its name, visibility and archive entry.</summary>
internal sealed record SheetEntry(string Name, bool Hidden, string Path);

/// <summary>
/// An xlsx archive opened with its bounds checked: entry count and declared sizes before any XML is parsed,
/// actual sizes while reading. Parts are read with a streaming XML reader (no DTD, no resolver).
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly DecompressionBudget _budget;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;

    private XlsxPackage(ZipArchive zip, DecompressionBudget budget, Dictionary<string, ZipArchiveEntry> entries, ReadBudget work)
    {
        Work = work;
        _zip = zip;
        _budget = budget;
        _entries = entries;
    }

    public IReadOnlyList<SheetEntry> Sheets { get; private set; } = [];

    /// <summary>The time and cells the read may spend.</summary>
    public ReadBudget Work { get; }

    public IReadOnlyList<string> SharedStrings { get; private set; } = [];

    /// <summary>Opens and checks the archive; null (with problems in the bag) when it is not a workbook we may read.</summary>
    public static XlsxPackage? Open(ReadOnlyMemory<byte> bytes, FileLimits limits, ProblemBag bag, ReadBudget? work = null)
    {
        work ??= ReadBudget.Unbounded(limits);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new ReadOnlyMemoryStream(bytes), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            bag.Error(Unreadable, Location.Whole,
                "Tệp không phải là bảng tính .xlsx hợp lệ (tệp nén bị hỏng hoặc không đầy đủ). Hãy lưu lại tệp bằng Excel dưới dạng .xlsx rồi gửi lại.",
                "The file is not a valid .xlsx workbook (the archive is damaged or incomplete). Save it again from Excel as .xlsx and upload it again.");
            return null;
        }
        var package = Check(zip, limits, bag, work);
        if (package is null) zip.Dispose();
        return package;
    }

    private static XlsxPackage? Check(ZipArchive zip, FileLimits limits, ProblemBag bag, ReadBudget work)
    {
        IReadOnlyCollection<ZipArchiveEntry> all;
        try { all = zip.Entries; }
        catch (InvalidDataException)
        {
            bag.Error(Unreadable, Location.Whole,
                "Danh mục của tệp nén .xlsx bị hỏng.", "The central directory of the .xlsx archive is damaged.");
            return null;
        }
        if (all.Count > limits.MaxZipEntries)
        {
            bag.Error(TooManyEntries, Location.Whole,
                $"Tệp .xlsx chứa {all.Count} thành phần, vượt giới hạn {limits.MaxZipEntries}. Tệp không được đọc để bảo vệ hệ thống.",
                $"The .xlsx archive holds {all.Count} entries, above the limit of {limits.MaxZipEntries}. It was not read, to protect the system.");
            return null;
        }
        long declared = 0;
        foreach (var e in all)
        {
            declared += e.Length;
            if (e.Length > 1024 * 1024 && e.Length > e.CompressedLength * (long)limits.MaxCompressionRatio)
            {
                bag.Error(DecompressedTooLarge, new Location(Field: e.FullName),
                    $"Thành phần '{e.FullName}' nén với tỷ lệ bất thường ({e.Length} byte từ {e.CompressedLength} byte): có dấu hiệu tệp nén độc hại (zip bomb).",
                    $"Entry '{e.FullName}' compresses suspiciously well ({e.Length} bytes from {e.CompressedLength}): it looks like a zip bomb.");
                return null;
            }
        }
        if (declared > limits.MaxDecompressedBytes)
        {
            bag.Error(DecompressedTooLarge, Location.Whole,
                $"Tệp .xlsx khi giải nén chiếm {declared} byte, vượt giới hạn {limits.MaxDecompressedBytes} byte.",
                $"The .xlsx archive decompresses to {declared} bytes, above the limit of {limits.MaxDecompressedBytes} bytes.");
            return null;
        }
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in all) entries.TryAdd(e.FullName.TrimStart('/'), e);

        if (entries.ContainsKey("xl/vbaProject.bin"))
        {
            bag.Error(MacroEnabled, Location.Whole,
                "Bảng tính có chứa macro (VBA). Hệ thống không nhận tệp có macro; hãy lưu dưới dạng .xlsx (Excel Workbook) rồi gửi lại.",
                "The workbook contains macros (VBA). Macro-enabled files are refused; save it as .xlsx (Excel Workbook) and upload it again.");
            return null;
        }
        if (!entries.ContainsKey("xl/workbook.xml"))
        {
            bag.Error(Unreadable, Location.Whole,
                "Tệp nén không chứa bảng tính Excel (thiếu xl/workbook.xml).",
                "The archive holds no Excel workbook (xl/workbook.xml is missing).");
            return null;
        }
        var package = new XlsxPackage(zip, new DecompressionBudget(limits.MaxDecompressedBytes), entries, work);
        return package.ReadWorkbook(bag) ? package : null;
    }

    private bool ReadWorkbook(ProblemBag bag)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        string? sharedStringsPath = null;
        if (_entries.ContainsKey("xl/_rels/workbook.xml.rels"))
        {
            using var rels = OpenXml("xl/_rels/workbook.xml.rels");
            while (rels.Read())
            {
                if (rels.NodeType != XmlNodeType.Element || rels.LocalName != "Relationship") continue;
                var id = rels.GetAttribute("Id");
                var target = rels.GetAttribute("Target");
                var type = rels.GetAttribute("Type") ?? "";
                if (id is null || target is null) continue;
                var path = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                targets[id] = path;
                if (type.EndsWith("/sharedStrings", StringComparison.Ordinal)) sharedStringsPath = path;
            }
        }
        var sheets = new List<SheetEntry>();
        using (var wb = OpenXml("xl/workbook.xml"))
        {
            while (wb.Read())
            {
                if (wb.NodeType != XmlNodeType.Element || wb.LocalName != "sheet") continue;
                var name = wb.GetAttribute("name") ?? "";
                var state = wb.GetAttribute("state");
                var rid = wb.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                var path = rid is not null && targets.TryGetValue(rid, out var t) ? t
                    : "xl/worksheets/sheet" + (sheets.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".xml";
                sheets.Add(new SheetEntry(name, state is "hidden" or "veryHidden", path));
            }
        }
        if (sheets.Count == 0)
        {
            bag.Error(Unreadable, Location.Whole, "Bảng tính không có trang tính nào.", "The workbook has no worksheet.");
            return false;
        }
        Sheets = sheets;
        sharedStringsPath ??= "xl/sharedStrings.xml";
        if (_entries.ContainsKey(sharedStringsPath)) SharedStrings = ReadSharedStrings(sharedStringsPath);
        return true;
    }

    /// <summary>The shared-string table, held whole (cells point into it), so bounded in entries and characters.</summary>
    private List<string> ReadSharedStrings(string path)
    {
        var list = new List<string>();
        using var reader = OpenXml(path);
        var sb = new System.Text.StringBuilder();
        long chars = 0;
        var limits = Work.Limits;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si") continue;
            Work.Tick();
            if (list.Count >= limits.MaxSharedStrings) throw new LimitExceededException(Limit.SharedStrings, "shared strings");
            sb.Clear();
            SheetReader.ReadRichText(reader, sb, Math.Min(limits.MaxSharedStringChars - chars, limits.MaxTextLength) + 1);
            chars += sb.Length;
            if (chars > limits.MaxSharedStringChars) throw new LimitExceededException(Limit.SharedStrings, "shared string characters");
            list.Add(sb.ToString());
        }
        return list;
    }

    public bool HasPart(string path) => _entries.ContainsKey(path);

    public XmlReader OpenXml(string path)
    {
        var entry = _entries[path];
        var stream = new BoundedStream(entry.Open(), entry.Length, _budget, entry.Crc32);
        return XmlReader.Create(stream, XmlSettings);
    }

    public void Dispose() => _zip.Dispose();
}
