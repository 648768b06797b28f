namespace ParServerless.Files;

/// <summary>
/// Neutralises text that a spreadsheet would run as a formula (CSV/formula injection, OWASP).
/// Every export of stored text (CSV, XLSX written as text, open data) calls <see cref="Neutralise"/> on each text cell.
/// </summary>
public static class CsvSafe
{
    /// <summary>True when a spreadsheet could treat the text as a formula: it starts with = + - @, a tab or a carriage return.</summary>
    public static bool IsFormulaLike(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text with a leading apostrophe when it is formula-like, so spreadsheets show it as text; other text unchanged.</summary>
    /// <remarks>Numbers are not text: write them as numbers, never through this method, so "-0,5" stays a penalty.</remarks>
    public static string Neutralise(string? text) =>
        text is null ? "" : IsFormulaLike(text) ? "'" + text : text;

    /// <summary>One CSV field: neutralised, and quoted when it holds the separator, a quote or a line break.</summary>
    public static string Field(string? text, char separator = ',')
    {
        var safe = Neutralise(text);
        return safe.Contains(separator, StringComparison.Ordinal) || safe.Contains('"', StringComparison.Ordinal)
               || safe.Contains('\n', StringComparison.Ordinal) || safe.Contains('\r', StringComparison.Ordinal)
            ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : safe;
    }
}
