namespace ParServerless.Scoring.Problems;

/// <summary>Every problem found in one input, listed at once (báo cáo kiểm tra).</summary>
/// <remarks>Problems keep the order in which the checks found them, which is deterministic for the same input.</remarks>
public sealed record ValidationReport(IReadOnlyList<Problem> Problems)
{
    public static ValidationReport Empty { get; } = new(Array.Empty<Problem>());

    /// <summary>True when no problem is an error; warnings do not reject.</summary>
    public bool Accepted => Problems.All(p => p.Severity != Severity.Error);

    public int ErrorCount => Problems.Count(p => p.Severity == Severity.Error);

    public int WarningCount => Problems.Count(p => p.Severity == Severity.Warning);

    /// <summary>The distinct codes, sorted: what tests of bad inputs assert.</summary>
    public IReadOnlySet<string> Codes => new SortedSet<string>(Problems.Select(p => p.Code), StringComparer.Ordinal);

    public ValidationReport Concat(ValidationReport other) => new([.. Problems, .. other.Problems]);

    /// <summary>The whole report as text, one problem a line, for logs and golden tests.</summary>
    public string ToText()
    {
        var header = FormattableString.Invariant(
            $"{(Accepted ? "ACCEPTED" : "REJECTED")}: {ErrorCount} error(s), {WarningCount} warning(s)");
        return Problems.Count == 0 ? header : header + "\n" + string.Join('\n', Problems);
    }
}

/// <summary>A value with the report that produced it; <see cref="Value"/> is null when the report rejects.</summary>
public sealed record Checked<T>(T? Value, ValidationReport Report) where T : class
{
    public bool Accepted => Value is not null && Report.Accepted;
}
