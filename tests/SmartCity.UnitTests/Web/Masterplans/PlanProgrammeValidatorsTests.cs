using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Features.Masterplans.Programmes;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Resources;

namespace SmartCity.UnitTests.Web.Masterplans;

/// <summary>The programme dialog's validator (and the "make a quick win" one), with the shipped (Indonesian) messages.</summary>
public sealed class PlanProgrammeValidatorsTests
{
    private static readonly IStringLocalizer<SharedResource> L =
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static PlanProgrammeInput Valid() => new()
    {
        Name = "Jombang Smart Service",
        DimensionId = 1,
        Horizon = Horizon.ShortTerm,
        StartYear = 2020,
        EndYear = 2021,
        BudgetEstimate = 750_000_000,
        BudgetSource = "APBD",
        RpjmdReference = "Program Peningkatan Pelayanan Publik",
        Kpis = [new PlanProgrammeKpiInput { Name = "Izin terbit daring", Unit = "izin", Baseline = 0, Target = 1200 }],
    };

    private static string[] Failed(Action<PlanProgrammeInput> change)
    {
        var input = Valid();
        change(input);
        return Fields(new PlanProgrammeInputValidator(L).Validate(input));
    }

    private static string[] Fields(ValidationResult result) => result.Errors.Select(e => e.PropertyName).Distinct().ToArray();

    [Fact]
    public void A_complete_programme_is_valid() => Assert.Empty(Failed(_ => { }));

    [Fact]
    public void Optional_fields_may_stay_empty()
    {
        Assert.Empty(Failed(x =>
        {
            x.BudgetEstimate = null;
            x.BudgetSource = null;
            x.RpjmdReference = null;
            x.Kpis = [new PlanProgrammeKpiInput { Name = "Tanpa angka" }];
        }));
    }

    [Fact]
    public void Name_is_required_and_limited()
    {
        var input = Valid();
        input.Name = " ";
        var error = Assert.Single(new PlanProgrammeInputValidator(L).Validate(input).Errors);
        Assert.Equal((nameof(PlanProgrammeInput.Name), "Wajib diisi."), (error.PropertyName, error.ErrorMessage));
        Assert.Equal([nameof(PlanProgrammeInput.Name)], Failed(x => x.Name = new string('a', TextLimits.Name + 1)));
        Assert.Empty(Failed(x => x.Name = new string('a', TextLimits.Name)));
    }

    [Fact]
    public void Dimension_and_both_years_are_required()
    {
        Assert.Equal([nameof(PlanProgrammeInput.DimensionId)], Failed(x => x.DimensionId = null));
        Assert.Equal([nameof(PlanProgrammeInput.StartYear)], Failed(x => x.StartYear = null));
        Assert.Equal([nameof(PlanProgrammeInput.EndYear)], Failed(x => x.EndYear = null));
    }

    [Fact]
    public void The_end_year_may_equal_but_not_precede_the_start_year()
    {
        Assert.Empty(Failed(x => x.EndYear = 2020));
        var input = Valid();
        input.EndYear = 2019;
        var error = Assert.Single(new PlanProgrammeInputValidator(L).Validate(input).Errors);
        Assert.Equal((nameof(PlanProgrammeInput.EndYear), "Tahun selesai tidak boleh sebelum tahun mulai."), (error.PropertyName, error.ErrorMessage));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_000_000_000_000_000)]
    public void The_budget_estimate_lies_between_zero_and_the_largest_budget(decimal budget) =>
        Assert.Equal([nameof(PlanProgrammeInput.BudgetEstimate)], Failed(x => x.BudgetEstimate = budget));

    [Fact]
    public void The_largest_budget_and_zero_are_accepted()
    {
        Assert.Empty(Failed(x => x.BudgetEstimate = QuickWinInputValidator.MaxBudget));
        Assert.Empty(Failed(x => x.BudgetEstimate = 0));
    }

    [Fact]
    public void Texts_keep_their_database_limits()
    {
        Assert.Equal([nameof(PlanProgrammeInput.BudgetSource)], Failed(x => x.BudgetSource = new string('a', TextLimits.Name + 1)));
        Assert.Equal([nameof(PlanProgrammeInput.RpjmdReference)], Failed(x => x.RpjmdReference = new string('a', TextLimits.Reference + 1)));
        Assert.Empty(Failed(x => x.RpjmdReference = new string('a', TextLimits.Reference)));
    }

    [Fact]
    public void An_unknown_horizon_is_refused() => Assert.Equal([nameof(PlanProgrammeInput.Horizon)], Failed(x => x.Horizon = (Horizon)7));

    [Fact]
    public void Each_KPI_needs_a_name_a_short_unit_and_non_negative_numbers()
    {
        Assert.Equal(["Kpis[1].Name"], Failed(x => x.Kpis.Add(new PlanProgrammeKpiInput { Name = "", Target = 5 })));
        Assert.Equal(["Kpis[0].Unit"], Failed(x => x.Kpis[0].Unit = new string('u', TextLimits.ShortName + 1)));
        Assert.Equal(["Kpis[0].Baseline"], Failed(x => x.Kpis[0].Baseline = -1));
        Assert.Equal(["Kpis[0].Target"], Failed(x => x.Kpis[0].Target = PlanProgrammeInputValidator.MaxKpiValue + 1));
        Assert.Empty(Failed(x => x.Kpis[0].Target = 0));
    }

    [Fact]
    public void At_most_twenty_KPIs()
    {
        Assert.Empty(Failed(x => x.Kpis = Enumerable.Range(1, PlanProgrammeInputValidator.MaxKpis).Select(i => new PlanProgrammeKpiInput { Name = $"KPI {i}" }).ToList()));
        Assert.Equal([nameof(PlanProgrammeInput.Kpis)], Failed(x => x.Kpis = Enumerable.Range(1, PlanProgrammeInputValidator.MaxKpis + 1).Select(i => new PlanProgrammeKpiInput { Name = $"KPI {i}" }).ToList()));
    }

    [Fact]
    public void Making_a_quick_win_needs_dates_in_order_and_a_budget()
    {
        var validator = new QuickWinFromProgrammeInputValidator(L);
        var valid = new QuickWinFromProgrammeInput { Acronym = "JSS", StartDate = new DateTime(2020, 3, 1), TargetDate = new DateTime(2020, 12, 31), Budget = 0, Kind = QuickWinKind.PolicyInnovation };
        Assert.True(validator.Validate(valid).IsValid);

        valid.TargetDate = new DateTime(2020, 2, 29);
        valid.Budget = null;
        valid.Acronym = new string('A', TextLimits.ShortName + 1);
        Assert.Equal(
            [nameof(QuickWinFromProgrammeInput.Acronym), nameof(QuickWinFromProgrammeInput.TargetDate), nameof(QuickWinFromProgrammeInput.Budget)],
            Fields(validator.Validate(valid)));
    }
}
