namespace ParServerless.Scoring.History;

/// <summary>One row of an earlier year's published table (kết quả đã công bố), often all that exists for past years: no marks.</summary>
/// <param name="Score">The published score (tổng điểm / chỉ số, on the 100-point scale), unrounded as far as the table allows.</param>
/// <param name="UnitCode">Our unit code when known; otherwise rows are matched by name.</param>
/// <param name="GroupCode">The group the unit was ranked in that year, when known.</param>
public sealed record PublishedResult(int Year, string UnitName, string? UnitCode, string? GroupCode, decimal Score, int? Rank, string? Band);

/// <summary>
/// Predecessors of units that were merged or renamed (the 2025 reorganisation: huyện abolished, xã merged).
/// Keys are successor unit codes; values are predecessor unit codes or published names.
/// </summary>
public sealed record PredecessorMap(IReadOnlyDictionary<string, IReadOnlyList<string>> PredecessorsBySuccessor)
{
    public static PredecessorMap None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public IReadOnlyList<string> For(string successorCode) =>
        PredecessorsBySuccessor.TryGetValue(successorCode, out var list) ? list : [];
}
