using SmartCity.Domain.Dimensions;
using SmartCity.Domain.Masterplans;

namespace SmartCity.UnitTests.Domain.Masterplans;

public class MasterplanCompletenessTests
{
    /// <summary>Ids deliberately not in the official order, to check the findings follow GOV, BRA, ECO, LIV, SOC, ENV.</summary>
    private static readonly Dictionary<int, string> Dimensions = new()
    {
        [16] = DimensionCodes.Environment,
        [11] = DimensionCodes.Governance,
        [14] = DimensionCodes.Living,
        [12] = DimensionCodes.Branding,
        [15] = DimensionCodes.Society,
        [13] = DimensionCodes.Economy,
    };

    private static int DimensionId(string code) => Dimensions.Single(d => d.Value == code).Key;

    /// <summary>A plan 2018–2028 with everything filled in: one strategy and one programme per dimension, all nine components graded.</summary>
    private static Masterplan CompletePlan()
    {
        var plan = new Masterplan
        {
            Id = 1,
            RegencyId = 7,
            Title = "Masterplan Smart City Jepara",
            StartYear = 2018,
            EndYear = 2028,
            RpjmdStartYear = 2017,
            RpjmdEndYear = 2022,
            RpjmdTitle = "RPJMD Kabupaten Jepara 2017–2022",
            Vision = "Jepara yang cerdas",
            Missions = "1. Layanan publik digital",
            Readiness = [.. Enum.GetValues<ReadinessComponent>().Select(c => new ReadinessRating { Component = c, Grade = ReadinessGrade.Moderate })],
            Goals = [new MasterplanGoal { Id = 1, DimensionId = DimensionId(DimensionCodes.Governance), Text = "Perizinan daring" }],
            Signatories = [new Signatory { Name = "Ahmad Marzuqi", Position = "Bupati Jepara" }],
        };
        var order = 0;
        foreach (var (id, code) in Dimensions)
        {
            plan.Strategies.Add(new DimensionStrategy { DimensionId = id, Text = $"Strategi {code}" });
            plan.Programmes.Add(new Programme { Id = 100 + id, Name = $"Program {code}", DimensionId = id, StartYear = 2018, EndYear = 2028, SortOrder = order++ });
        }

        return plan;
    }

    private static IReadOnlyList<CompletenessIssue> Check(Masterplan plan, params PlanQuickWin[] quickWins) =>
        MasterplanCompleteness.Check(plan, Dimensions, quickWins);

    private static CompletenessIssue Only(IReadOnlyList<CompletenessIssue> issues, CompletenessRule rule) =>
        Assert.Single(issues, i => i.Rule == rule);

    [Fact]
    public void A_complete_plan_has_no_issues()
    {
        var plan = CompletePlan();
        var quickWins = new[] { new PlanQuickWin(1, "Singmantap", 111, new DateOnly(2018, 3, 1)) };

        Assert.Empty(Check(plan, quickWins));
        Assert.True(MasterplanCompleteness.IsComplete(plan, Dimensions, quickWins));
    }

    [Fact]
    public void An_empty_plan_reports_every_block_in_editor_order()
    {
        var plan = new Masterplan { Title = "Draf", StartYear = 2020, EndYear = 2022 };

        var issues = Check(plan);

        Assert.Equal(
            [
                CompletenessRule.PeriodInvalid,
                CompletenessRule.RpjmdMissing,
                CompletenessRule.ReadinessIncomplete,
                CompletenessRule.EmptyVision,
                CompletenessRule.NoMissions,
                CompletenessRule.NoGoals,
                .. Enumerable.Repeat(CompletenessRule.DimensionWithoutStrategy, 6),
                .. Enumerable.Repeat(CompletenessRule.DimensionWithoutProgramme, 6),
                CompletenessRule.NoSignatories,
            ],
            issues.Select(i => i.Rule));
        Assert.False(MasterplanCompleteness.IsComplete(plan, Dimensions, []));
        Assert.Equal(
            DimensionCodes.All,
            issues.Where(i => i.Rule == CompletenessRule.DimensionWithoutProgramme).Select(i => i.Subject));
    }

