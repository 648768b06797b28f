using ParServerless.Files.Workflow;
using ParServerless.Scoring.Marks;

namespace ParServerless.Files.Tests;

/// <summary>The one catalogue of workflow steps: stored names pinned, every lookup the inverse of the table, kinds consistent.</summary>
public class WorkflowStepsTest
{
    /// <summary>
    /// What is stored under each step's names: year rows key round windows by <c>Name</c>, blobs live in <c>Container</c>, mark
    /// rows carry <c>S{MarkSource}</c>. Changing any of these makes existing data read differently, so they are pinned as written
    /// before the catalogue existed (the old RoundName values, container constants and MarkSource numbers).
    /// </summary>
    [Fact]
    public void StoredNames_AreTheOnesExistingDataUses()
    {
        var stored = WorkflowSteps.All.Select(s => ((int)s.Step, s.Name, s.Container, (int)s.MarkSource, s.UploadKind, s.AppraisalRound)).ToList();
        Assert.Equal(
            [
                (1, "self-assessment", "submissions", 1, "self-assessment", null),
                (2, "appraisal-1", "appraisals", 2, "appraisal", 1),
                (3, "explanation", "explanations", 3, "explanation", null),
                (4, "appraisal-2", "appraisals", 4, "appraisal", 2),
                (5, "survey", "surveys", 5, "survey", null),
                (6, "bonus-penalty", "adjustments", 6, "bonus-penalty", null),
                (7, "history", "history", 0, "history", (int?)null),
            ],
            stored);
        Assert.Equal(["submissions", "explanations", "appraisals", "surveys", "adjustments", "history"], WorkflowSteps.Containers.All);
    }

    [Fact]
    public void EveryValueOfTheThreeVocabularies_HasItsSteps()
    {
        foreach (var step in Enum.GetValues<WorkflowStep>().Where(s => s != WorkflowStep.Invalid))
            Assert.Single(WorkflowSteps.All, s => s.Step == step);
        foreach (var source in Enum.GetValues<MarkSource>().Where(s => s != MarkSource.Invalid))
            Assert.Single(WorkflowSteps.All, s => s.MarkSource == source);
        foreach (var kind in Enum.GetValues<FileKind>().Where(k => k != FileKind.Invalid))
            Assert.Contains(WorkflowSteps.All, s => s.FileKind == kind);
        Assert.Equal(WorkflowSteps.All.Select(s => s.Container).Distinct().Order(StringComparer.Ordinal),
            WorkflowSteps.Containers.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryLookup_FindsTheStepItWasGiven()
    {
        foreach (var s in WorkflowSteps.All)
        {
            Assert.Same(s, WorkflowSteps.Of(s.Step));
            Assert.Same(s, WorkflowSteps.Named(s.Name));
            Assert.Same(s, WorkflowSteps.Named(s.Name.ToUpperInvariant()));
            Assert.Same(s, WorkflowSteps.For(s.FileKind, s.AppraisalRound));
            Assert.Equal(s.FileKind, WorkflowSteps.ByUploadKind(s.UploadKind)!.FileKind);
            Assert.Equal(s.FileKind, WorkflowSteps.InContainer(s.Container)!.FileKind);
            Assert.Equal(s.FileKind, WorkflowSteps.OfKind(s.FileKind).FileKind);
        }
    }

    [Theory]
    [InlineData(FileKind.Appraisal, null)]
    [InlineData(FileKind.Appraisal, 3)]
    [InlineData(FileKind.Invalid, null)]
    public void AnAppraisalWithoutItsRound_OrNoKind_IsNoStep(FileKind kind, int? round) => Assert.Null(WorkflowSteps.For(kind, round));

    [Theory]
    [InlineData("appraisal-3")]
    [InlineData("")]
    [InlineData(null)]
    public void AnUnknownRoundName_IsNoStep(string? name) => Assert.Null(WorkflowSteps.Named(name));

    [Fact]
    public void KindsWithoutRoundStillNameTheirStep_AndTheRoundIsIgnored() =>
        Assert.Equal(WorkflowStep.Survey, WorkflowSteps.For(FileKind.Survey, 2)!.Step);

    /// <summary>Both appraisal rounds are one file kind: every per-kind name must agree, or a lookup by kind would depend on order.</summary>
    [Fact]
    public void StepsOfOneFileKind_AgreeOnEveryPerKindName()
    {
        foreach (var kind in WorkflowSteps.All.GroupBy(s => s.FileKind))
        {
            Assert.Single(kind.Select(s => (s.Container, s.UploadKind, s.Scope, s.Actor, s.KindVietnamese, s.SheetName)).Distinct());
            Assert.Equal(kind.Count() > 1, kind.All(s => s.AppraisalRound is not null));
        }
        Assert.All(WorkflowSteps.All, s => Assert.Equal(s.Scope == PathScope.Round, s.AppraisalRound is not null));
    }

    [Fact]
    public void PeopleFacingNamesAreDistinct_AndTemplateStemsAreAscii()
    {
        Assert.Equal(WorkflowSteps.All.Count, WorkflowSteps.All.Select(s => s.Name).Distinct().Count());
        Assert.Equal(WorkflowSteps.All.Count, WorkflowSteps.All.Select(s => s.Vietnamese).Distinct().Count());
        Assert.Equal(WorkflowSteps.All.Count, WorkflowSteps.All.Select(s => s.TemplateStem).Distinct().Count());
        Assert.All(WorkflowSteps.All, s => Assert.Matches("^[a-z0-9-]+$", s.TemplateStem));
        Assert.All(WorkflowSteps.All, s => Assert.EndsWith("NĂM 2021", string.Format(System.Globalization.CultureInfo.InvariantCulture, s.TemplateTitle, 2021), StringComparison.Ordinal));
    }

    [Fact]
    public void AgencyAndCouncilSteps_AreTheOnesTheirRoutesTake()
    {
        Assert.Equal(["self-assessment", "explanation"], WorkflowSteps.UploadKindsOf(StepActor.Agency));
        Assert.Equal(["appraisal", "survey", "bonus-penalty"], WorkflowSteps.UploadKindsOf(StepActor.Council));
        Assert.Equal(["self-assessment", "appraisal", "explanation", "survey", "bonus-penalty", "history"], WorkflowSteps.UploadKinds);
    }
}
