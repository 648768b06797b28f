using ParServerless.Files.Workflow;
using ParServerless.Pipeline.Registry;
using ParServerless.Scoring.Decisions;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Pipeline.Tests.Registry;

/// <summary>Transitions of a year (kỳ đánh giá) are guarded on the aggregate: changed, unchanged, or refused with a code.</summary>
public sealed class YearRecordTest
{
    private static readonly DateTimeOffset Now = new(2021, 12, 20, 3, 4, 5, 678, TimeSpan.Zero);
    private static readonly YearRecord Open = YearRecord.Open(2021, new SchemeRef("hue", 1), new DecisionSettings { Province = "Thừa Thiên Huế", Place = "Huế" }, null);
    private static readonly YearRecord Published = ((YearChange.Changed)Open.Publish("abc", Now)).Year;

    [Fact]
    public void SetRound_OpenYear_ChangesTheWindow()
    {
        var change = Open.SetRound(WorkflowStep.Survey, new RoundWindow(null, Now));
        var changed = Assert.IsType<YearChange.Changed>(change);
        Assert.Equal(Now, changed.Year.WindowFor(WorkflowStep.Survey).Deadline);
    }

    [Fact]
    public void SetRound_SameWindowAgain_IsUnchanged()
    {
        var once = Open.SetRound(WorkflowStep.Survey, new RoundWindow(null, Now)).Result!;
        Assert.IsType<YearChange.Unchanged>(once.SetRound(WorkflowStep.Survey, new RoundWindow(null, Now)));
    }

    [Fact]
    public void EveryChange_PublishedYear_IsRefusedWithPARA025()
    {
        YearChange[] changes =
        [
            Published.SetRound(WorkflowStep.Survey, new RoundWindow(null, Now)),
            Published.CloseRound(WorkflowStep.SelfAssessment, Now),
            Published.ChangeSettings(Published.Scheme, Published.Decision, Now),
            Published.UnitsRegistered(),
            Published.RecordDraft("def"),
            Published.Publish("def", Now),
        ];
        Assert.All(changes, c => Assert.Equal("PAR-A025", Assert.IsType<YearChange.Refused>(c).Why.Code));
        Assert.All(changes, c => Assert.Equal(409, c.Refusal!.Status));
    }

    [Fact]
    public void Publish_SameHashAgain_IsUnchanged() =>
        Assert.IsType<YearChange.Unchanged>(Published.Publish("abc", Now.AddDays(1)));

    [Fact]
    public void CloseRound_CutsToWholeSeconds_BecauseBlobTimesHaveNoFinerPrecision()
    {
        var closed = Open.CloseRound(WorkflowStep.SelfAssessment, Now).Result!;
        Assert.Equal(new DateTimeOffset(2021, 12, 20, 3, 4, 5, TimeSpan.Zero), closed.WindowFor(WorkflowStep.SelfAssessment).Deadline);
    }

    [Fact]
    public void UnitsRegistered_MovesTheVersionOn() =>
        Assert.Equal(Open.UnitsVersion + 1, Open.UnitsRegistered().Result!.UnitsVersion);

    [Fact]
    public void Missing_AnswersPARA060() =>
        Assert.Equal("PAR-A060", new YearChange.Missing(2030).Refusal!.Code);
}