    [Theory]
    [InlineData(2018, 2023, false)]
    [InlineData(2018, 2028, false)]
    [InlineData(2018, 2022, true)]
    [InlineData(2018, 2029, true)]
    [InlineData(2028, 2018, true)]
    public void PeriodInvalid_follows_MasterplanPeriod(int start, int end, bool expected)
    {
        var plan = CompletePlan();
        plan.StartYear = start;
        plan.EndYear = end;
        foreach (var p in plan.Programmes)
        {
            (p.StartYear, p.EndYear) = (Math.Min(start, end), Math.Min(start, end));
        }

        var issues = Check(plan);

        Assert.Equal(expected, issues.Any(i => i.Rule == CompletenessRule.PeriodInvalid));
        if (expected)
        {
            Assert.Equal([start, end, 5, 10], Only(issues, CompletenessRule.PeriodInvalid).Arguments);
        }
    }

    [Theory]
    [InlineData(null, 2017, 2022)]
    [InlineData("  ", 2017, 2022)]
    [InlineData("RPJMD", 0, 2022)]
    [InlineData("RPJMD", 2017, 0)]
    public void RpjmdMissing_without_title_or_years(string? title, int start, int end)
    {
        var plan = CompletePlan();
        (plan.RpjmdTitle, plan.RpjmdStartYear, plan.RpjmdEndYear) = (title, start, end);

        var issue = Assert.Single(Check(plan));

        Assert.Equal(CompletenessRule.RpjmdMissing, issue.Rule);
        Assert.Empty(issue.Arguments);
    }

    [Theory]
    [InlineData(2017, 2016, true)]
    [InlineData(2017, 2017, false)]
    [InlineData(2017, 2022, false)]
    public void RpjmdPeriodInvalid_when_it_ends_before_it_starts(int start, int end, bool expected)
    {
        var plan = CompletePlan();
        (plan.RpjmdStartYear, plan.RpjmdEndYear) = (start, end);

        var issues = Check(plan);

        if (expected)
        {
            Assert.Equal([start, end], Assert.Single(issues, i => i.Rule == CompletenessRule.RpjmdPeriodInvalid).Arguments);
            Assert.Single(issues);
        }
        else
        {
            Assert.Empty(issues);
        }
    }

    [Fact]
    public void ReadinessIncomplete_lists_components_without_a_rating_or_with_an_ungraded_row()
    {
        var plan = CompletePlan();
        plan.Readiness.RemoveAll(r => r.Component == ReadinessComponent.StrukturBudget);
        plan.Readiness.Single(r => r.Component == ReadinessComponent.SuprastrukturRegulation).Grade = null;
        // Per-element rows: one graded and one not makes the component incomplete; both graded is fine.
        plan.Readiness.Add(new ReadinessRating { Component = ReadinessComponent.InfrastrukturDigital, ElementId = 5, Grade = null });
        plan.Readiness.Add(new ReadinessRating { Component = ReadinessComponent.InfrastrukturPhysical, ElementId = 5, Grade = ReadinessGrade.Poor });

        var issue = Assert.Single(Check(plan));

        Assert.Equal(CompletenessRule.ReadinessIncomplete, issue.Rule);
        Assert.Equal(
            [ReadinessComponent.StrukturBudget, ReadinessComponent.InfrastrukturDigital, ReadinessComponent.SuprastrukturRegulation],
            issue.Components);
        Assert.Equal([3], issue.Arguments);
    }

