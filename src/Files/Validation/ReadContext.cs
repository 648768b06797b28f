using System.Globalization;
using ParServerless.Files.Containers;
using ParServerless.Files.Tables;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Validation;

/// <summary>Everything one interpretation needs, and the cell readers that report problems in both languages.</summary>
internal sealed class ReadContext(
    SubmissionRequest request, Scheme scheme, IReadOnlyCollection<Unit> units, ReadBudget budget, ProblemBag bag, RawTable table)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private readonly Dictionary<string, Unit> _units = units
        .GroupBy(u => u.Code, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    private readonly Dictionary<string, Unit?> _resolved = new(StringComparer.Ordinal);

    public SubmissionRequest Request { get; } = request;
    public Scheme Scheme { get; } = scheme;
    public FileLimits Limits { get; } = budget.Limits;

    /// <summary>The read's deadline and cancellation, ticked once per row.</summary>
    public ReadBudget Budget { get; } = budget;
    public ProblemBag Bag { get; } = bag;
    public RawTable Table { get; } = table;

    /// <summary>Group named by the template's metadata, if any.</summary>
    public string? MetaGroup { get; set; }

    /// <summary>The unit every row is for unless it names one: from the upload path, else the template.</summary>
    public string? DefaultUnit { get; set; }

    public string? Sheet => Table.HeaderWhere.Sheet;

    public static string Vn(decimal value) => value.ToString(Vi);

    public static string En(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public bool IsKnownUnit(string code) => _units.ContainsKey(code);

    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    /// <summary>True the first time a key is seen: one problem per cause, not one per row.</summary>
    public bool FirstTime(string key) => _reported.Add(key);

    /// <summary>The unit for a code, reporting an unknown unit, a group outside the scheme or another group than the template's, once per code.</summary>
    public Unit? ResolveUnit(string code, Location where)
    {
        if (_resolved.TryGetValue(code, out var known)) return known;
        Unit? unit = null;
        if (!_units.TryGetValue(code, out var found))
        {
            Bag.Error(UnknownUnit, where,
                $"Mã đơn vị '{code}' không có trong danh sách đơn vị được đánh giá.",
                $"Unit code '{code}' is not in the list of evaluated units.");
        }
        else if (Scheme.FindGroup(found.GroupCode) is null)
        {
            Bag.Error(UnitGroupNotInScheme, where,
                $"Đơn vị '{code}' thuộc khối '{found.GroupCode}', nhưng bộ chỉ số {Scheme.Ref} không có khối này.",
                $"Unit '{code}' is in group '{found.GroupCode}', which scheme {Scheme.Ref} does not declare.");
        }
        else if (MetaGroup is not null && MetaGroup != found.GroupCode)
        {
            Bag.Error(GroupMismatch, where,
                $"Mẫu được tạo cho khối '{MetaGroup}', nhưng đơn vị '{code}' thuộc khối '{found.GroupCode}'. Hãy tải mẫu của đúng khối.",
                $"The template was made for group '{MetaGroup}', but unit '{code}' is in group '{found.GroupCode}'. Download the template for the right group.");
        }
        else unit = found;
        _resolved[code] = unit;
        return unit;
    }

    /// <summary>Text of a cell (trimmed; null when blank), flagging formula-like text.</summary>
    public string? ReadText(RawCell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return null;
            case CellKind.Number:
                return cell.Number.ToString(CultureInfo.InvariantCulture);
            case CellKind.FormulaWithoutValue:
                FormulaWithoutValueAt(cell);
                return null;
        }
        var text = cell.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (CsvSafe.IsFormulaLike(text)) FormulaLike(cell.Where, text);
        return text;
    }

    /// <summary>
    /// Text stored as one table property (note, explanation, appraiser opinion, reason, published name): checked against
    /// <see cref="FileLimits.MaxNoteLength"/> here, so the dry run refuses what storage would refuse.
    /// </summary>
    public string? ReadNote(RawCell cell)
    {
        var text = ReadText(cell);
        if (text is not null && text.Length > Limits.MaxNoteLength)
            Bag.Error(NoteTooLong, cell.Where,
                $"Nội dung có {text.Length} ký tự, vượt giới hạn {Limits.MaxNoteLength} ký tự của một ô ghi chú, giải trình hoặc lý do. Hãy rút gọn, hoặc đưa phần chi tiết vào tài liệu kiểm chứng.",
                $"The text holds {text.Length} characters, above the limit of {Limits.MaxNoteLength} for a note, explanation or reason. Shorten it, or move the details into the evidence documents.");
        return text;
    }

    /// <summary>Evidence references: one per line or separated by ';'; all of one leaf within <see cref="FileLimits.MaxEvidenceLength"/> characters.</summary>
    public IReadOnlyList<string> ReadEvidence(RawCell cell)
    {
        if (cell.IsEmpty) return [];
        if (cell.Kind == CellKind.FormulaWithoutValue) { FormulaWithoutValueAt(cell); return []; }
        var text = cell.Kind == CellKind.Number ? cell.Number.ToString(CultureInfo.InvariantCulture) : cell.Text ?? "";
        var items = text.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var flagged = items.FirstOrDefault(CsvSafe.IsFormulaLike);
        if (flagged is not null) FormulaLike(cell.Where, flagged);
        var length = items.Sum(i => i.Length);
        if (length > Limits.MaxEvidenceLength)
            Bag.Error(EvidenceTooLong, cell.Where,
                $"Tài liệu kiểm chứng của tiêu chí có tổng cộng {length} ký tự, vượt giới hạn {Limits.MaxEvidenceLength} ký tự. Hãy chỉ ghi số, ký hiệu văn bản hoặc đường dẫn, không chép nội dung văn bản.",
                $"The criterion's evidence references hold {length} characters together, above the limit of {Limits.MaxEvidenceLength}. Give document numbers or links, not the documents' text.");
        return items;
    }

    private void FormulaLike(Location where, string text) =>
        Bag.Warning(FormulaLikeText, where,
            $"Nội dung bắt đầu bằng ký tự '{text[0]}' (có thể bị bảng tính hiểu là công thức). Hệ thống lưu đúng nguyên văn dưới dạng chữ và vô hiệu hóa khi xuất tệp.",
            $"The text starts with '{text[0]}', which a spreadsheet may run as a formula. It is stored as plain text and neutralised in every export.");

    private void FormulaWithoutValueAt(RawCell cell) =>
        Bag.Error(FormulaWithoutValue, cell.Where,
            "Ô chứa công thức nhưng chưa có giá trị tính sẵn (tệp được lưu khi chưa tính toán). Hãy mở bằng Excel, tính lại và lưu, hoặc nhập trực tiếp số điểm.",
            "The cell holds a formula without a saved result (the file was saved uncalculated). Open it in Excel, recalculate and save, or type the number.");

    /// <summary>Reads a number cell: "87,55" and "87.55", refusing ambiguous text. Null when blank or wrong (with a problem).</summary>
    public decimal? ReadNumber(RawCell cell, bool percent = false)
    {
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return null;
            case CellKind.Number:
                return cell.Number;
            case CellKind.FormulaWithoutValue:
                FormulaWithoutValueAt(cell);
                return null;
            case CellKind.Text when string.IsNullOrWhiteSpace(cell.Text):
                return null;
        }
        var text = cell.Text!.AsSpan().Trim();
        if (percent && text.EndsWith("%")) text = text[..^1];
        var value = 0m;
        var parsed = cell.Kind == CellKind.Text ? NumberText.Parse(text, out value) : NumberParse.NotANumber;
        if (parsed == NumberParse.Ok) return value;
        if (parsed == NumberParse.Ambiguous)
            Bag.Error(AmbiguousNumber, cell.Where,
                $"'{cell.Shown}' không rõ là số nào: điểm không dùng dấu phân cách hàng nghìn. Hãy ghi một dấu thập phân duy nhất, ví dụ 87,55 hoặc 87.55.",
                $"'{cell.Shown}' is ambiguous: marks have no thousands separator. Write a single decimal separator, e.g. 87,55 or 87.55.");
        else
            Bag.Error(NotANumber, cell.Where,
                $"'{cell.Shown}' không phải là số.", $"'{cell.Shown}' is not a number.");
        return null;
    }

    /// <summary>Reads a mark and checks it: not negative (unless allowed), at most the maximum, no more decimals than the scheme shows.</summary>
    public decimal? ReadMark(RawCell cell, decimal? maximum, string? criterion, bool allowNegative = false)
    {
        // An empty cell was never read, so it has no location either.
        if (cell.IsEmpty) return null;
        var where = criterion is null ? cell.Where : cell.Where with { Criterion = criterion };
        var value = ReadNumber(cell with { Where = where });
        if (value is not { } v) return null;
        var ok = true;
        if (v < 0 && !allowNegative)
        {
            ok = false;
            Bag.Error(Negative, where,
                $"Điểm {Vn(v)} âm; điểm phải từ 0 trở lên.", $"The mark {En(v)} is negative; marks are 0 or more.");
        }
        if (maximum is { } max && v > max)
        {
            ok = false;
            Bag.Error(AboveMaximum, where,
                $"Điểm {Vn(v)} vượt điểm tối đa {Vn(max)} của tiêu chí {criterion}.",
                $"The mark {En(v)} is above the maximum {En(max)} of criterion {criterion}.");
        }
        var decimals = Scheme.Settings.Decimals;
        if (decimal.Round(v, decimals) != v)
        {
            ok = false;
            Bag.Error(TooManyDecimals, where,
                $"Điểm {Vn(v)} có nhiều hơn {decimals} chữ số thập phân theo quy định của bộ chỉ số.",
                $"The mark {En(v)} has more than the {decimals} decimals the scheme allows.");
        }
        return ok ? v : null;
    }
}
