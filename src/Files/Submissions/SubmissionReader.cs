using ParServerless.Files.Containers;
using ParServerless.Files.Csv;
using ParServerless.Files.Json;
using ParServerless.Files.Tables;
using ParServerless.Files.Validation;
using ParServerless.Files.Xlsx;
using ParServerless.Scoring.Problems;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files;

/// <summary>
/// Reads one uploaded score file into raw marks, or into a precise rejection. Pure: it never does I/O beyond the bytes given,
/// never records anything (a dry run is the same call), and never throws on bad input.
/// </summary>
/// <remarks>The same bytes and arguments always give the same report, problems in file order then cross-row checks.</remarks>
public static class SubmissionReader
{
    /// <summary>Reads and validates a file.</summary>
    /// <param name="request">What the upload path claims: year, kind, file name, unit, round.</param>
    /// <param name="content">The whole file.</param>
    /// <param name="scheme">The scheme the year is scored with.</param>
    /// <param name="units">Every evaluated unit of the year.</param>
    /// <param name="limits">Bounds; <see cref="FileLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">The caller's cancellation: it throws <see cref="OperationCanceledException"/> (the read's own
    /// deadline, <see cref="FileLimits.MaxReadTime"/>, is a coded problem instead).</param>
    /// <param name="timeProvider">The clock of the read's deadline; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The request's kind is <see cref="FileKind.Invalid"/>, or <paramref name="limits"/> is not
    /// valid (<see cref="FileLimits.Validate"/>): a caller bug, not bad input.</exception>
    public static SubmissionOutcome Read(
        SubmissionRequest request, ReadOnlyMemory<byte> content, Scheme scheme, IReadOnlyCollection<Unit> units, FileLimits? limits = null,
        TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(units);
        if (request.Kind == FileKind.Invalid || !Enum.IsDefined(request.Kind))
            throw new ArgumentException("The request names no file kind", nameof(request));
        limits ??= FileLimits.Default;
        limits.Validate();
        var bag = new ProblemBag(limits.MaxProblems);
        var budget = new ReadBudget(limits, timeProvider ?? TimeProvider.System, cancellationToken);
        try
        {
            return ReadWithin(request, content, scheme, units, budget, bag);
        }
        catch (LimitExceededException e)
        {
            LimitProblems.Report(bag, e, limits);
            return SubmissionOutcome.Rejected(bag.ToReport(), FileFormat.Invalid);
        }
    }

    private static SubmissionOutcome ReadWithin(
        SubmissionRequest request, ReadOnlyMemory<byte> content, Scheme scheme, IReadOnlyCollection<Unit> units, ReadBudget budget, ProblemBag bag)
    {
        var limits = budget.Limits;

        if (content.Length > limits.MaxBytes)
        {
            bag.Error(TooLarge, Location.Whole,
                $"Tệp có dung lượng {content.Length} byte, vượt giới hạn {limits.MaxBytes} byte.",
                $"The file is {content.Length} bytes, above the limit of {limits.MaxBytes} bytes.");
            return SubmissionOutcome.Rejected(bag.ToReport(), FileFormat.Invalid);
        }
        if (content.IsEmpty)
        {
            bag.Error(Empty, Location.Whole, "Tệp trống (0 byte).", "The file is empty (0 bytes).");
            return SubmissionOutcome.Rejected(bag.ToReport(), FileFormat.Invalid);
        }
        var table = ReadTable(request.FileName, content, budget, bag, out var format);
        if (table is null || bag.HasErrors && table.Rows.Count == 0 && format == FileFormat.Invalid)
            return SubmissionOutcome.Rejected(bag.ToReport(), format);

        var ctx = new ReadContext(request, scheme, units, budget, bag, table);
        var (sheets, published) = Interpreter.Run(ctx, format);
        if (table.NfdCount > 0)
            bag.Warning(NfdNormalised, table.FirstNfd ?? Location.Whole,
                $"{table.NfdCount} ô chữ được gõ ở dạng Unicode tổ hợp (NFD) và đã được chuẩn hóa về dạng dựng sẵn (NFC); nội dung không đổi.",
                $"{table.NfdCount} text cell(s) were in decomposed Unicode (NFD) and were normalised to NFC; the content is unchanged.");
        var report = bag.ToReport();
        return report.Accepted
            ? new SubmissionOutcome(report, format, sheets, published)
            : SubmissionOutcome.Rejected(report, format);
    }

