using System.Runtime.CompilerServices;

namespace ParServerless.Scoring.Problems;

/// <summary>Collects problems while a check runs, so that every problem is reported at once.</summary>
/// <remarks>
/// The list is capped (<see cref="MaxListed"/>): past the cap a problem is only counted by code and severity, so a hostile input
/// that yields millions of problems costs a few counters, and every report, stored report and response built from it stays
/// small. Texts and locations are cut to <see cref="MaxTextLength"/> characters for the same reason.
/// </remarks>
public sealed class ProblemBag
{
    /// <summary>Default number of problems listed in full. <value>The default value is 200.</value></summary>
    public const int DefaultMaxListed = 200;

    /// <summary>Longest message or location part kept, in characters; longer ones end in "…".</summary>
    public const int MaxTextLength = 1000;

    private readonly List<Problem> _problems = [];
    // A hash map, sorted once in ToReport: a counted problem must cost a counter and nothing else (SortedDictionary allocated
    // on every update, ~100 bytes a problem past the cap).
    private readonly Dictionary<(string Code, Severity Severity), int> _omitted = [];
    private bool _hasErrors;

    /// <summary>A bag listing the first <see cref="DefaultMaxListed"/> problems.</summary>
    public ProblemBag() : this(DefaultMaxListed) { }

    /// <summary>A bag listing the first <paramref name="maxListed"/> problems in full and counting the rest by code.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxListed"/> is below 1.</exception>
    public ProblemBag(int maxListed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxListed, 1);
        MaxListed = maxListed;
    }

    /// <summary>How many problems are listed in full; the rest are counted.</summary>
    public int MaxListed { get; }

    public void Error(string code, Location where, string vietnamese, string english) =>
        Add(code, Severity.Error, where, !IsFull, vietnamese, english);

    public void Warning(string code, Location where, string vietnamese, string english) =>
        Add(code, Severity.Warning, where, !IsFull, vietnamese, english);

    // Interpolated texts ($"…") bind to these overloads: they are formatted only while the list has room (ProblemText), so a
    // flood of problems past the cap allocates no messages. One overload per mix of interpolated and plain texts.

    public void Error(string code, Location where,
        [InterpolatedStringHandlerArgument("")] ref ProblemText vietnamese, [InterpolatedStringHandlerArgument("")] ref ProblemText english) =>
        Add(code, Severity.Error, where, vietnamese.Formatted, vietnamese.ToStringAndClear(), english.ToStringAndClear());

    public void Error(string code, Location where, [InterpolatedStringHandlerArgument("")] ref ProblemText vietnamese, string english) =>
        Add(code, Severity.Error, where, vietnamese.Formatted, vietnamese.ToStringAndClear(), english);

    public void Error(string code, Location where, string vietnamese, [InterpolatedStringHandlerArgument("")] ref ProblemText english) =>
        Add(code, Severity.Error, where, english.Formatted, vietnamese, english.ToStringAndClear());

    public void Warning(string code, Location where,
        [InterpolatedStringHandlerArgument("")] ref ProblemText vietnamese, [InterpolatedStringHandlerArgument("")] ref ProblemText english) =>
        Add(code, Severity.Warning, where, vietnamese.Formatted, vietnamese.ToStringAndClear(), english.ToStringAndClear());

    public void Warning(string code, Location where, [InterpolatedStringHandlerArgument("")] ref ProblemText vietnamese, string english) =>
        Add(code, Severity.Warning, where, vietnamese.Formatted, vietnamese.ToStringAndClear(), english);

    public void Warning(string code, Location where, string vietnamese, [InterpolatedStringHandlerArgument("")] ref ProblemText english) =>
        Add(code, Severity.Warning, where, english.Formatted, vietnamese, english.ToStringAndClear());

    /// <summary>True when the list is full: a further problem is only counted by code and severity.</summary>
    public bool IsFull => _problems.Count >= MaxListed;

    private void Add(string code, Severity severity, Location where, bool formatted, string vietnamese, string english)
    {
        if (formatted) Add(new Problem(code, severity, where, vietnamese, english));
        else CountOmitted(code, severity);
    }

    public void Add(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (_problems.Count < MaxListed)
        {
            if (problem.Severity == Severity.Error) _hasErrors = true;
            _problems.Add(Bounded(problem));
            return;
        }
        CountOmitted(problem.Code, problem.Severity);
    }

    private void CountOmitted(string code, Severity severity)
    {
        if (severity == Severity.Error) _hasErrors = true;
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_omitted, (code, severity), out _)++;
    }

    public void AddRange(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var p in problems) Add(p);
    }

    /// <summary>True when any problem so far, listed or counted, is an error.</summary>
    public bool HasErrors => _hasErrors;

    /// <summary>Every problem seen, listed or counted.</summary>
    public int Count => _problems.Count + _omitted.Values.Sum();

    public ValidationReport ToReport() => new(_problems.ToArray())
    {
        Omitted = _omitted.OrderBy(o => o.Key, OmittedOrder.Instance).Select(o => new OmittedProblems(o.Key.Code, o.Key.Severity, o.Value)).ToArray(),
    };

    private static Problem Bounded(Problem p)
    {
        var w = p.Where;
        var where = IsLong(w.Sheet) || IsLong(w.Column) || IsLong(w.Criterion) || IsLong(w.Field)
            ? new Location(Cut(w.Sheet), w.Row, Cut(w.Column), Cut(w.Criterion), Cut(w.Field))
            : w;
        return IsLong(p.Vietnamese) || IsLong(p.English) || !ReferenceEquals(where, w)
            ? p with { Where = where, Vietnamese = Cut(p.Vietnamese)!, English = Cut(p.English)! }
            : p;
    }

    private static bool IsLong(string? s) => s is { Length: > MaxTextLength };

    private static string? Cut(string? s) => IsLong(s) ? string.Concat(s.AsSpan(0, MaxTextLength - 1), "…") : s;

    /// <summary>Codes in ordinal order, errors before warnings of the same code.</summary>
    private sealed class OmittedOrder : IComparer<(string Code, Severity Severity)>
    {
        public static readonly OmittedOrder Instance = new();

        public int Compare((string Code, Severity Severity) x, (string Code, Severity Severity) y)
        {
            var byCode = string.CompareOrdinal(x.Code, y.Code);
            return byCode != 0 ? byCode : y.Severity.CompareTo(x.Severity);
        }
    }
}
