namespace ParServerless.Scoring.Problems;

/// <summary>How serious a problem is: an error rejects the input, a warning is reported and the input is kept.</summary>
public enum Severity
{
    /// <summary>Reserved: never a valid severity.</summary>
    Invalid = 0,
    Warning = 1,
    Error = 2,
}

/// <summary>Where a problem was found. Every part is optional; fill in what is known.</summary>
/// <param name="Sheet">Worksheet name (trang tính), for workbooks.</param>
/// <param name="Row">1-based row (dòng) in the sheet or file.</param>
/// <param name="Column">Column letter or header (cột).</param>
/// <param name="Criterion">Criterion code (mã tiêu chí), e.g. "3.2.1".</param>
/// <param name="Field">A field path for structured inputs, e.g. "settings.decimals".</param>
public sealed record Location(
    string? Sheet = null,
    int? Row = null,
    string? Column = null,
    string? Criterion = null,
    string? Field = null)
{
    /// <summary>The location of a problem that concerns the whole input.</summary>
    public static Location Whole { get; } = new();

    public override string ToString()
    {
        var parts = new List<string>(5);
        if (Sheet is not null) parts.Add($"sheet={Sheet}");
        if (Row is not null) parts.Add(FormattableString.Invariant($"row={Row}"));
        if (Column is not null) parts.Add($"column={Column}");
        if (Criterion is not null) parts.Add($"criterion={Criterion}");
        if (Field is not null) parts.Add($"field={Field}");
        return parts.Count == 0 ? "(whole)" : string.Join(' ', parts);
    }
}

/// <summary>One expected failure found while reading or checking input (lỗi/cảnh báo).</summary>
/// <param name="Code">Stable code, e.g. "PAR-S010". Codes never change meaning once published.</param>
/// <param name="Vietnamese">Message for people, in Vietnamese.</param>
/// <param name="English">The same message in English.</param>
public sealed record Problem(string Code, Severity Severity, Location Where, string Vietnamese, string English)
{
    /// <summary>One line, as pinned by golden tests: <c>ERROR PAR-S010 [field=…] vi | en</c>.</summary>
    public override string ToString() =>
        $"{(Severity == Severity.Error ? "ERROR" : "WARN ")} {Code} [{Where}] {Vietnamese} | {English}";
}
