using ParServerless.Pipeline.Problems;

namespace ParServerless.Pipeline.Registry;

/// <summary>
/// What a transition of a year (kỳ đánh giá) decided: the changed year to store, no change, a coded refusal, or no such year.
/// Transitions are methods of <see cref="YearRecord"/>; <see cref="YearStore.ApplyAsync"/> writes only a <see cref="Changed"/>.
/// </summary>
public abstract record YearChange
{
    private YearChange() { }

    /// <summary>The transition changed the year; the store writes it.</summary>
    public sealed record Changed(YearRecord Year) : YearChange;

    /// <summary>The year already was as asked; nothing is written.</summary>
    public sealed record Unchanged(YearRecord Year) : YearChange;

    /// <summary>The transition is not allowed in the year's state.</summary>
    public sealed record Refused(Refusal Why) : YearChange;

    /// <summary>There is no such year.</summary>
    public sealed record Missing(int Year) : YearChange;

    /// <summary>The year after the transition, when there is one.</summary>
    public YearRecord? Result => this switch { Changed c => c.Year, Unchanged u => u.Year, _ => null };

    /// <summary>The refusal to answer with: the transition's own, or <c>PAR-A060</c> for a missing year.</summary>
    public Refusal? Refusal => this switch { Refused r => r.Why, Missing m => PipelineProblems.YearMissing(m.Year), _ => null };
}
