using System.Diagnostics.CodeAnalysis;

namespace ParServerless.Pipeline.Problems;

/// <summary>A value, or the coded refusal that stands in its place. Never a <c>null</c> that could mean two things.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal) where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsOk => Value is not null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);
}