    /// <summary>Reads a file from a stream, reading at most <see cref="FileLimits.MaxBytes"/> + 1 bytes so an oversized upload is refused without buffering it.</summary>
    public static async Task<SubmissionOutcome> ReadAsync(
        SubmissionRequest request, Stream content, Scheme scheme, IReadOnlyCollection<Unit> units, FileLimits? limits = null,
        TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        limits ??= FileLimits.Default;
        limits.Validate();
        var buffer = await StreamBytes.ReadBoundedAsync(content, limits.MaxBytes, cancellationToken).ConfigureAwait(false);
        return Read(request, buffer, scheme, units, limits, timeProvider, cancellationToken);
    }

    private static RawTable? ReadTable(string fileName, ReadOnlyMemory<byte> content, ReadBudget budget, ProblemBag bag, out FileFormat format)
    {
        var extension = Sniffer.Extension(fileName);
        format = FileFormat.Invalid;
        if (extension == ".xlsm")
        {
            bag.Error(MacroEnabled, Location.Whole,
                "Tệp .xlsm là bảng tính có macro; hệ thống không nhận. Hãy lưu dưới dạng .xlsx (Excel Workbook) rồi gửi lại.",
                "A .xlsm file is a macro-enabled workbook and is refused. Save it as .xlsx (Excel Workbook) and upload it again.");
            return null;
        }
        if (Sniffer.IsOle(content.Span))
        {
            bag.Error(EncryptedOrLegacy, Location.Whole,
                "Tệp được đặt mật khẩu hoặc là định dạng Excel cũ (.xls). Hãy bỏ mật khẩu và lưu dưới dạng .xlsx rồi gửi lại.",
                "The file is password-protected or an old Excel format (.xls). Remove the password, save it as .xlsx and upload it again.");
            return null;
        }
        var claimed = Sniffer.FromExtension(extension);
        if (claimed == FileFormat.Invalid)
        {
            bag.Error(UnsupportedExtension, Location.Whole,
                $"Phần mở rộng '{extension}' không được hỗ trợ; chỉ nhận .xlsx, .csv hoặc .json.",
                $"The extension '{extension}' is not supported; use .xlsx, .csv or .json.");
            return null;
        }
        format = Sniffer.Sniff(content.Span);
        if (claimed == FileFormat.Xlsx && format == FileFormat.Csv && !Sniffer.LooksLikeText(content.Span))
        {
            // Binary that is not a zip: telling an agency its "CSV is not UTF-8" would send it the wrong way.
            format = FileFormat.Invalid;
            bag.Error(Unreadable, Location.Whole,
                "Tệp có đuôi .xlsx nhưng không phải là bảng tính Excel (.xlsx là tệp nén zip). Hãy mở tệp bằng Excel, lưu dưới dạng \"Excel Workbook (.xlsx)\" rồi gửi lại.",
                "The file is named .xlsx but is not an Excel workbook (an .xlsx is a zip archive). Open it in Excel, save it as \"Excel Workbook (.xlsx)\" and upload it again.");
            return null;
        }
        if (format != claimed)
            bag.Warning(ExtensionMismatch, Location.Whole,
                $"Tên tệp có đuôi '{extension}' nhưng nội dung là {format.ToString().ToUpperInvariant()}; hệ thống đọc theo nội dung.",
                $"The file is named '{extension}' but its content is {format.ToString().ToUpperInvariant()}; it is read by its content.");
        return format switch
        {
            FileFormat.Xlsx => XlsxTableReader.Read(content, budget, bag),
            FileFormat.Json => JsonTableReader.Read(content, budget, bag),
            _ => CsvTableReader.Read(content.Span, budget, bag),
        };
    }
}
