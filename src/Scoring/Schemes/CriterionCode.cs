using System.Globalization;

namespace ParServerless.Scoring.Schemes;

/// <summary>Code of a node in the criteria tree (mã tiêu chí), e.g. "3" (area), "3.2" (criterion), "3.2.1" (sub-criterion).</summary>
/// <remarks>Codes compare segment by segment as numbers, so "3.10" sorts after "3.9".</remarks>
public readonly record struct CriterionCode : IComparable<CriterionCode>
{
    /// <summary>Deepest level a scheme uses: area → criterion → sub-criterion.</summary>
    public const int MaxDepth = 3;

    public CriterionCode(string value) =>
        Value = IsWellFormed(value) ? value : throw new ArgumentException($"'{value}' is not a criterion code", nameof(value));

    public string Value { get; }

    /// <summary>1 for an area, 2 for a criterion, 3 for a sub-criterion.</summary>
    public int Depth => Value.Count(c => c == '.') + 1;

    /// <summary>The area (lĩnh vực) this code belongs to: its first segment.</summary>
    public CriterionCode Area => new(Value.Split('.')[0]);

    /// <summary>The parent's code, or null for an area.</summary>
    public CriterionCode? Parent => Depth == 1 ? null : new CriterionCode(Value[..Value.LastIndexOf('.')]);

    /// <summary>True for one to three dot-separated positive integers without leading zeros.</summary>
    public static bool IsWellFormed(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        var segments = value.Split('.');
        if (segments.Length > MaxDepth) return false;
        foreach (var s in segments)
        {
            if (s.Length == 0 || s.Length > 4 || s[0] == '0') return false;
            foreach (var c in s)
                if (c is < '0' or > '9') return false;
        }
        return true;
    }

    public static bool TryParse(string? value, out CriterionCode code)
    {
        var trimmed = value?.Trim();
        if (IsWellFormed(trimmed)) { code = new CriterionCode(trimmed!); return true; }
        code = default;
        return false;
    }

    public bool IsUnder(CriterionCode ancestor) =>
        Value.Length > ancestor.Value.Length && Value.StartsWith(ancestor.Value + ".", StringComparison.Ordinal);

    public int CompareTo(CriterionCode other)
    {
        var a = Value.Split('.');
        var b = other.Value.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.Parse(a[i], CultureInfo.InvariantCulture).CompareTo(int.Parse(b[i], CultureInfo.InvariantCulture));
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }

    public static bool operator <(CriterionCode left, CriterionCode right) => left.CompareTo(right) < 0;
    public static bool operator <=(CriterionCode left, CriterionCode right) => left.CompareTo(right) <= 0;
    public static bool operator >(CriterionCode left, CriterionCode right) => left.CompareTo(right) > 0;
    public static bool operator >=(CriterionCode left, CriterionCode right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value ?? "";

    public static implicit operator string(CriterionCode code) => code.Value;
}