    [Fact]
    public void Readiness_per_element_only_is_complete_when_every_row_is_graded()
    {
        var plan = CompletePlan();
        foreach (var r in plan.Readiness)
        {
            r.ElementId = 3;
        }

        plan.Readiness.AddRange(Enum.GetValues<ReadinessComponent>().Select(c => new ReadinessRating { Component = c, ElementId = 4, Grade = ReadinessGrade.Good }));

        Assert.Empty(Check(plan));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void EmptyVision_and_NoMissions_on_blank_text(string? text)
    {
        var noVision = CompletePlan();
        noVision.Vision = text;
        var noMissions = CompletePlan();
        noMissions.Missions = text;

        Assert.Equal(CompletenessRule.EmptyVision, Assert.Single(Check(noVision)).Rule);
        Assert.Equal(CompletenessRule.NoMissions, Assert.Single(Check(noMissions)).Rule);
    }

    [Fact]
    public void NoGoals_when_there_is_no_goal_with_text()
    {
        var plan = CompletePlan();
        plan.Goals.Clear();
        Assert.Equal(CompletenessRule.NoGoals, Assert.Single(Check(plan)).Rule);

        plan.Goals.Add(new MasterplanGoal { DimensionId = DimensionId(DimensionCodes.Economy), Text = "  " });
        Assert.Equal(CompletenessRule.NoGoals, Assert.Single(Check(plan)).Rule);

        plan.Goals.Add(new MasterplanGoal { DimensionId = DimensionId(DimensionCodes.Economy), Text = "UMKM daring" });
        Assert.Empty(Check(plan));
    }

    [Fact]
    public void DimensionWithoutStrategy_names_each_dimension_without_a_strategy_text()
    {
        var plan = CompletePlan();
        plan.Strategies.RemoveAll(s => s.DimensionId == DimensionId(DimensionCodes.Environment));
        plan.Strategies.Single(s => s.DimensionId == DimensionId(DimensionCodes.Branding)).Text = " ";

        var issues = Check(plan);

        Assert.All(issues, i => Assert.Equal(CompletenessRule.DimensionWithoutStrategy, i.Rule));
        Assert.Equal([DimensionCodes.Branding, DimensionCodes.Environment], issues.Select(i => i.Subject));
        Assert.Equal([DimensionId(DimensionCodes.Branding), DimensionId(DimensionCodes.Environment)], issues.Select(i => i.SubjectId));
        Assert.Equal([DimensionCodes.Branding], issues[0].Arguments);
    }

    [Fact]
    public void DimensionWithoutProgramme_names_the_dimension_and_two_programmes_in_one_dimension_do_not_cover_another()
    {
        var plan = CompletePlan();
        var society = plan.Programmes.Single(p => p.DimensionId == DimensionId(DimensionCodes.Society));
        society.DimensionId = DimensionId(DimensionCodes.Living);

        var issue = Assert.Single(Check(plan));

        Assert.Equal(CompletenessRule.DimensionWithoutProgramme, issue.Rule);
        Assert.Equal(DimensionCodes.Society, issue.Subject);
        Assert.Equal(DimensionId(DimensionCodes.Society), issue.SubjectId);
        Assert.Equal([DimensionCodes.Society], issue.Arguments);
    }

    [Fact]
    public void Only_the_dimensions_passed_in_must_be_covered()
    {
        var plan = CompletePlan();
        plan.Programmes.RemoveAll(p => p.DimensionId == DimensionId(DimensionCodes.Economy));
        var withoutEconomy = Dimensions.Where(d => d.Value != DimensionCodes.Economy).ToDictionary();

        Assert.Empty(MasterplanCompleteness.Check(plan, withoutEconomy, []));
        Assert.Equal(DimensionCodes.Economy, Assert.Single(Check(plan)).Subject);
    }

    [Theory]
    [InlineData(2018, 2028, false)]
    [InlineData(2018, 2018, false)]
    [InlineData(2028, 2028, false)]
    [InlineData(2017, 2020, true)]
    [InlineData(2020, 2029, true)]
    [InlineData(2017, 2029, true)]
    [InlineData(2029, 2030, true)]
    [InlineData(2016, 2017, true)]
    public void ProgrammeYearsOutsidePeriod_bounds_are_inside(int start, int end, bool expected)
    {
        var plan = CompletePlan();
        var programme = plan.Programmes[2];
        (programme.StartYear, programme.EndYear) = (start, end);

        var issues = Check(plan);

        if (expected)
        {
            var issue = Assert.Single(issues);
            Assert.Equal(CompletenessRule.ProgrammeYearsOutsidePeriod, issue.Rule);
            Assert.Equal(programme.Name, issue.Subject);
            Assert.Equal(programme.Id, issue.SubjectId);
            Assert.Equal([programme.Name, start, end, 2018, 2028], issue.Arguments);
        }
        else
        {
            Assert.Empty(issues);
        }
    }

    [Theory]
    [InlineData(2020, 2019, true)]
    [InlineData(2020, 2020, false)]
    [InlineData(2020, 2021, false)]
    public void ProgrammeEndBeforeStart_a_single_year_is_fine(int start, int end, bool expected)
    {
        var plan = CompletePlan();
        var programme = plan.Programmes[0];
        (programme.StartYear, programme.EndYear) = (start, end);

        var issues = Check(plan);

        if (expected)
        {
            var issue = Assert.Single(issues);
            Assert.Equal(CompletenessRule.ProgrammeEndBeforeStart, issue.Rule);
            Assert.Equal([programme.Name, start, end], issue.Arguments);
        }
        else
        {
            Assert.Empty(issues);
        }
    }

    [Fact]
    public void A_programme_both_reversed_and_outside_reports_both_in_programme_order()
    {
        var plan = CompletePlan();
        plan.Programmes[4].StartYear = 2030;
        plan.Programmes[4].EndYear = 2016;
        plan.Programmes[1].EndYear = 2029;

        Assert.Equal(
            [
                (CompletenessRule.ProgrammeYearsOutsidePeriod, plan.Programmes[1].Name),
                (CompletenessRule.ProgrammeEndBeforeStart, plan.Programmes[4].Name),
                (CompletenessRule.ProgrammeYearsOutsidePeriod, plan.Programmes[4].Name),
            ],
            Check(plan).Select(i => (i.Rule, i.Subject)));
    }

    [Theory]
    [InlineData(2018, 1, 1, false)]
    [InlineData(2019, 12, 31, false)]
    [InlineData(2020, 1, 1, true)]
    [InlineData(2024, 6, 1, true)]
    public void QuickWinStartsLate_after_the_last_day_of_the_second_year(int year, int month, int day, bool expected)
    {
        var plan = CompletePlan();
        var start = new DateOnly(year, month, day);
        var quickWin = new PlanQuickWin(9, "Siangsa", plan.Programmes[5].Id, start);

        var issues = Check(plan, quickWin);

        Assert.Equal(new DateOnly(2019, 12, 31), MasterplanCompleteness.LastQuickWinStart(2018));
        if (expected)
        {
            var issue = Assert.Single(issues);
            Assert.Equal(CompletenessRule.QuickWinStartsLate, issue.Rule);
            Assert.Equal("Siangsa", issue.Subject);
            Assert.Equal(9, issue.SubjectId);
            Assert.Equal(["Siangsa", start, new DateOnly(2019, 12, 31)], issue.Arguments);
        }
        else
        {
            Assert.Empty(issues);
        }
    }

    [Fact]
    public void QuickWins_not_linked_to_a_programme_of_the_plan_are_ignored()
    {
        var plan = CompletePlan();
        var late = new DateOnly(2023, 1, 1);

        Assert.Empty(Check(plan, new PlanQuickWin(1, "Lain", 999, late), new PlanQuickWin(2, "Tanpa program", null, late)));
        Assert.Equal(
            ["Simpus", "JOSS"],
            Check(plan, new PlanQuickWin(4, "JOSS", plan.Programmes[0].Id, new DateOnly(2021, 10, 1)), new PlanQuickWin(3, "Simpus", plan.Programmes[3].Id, new DateOnly(2020, 2, 1)))
                .Select(i => i.Subject));
    }

    [Fact]
    public void NoSignatories_when_the_commitment_is_empty()
    {
        var plan = CompletePlan();
        plan.Signatories.Clear();

        var issue = Assert.Single(Check(plan));

        Assert.Equal(CompletenessRule.NoSignatories, issue.Rule);
        Assert.Null(issue.Subject);
    }
}
