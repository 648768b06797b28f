namespace ParServerless.Scoring.Problems;

/// <summary>Collects problems while a check runs, so that every problem is reported at once.</summary>
public sealed class ProblemBag
{
    private readonly List<Problem> _problems = [];

    public void Error(string code, Location where, string vietnamese, string english) =>
        _problems.Add(new Problem(code, Severity.Error, where, vietnamese, english));

    public void Warning(string code, Location where, string vietnamese, string english) =>
        _problems.Add(new Problem(code, Severity.Warning, where, vietnamese, english));

    public void Add(Problem problem) => _problems.Add(problem);

    public void AddRange(IEnumerable<Problem> problems) => _problems.AddRange(problems);

    public bool HasErrors => _problems.Exists(p => p.Severity == Severity.Error);

    public ValidationReport ToReport() => new(_problems.ToArray());
}
