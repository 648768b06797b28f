using ParServerless.Files.Templates;
using ParServerless.Scoring.Schemes;
using ParServerless.Scoring.Units;

namespace ParServerless.Files;

/// <summary>Makes ready-to-fill templates (mẫu) from a scheme: xlsx for people, csv and json skeletons for machine clients.</summary>
/// <remarks>
/// The workbook lists the criteria tree (areas and criteria as headings, one row per leaf with code, name and maximum),
/// unlocks only the cells to fill in, validates marks to 0..maximum, and carries a hidden "_meta" sheet naming the scheme version,
/// year, group, unit(s), kind and round, so <see cref="SubmissionReader"/> can tell a template made for something else.
/// </remarks>
public static class TemplateWriter
{
    /// <summary>A template for a request, in a format.</summary>
    /// <exception cref="ArgumentException">The request does not fit the scheme (unknown group, unit of another group, wrong unit count, no round).</exception>
    public static byte[] Write(Scheme scheme, TemplateRequest request, FileFormat format = FileFormat.Xlsx)
    {
        var layout = TemplateLayout.Build(scheme, request);
        return format switch
        {
            FileFormat.Xlsx => XlsxTemplateWriter.Write(layout),
            FileFormat.Csv => TextTemplateWriter.Csv(layout),
            FileFormat.Json => TextTemplateWriter.Json(layout),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>A one-unit xlsx template: the common case of a unit downloading its self-assessment or explanation form.</summary>
    public static byte[] Write(Scheme scheme, int year, Unit unit, FileKind kind, int? round = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Write(scheme, new TemplateRequest(year, unit.GroupCode, kind, [unit], round));
    }

    /// <summary>The file name a template is offered under, e.g. "tu-danh-gia_2025_SO-TP.xlsx".</summary>
    public static string FileName(TemplateRequest request, FileFormat format = FileFormat.Xlsx)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = request.Step.TemplateStem;
        var who = request.Units.Count == 1 ? request.Units[0].Code : request.GroupCode ?? "tat-ca";
        var ext = format switch { FileFormat.Csv => ".csv", FileFormat.Json => ".json", _ => ".xlsx" };
        return FormattableString.Invariant($"{kind}_{request.Year}_{who}{ext}");
    }
}
