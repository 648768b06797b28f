using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParServerless.Files.Tables;

namespace ParServerless.Files.Templates;

/// <summary>CSV and JSON forms of a template: the same rows, metadata and columns as the workbook.</summary>
internal static class TextTemplateWriter
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>UTF-8 with BOM (so Excel opens it as UTF-8), ';' separator and decimal comma, as Vietnamese Excel expects.</summary>
    /// <remarks>
    /// Survey leaves (điểm điều tra, không tự chấm) are left out, as in the JSON: the workbook shows them greyed and locked, but a
    /// CSV cannot lock a cell, and a mark typed there is PAR-E035. Without their rows, every row of the file may be filled.
    /// </remarks>
    public static byte[] Csv(TemplateLayout layout)
    {
        const char sep = ';';
        var sb = new StringBuilder();
        foreach (var (key, value) in layout.Metadata())
            sb.Append('#').Append(key).Append('=').Append(value).Append("\r\n");
        sb.AppendJoin(sep, layout.Columns.Select(c => CsvSafe.Field(Headers.Vietnamese(c, layout.Kind), sep))).Append("\r\n");
        foreach (var row in layout.Rows.Where(r => r.Style != RowStyle.Shown))
        {
            sb.AppendJoin(sep, layout.Columns.Select(c => c switch
            {
                _ when TemplateLayout.IsEditable(c, row.Style, layout.Kind) && row.Input(c) is { } input => CsvInput(input, sep),
                Column.Unit => CsvSafe.Field(row.Unit, sep),
                Column.Code => row.Node?.Code.Value ?? "",
                Column.Name => CsvSafe.Field(row.Node?.Name, sep),
                Column.Maximum => row.Maximum?.ToString(Vi) ?? "",
                _ => "",
            })).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>A typed value: a number with a decimal comma like the maxima; text neutralised and quoted like every CSV export.</summary>
    private static string CsvInput(CellInput input, char sep) =>
        input.Number is { } number ? CellInput.Shown(number).ToString(Vi) : CsvSafe.Field(input.JoinedText, sep);

    public static byte[] Json(TemplateLayout layout)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var (key, value) in layout.Metadata())
            {
                if (key is "schemeVersion" or "year" or "round" or "templateVersion") w.WriteNumber(key, int.Parse(value, CultureInfo.InvariantCulture));
                else w.WriteString(key, value);
            }
            w.WriteStartArray("rows");
            foreach (var row in layout.Rows.Where(r => r.Style != RowStyle.Heading && r.Style != RowStyle.Shown))
            {
                w.WriteStartObject();
                foreach (var c in layout.Columns)
                {
                    var name = Headers.Machine(c);
                    if (TemplateLayout.IsEditable(c, row.Style, layout.Kind) && row.Input(c) is { } input)
                    {
                        if (input.Number is { } number) w.WriteNumber(name, CellInput.Shown(number));
                        else if (input.Lines is { } lines)
                        {
                            w.WriteStartArray(name);
                            foreach (var line in lines) w.WriteStringValue(line);
                            w.WriteEndArray();
                        }
                        else w.WriteString(name, input.Text);
                        continue;
                    }
                    switch (c)
                    {
                        case Column.Unit when row.Unit is not null: w.WriteString(name, row.Unit); break;
                        case Column.Code when row.Node is not null: w.WriteString(name, row.Node.Code.Value); break;
                        case Column.Name when row.Node is not null: w.WriteString(name, row.Node.Name); break;
                        case Column.Maximum when row.Maximum is { } max: w.WriteNumber(name, max); break;
                        case Column.Evidence: w.WriteStartArray(name); w.WriteEndArray(); break;
                        default: w.WriteNull(name); break;
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }
}
