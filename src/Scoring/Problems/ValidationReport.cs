namespace ParServerless.Scoring.Problems;

/// <summary>Every problem found in one input (báo cáo kiểm tra): the first ones listed in full, the rest counted by code.</summary>
/// <remarks>
/// Problems keep the order in which the checks found them, which is deterministic for the same input. A report is bounded:
/// <see cref="ProblemBag"/> lists at most <see cref="ProblemBag.MaxListed"/> problems and counts the others in
/// <see cref="Omitted"/>, so its size does not grow with a hostile input.
/// </remarks>
public sealed record ValidationReport(IReadOnlyList<Problem> Problems)
{
    public static ValidationReport Empty { get; } = new(Array.Empty<Problem>());

    /// <summary>Problems found but not listed because the list was full: one count per code and severity, codes in ordinal order.</summary>
    public IReadOnlyList<OmittedProblems> Omitted { get; init; } = [];

    /// <summary>True when some problems are only counted (<see cref="Omitted"/>), not listed.</summary>
    public bool Truncated => Omitted.Count > 0;

    /// <summary>True when no problem, listed or counted, is an error; warnings do not reject.</summary>
    public bool Accepted => ErrorCount == 0;

    /// <summary>Every error, listed or counted.</summary>
    public int ErrorCount => Problems.Count(p => p.Severity == Severity.Error) + Omitted.Where(o => o.Severity == Severity.Error).Sum(o => o.Count);

    /// <summary>Every warning, listed or counted.</summary>
    public int WarningCount => Problems.Count(p => p.Severity == Severity.Warning) + Omitted.Where(o => o.Severity == Severity.Warning).Sum(o => o.Count);

    /// <summary>The distinct codes, listed or counted, sorted: what tests of bad inputs assert.</summary>
    public IReadOnlySet<string> Codes =>
        new SortedSet<string>(Problems.Select(p => p.Code).Concat(Omitted.Select(o => o.Code)), StringComparer.Ordinal);

    /// <summary>How many problems of each code were found, listed or counted, codes in ordinal order.</summary>
    public IReadOnlyDictionary<string, int> CountsByCode
    {
        get
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var p in Problems) counts[p.Code] = counts.GetValueOrDefault(p.Code) + 1;
            foreach (var o in Omitted) counts[o.Code] = counts.GetValueOrDefault(o.Code) + o.Count;
            return counts;
        }
    }

    /// <summary>Both reports' problems; the listed ones stay listed and the counts add up.</summary>
    public ValidationReport Concat(ValidationReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Truncated && !other.Truncated) return new([.. Problems, .. other.Problems]);
        var omitted = new SortedDictionary<(string, Severity), int>();
        foreach (var o in Omitted.Concat(other.Omitted)) omitted[(o.Code, o.Severity)] = omitted.GetValueOrDefault((o.Code, o.Severity)) + o.Count;
        return new([.. Problems, .. other.Problems])
        {
            Omitted = omitted
                .OrderBy(o => o.Key.Item1, StringComparer.Ordinal).ThenByDescending(o => o.Key.Item2)
                .Select(o => new OmittedProblems(o.Key.Item1, o.Key.Item2, o.Value)).ToArray(),
        };
    }

    /// <summary>The whole report as text, one problem a line, then one line per omitted code, for logs and golden tests.</summary>
    public string ToText()
    {
        var header = FormattableString.Invariant(
            $"{(Accepted ? "ACCEPTED" : "REJECTED")}: {ErrorCount} error(s), {WarningCount} warning(s)");
        var lines = new List<string> { header };
        lines.AddRange(Problems.Select(p => p.ToString()));
        if (Truncated)
        {
            lines.Add(FormattableString.Invariant($"… {Omitted.Sum(o => o.Count)} more problem(s) not listed:"));
            lines.AddRange(Omitted.Select(o => o.ToString()));
        }
        return string.Join('\n', lines);
    }
}

/// <summary>Problems of one code and severity that a capped report counts without listing.</summary>
/// <param name="Count">How many were found past the cap (at least 1).</param>
public sealed record OmittedProblems(string Code, Severity Severity, int Count)
{
    /// <summary>One line: <c>ERROR PAR-E040 ×12000</c>.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{(Severity == Severity.Error ? "ERROR" : "WARN ")} {Code} ×{Count}");
}

/// <summary>A value with the report that produced it; <see cref="Value"/> is null when the report rejects.</summary>
public sealed record Checked<T>(T? Value, ValidationReport Report) where T : class
{
    public bool Accepted => Value is not null && Report.Accepted;
}
