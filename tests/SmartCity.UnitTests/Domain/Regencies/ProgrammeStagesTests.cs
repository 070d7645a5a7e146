using SmartCity.Domain.Regencies;

namespace SmartCity.UnitTests.Domain.Regencies;

public class ProgrammeStagesTests
{
    [Theory]
    [InlineData(ProgrammeStage.Selection, ProgrammeStage.Mou)]
    [InlineData(ProgrammeStage.Mou, ProgrammeStage.BimtekI)]
    [InlineData(ProgrammeStage.BimtekI, ProgrammeStage.BimtekII)]
    [InlineData(ProgrammeStage.BimtekII, ProgrammeStage.BimtekIII)]
    [InlineData(ProgrammeStage.BimtekIII, ProgrammeStage.BimtekIV)]
    [InlineData(ProgrammeStage.BimtekIV, ProgrammeStage.Presentation)]
    [InlineData(ProgrammeStage.Presentation, ProgrammeStage.Evaluation)]
    public void Next_follows_the_programme_order(ProgrammeStage stage, ProgrammeStage expected)
    {
        Assert.Equal(expected, stage.Next());
    }

    [Fact]
    public void Evaluation_has_no_next_stage()
    {
        Assert.Null(ProgrammeStage.Evaluation.Next());
    }

    [Fact]
    public void Walking_Next_from_Selection_visits_every_stage_once_in_order()
    {
        var visited = new List<ProgrammeStage>();
        for (ProgrammeStage? stage = ProgrammeStage.Selection; stage is { } s; stage = s.Next())
        {
            visited.Add(s);
        }

        Assert.Equal(Enum.GetValues<ProgrammeStage>().Order(), visited);
    }

    [Fact]
    public void Ordered_history_is_consistent()
    {
        var history = new[]
        {
            Change(ProgrammeStage.Selection, 2018, 1, 10),
            Change(ProgrammeStage.Mou, 2018, 3, 1),
            Change(ProgrammeStage.BimtekI, 2018, 5, 2),
            Change(ProgrammeStage.BimtekIV, 2018, 10, 17),
            Change(ProgrammeStage.Presentation, 2018, 12, 12),
            Change(ProgrammeStage.Evaluation, 2019, 11, 1),
        };

        Assert.True(ProgrammeStages.IsConsistentHistory(history));
    }

    [Fact]
    public void Evaluation_may_repeat()
    {
        var history = new[]
        {
            Change(ProgrammeStage.Presentation, 2018, 12, 12),
            Change(ProgrammeStage.Evaluation, 2019, 11, 1),
            Change(ProgrammeStage.Evaluation, 2020, 11, 1),
            Change(ProgrammeStage.Evaluation, 2023, 11, 8),
        };

        Assert.True(ProgrammeStages.IsConsistentHistory(history));
    }

    [Fact]
    public void History_is_judged_by_date_not_by_list_order()
    {
        var history = new[]
        {
            Change(ProgrammeStage.BimtekI, 2018, 5, 2),
            Change(ProgrammeStage.Selection, 2018, 1, 10),
            Change(ProgrammeStage.Mou, 2018, 3, 1),
        };

        Assert.True(ProgrammeStages.IsConsistentHistory(history));
    }

    [Fact]
    public void A_stage_going_backwards_is_inconsistent()
    {
        var history = new[]
        {
            Change(ProgrammeStage.Selection, 2018, 1, 10),
            Change(ProgrammeStage.BimtekI, 2018, 3, 1),
            Change(ProgrammeStage.Mou, 2018, 5, 2),
        };

        Assert.False(ProgrammeStages.IsConsistentHistory(history));
    }

    [Fact]
    public void Leaving_evaluation_for_an_earlier_stage_is_inconsistent()
    {
        var history = new[]
        {
            Change(ProgrammeStage.Evaluation, 2019, 11, 1),
            Change(ProgrammeStage.Presentation, 2020, 2, 1),
        };

        Assert.False(ProgrammeStages.IsConsistentHistory(history));
    }

    [Fact]
    public void Empty_history_is_consistent()
    {
        Assert.True(ProgrammeStages.IsConsistentHistory([]));
    }

    private static StageChange Change(ProgrammeStage stage, int year, int month, int day) =>
        new() { RegencyId = 1, Stage = stage, Date = new DateOnly(year, month, day) };
}
