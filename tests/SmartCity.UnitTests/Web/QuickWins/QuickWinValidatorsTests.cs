using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Resources;

namespace SmartCity.UnitTests.Web.QuickWins;

/// <summary>The form validators of quick wins, milestones, KPIs, reports and returns, with the shipped (Indonesian) messages.</summary>
public sealed class QuickWinValidatorsTests
{
    private static readonly IStringLocalizer<SharedResource> L =
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    /// <summary>A clock at 23 Nov 2026 10:00 UTC (17:00 WIB, 19:00 WIT).</summary>
    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    }

    private static QuickWinInput ValidQuickWin() => new()
    {
        Name = "Jepara Online Smart Service",
        Acronym = "JOSS",
        DimensionId = 1,
        StartDate = new DateTime(2021, 1, 4),
        TargetDate = new DateTime(2021, 10, 31),
        Budget = 450_000_000,
        Kind = QuickWinKind.ItSystem,
        Status = QuickWinStatus.Running,
    };

    private static string[] FailedFields(ValidationResult result) => result.Errors.Select(e => e.PropertyName).Distinct().ToArray();

    private static string[] QuickWinErrors(Action<QuickWinInput> change)
    {
        var input = ValidQuickWin();
        change(input);
        return FailedFields(new QuickWinInputValidator(L).Validate(input));
    }

    [Fact]
    public void A_complete_quick_win_is_valid() => Assert.Empty(QuickWinErrors(_ => { }));

    [Fact]
    public void Name_is_required_with_the_shipped_message()
    {
        var input = ValidQuickWin();
        input.Name = "";

        var error = Assert.Single(new QuickWinInputValidator(L).Validate(input).Errors);

        Assert.Equal((nameof(QuickWinInput.Name), "Wajib diisi."), (error.PropertyName, error.ErrorMessage));
    }

    [Theory]
    [InlineData(nameof(QuickWinInput.Name), TextLimits.Name)]
    [InlineData(nameof(QuickWinInput.Acronym), TextLimits.ShortName)]
    [InlineData(nameof(QuickWinInput.Description), TextLimits.Text)]
    [InlineData(nameof(QuickWinInput.BudgetSource), TextLimits.Name)]
    public void Texts_may_be_as_long_as_their_limit_and_no_longer(string field, int limit)
    {
        var property = typeof(QuickWinInput).GetProperty(field)!;

        Assert.Empty(QuickWinErrors(q => property.SetValue(q, new string('x', limit))));
        Assert.Equal([field], QuickWinErrors(q => property.SetValue(q, new string('x', limit + 1))));
        var input = ValidQuickWin();
        property.SetValue(input, new string('x', limit + 1));
        Assert.Equal($"Paling banyak {limit} karakter.", Assert.Single(new QuickWinInputValidator(L).Validate(input).Errors).ErrorMessage);
    }

    [Fact]
    public void The_target_may_equal_the_start_but_not_precede_it()
    {
        Assert.Empty(QuickWinErrors(q => q.TargetDate = q.StartDate));
        Assert.Equal([nameof(QuickWinInput.TargetDate)], QuickWinErrors(q => q.TargetDate = q.StartDate!.Value.AddDays(-1)));
        var input = ValidQuickWin();
        input.TargetDate = input.StartDate!.Value.AddDays(-1);
        Assert.Equal("Tanggal target tidak boleh sebelum tanggal mulai.", Assert.Single(new QuickWinInputValidator(L).Validate(input).Errors).ErrorMessage);
    }

    [Fact]
    public void Dates_dimension_kind_and_status_are_required_or_chosen()
    {
        Assert.Equal([nameof(QuickWinInput.StartDate)], QuickWinErrors(q => q.StartDate = null));
        Assert.Equal([nameof(QuickWinInput.TargetDate)], QuickWinErrors(q => q.TargetDate = null));
        Assert.Equal([nameof(QuickWinInput.DimensionId)], QuickWinErrors(q => q.DimensionId = null));
        Assert.Equal([nameof(QuickWinInput.Kind)], QuickWinErrors(q => q.Kind = (QuickWinKind)9));
        Assert.Equal([nameof(QuickWinInput.Status)], QuickWinErrors(q => q.Status = (QuickWinStatus)9));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.01", true)]
    [InlineData("9999999999999999", true)]
    [InlineData("-0.01", false)]
    [InlineData("-1", false)]
    [InlineData("10000000000000000", false)]
    public void The_budget_is_zero_or_more_and_fits_the_column(string budget, bool valid)
    {
        var errors = QuickWinErrors(q => q.Budget = decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(valid ? [] : [nameof(QuickWinInput.Budget)], errors);
        Assert.Equal([nameof(QuickWinInput.Budget)], QuickWinErrors(q => q.Budget = null));
    }

    private static string[] MilestoneErrors(MilestoneInput input) => FailedFields(new MilestoneInputValidator(L, new ProgrammeClock(new FixedClock())).Validate(input));

    [Theory]
    [InlineData("0.01", true)]
    [InlineData("1", true)]
    [InlineData("1000000", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("1000000.01", false)]
    public void Milestone_weights_are_positive(string weight, bool valid)
    {
        var errors = MilestoneErrors(new MilestoneInput { Name = "Desain", Weight = decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid ? [] : [nameof(MilestoneInput.Weight)], errors);
    }

    [Fact]
    public void A_milestone_needs_a_name_and_a_weight_and_is_not_done_in_the_future()
    {
        Assert.Equal([nameof(MilestoneInput.Name)], MilestoneErrors(new MilestoneInput { Name = "", Weight = 1 }));
        Assert.Equal([nameof(MilestoneInput.Name)], MilestoneErrors(new MilestoneInput { Name = new string('m', TextLimits.Name + 1), Weight = 1 }));
        Assert.Equal([nameof(MilestoneInput.Weight)], MilestoneErrors(new MilestoneInput { Name = "Desain" }));
        Assert.Equal("Bobot harus lebih besar dari 0.", Assert.Single(new MilestoneInputValidator(L, new ProgrammeClock(new FixedClock())).Validate(new MilestoneInput { Name = "Desain", Weight = 0 }).Errors).ErrorMessage);

        // 23 Nov 2026 10:00 UTC is already 23 Nov everywhere in Indonesia, and not yet 24 Nov anywhere.
        Assert.Empty(MilestoneErrors(new MilestoneInput { Name = "Desain", Weight = 1, DoneDate = new DateTime(2026, 11, 23) }));
        Assert.Equal([nameof(MilestoneInput.DoneDate)], MilestoneErrors(new MilestoneInput { Name = "Desain", Weight = 1, DoneDate = new DateTime(2026, 11, 24) }));
    }

    private static string[] KpiErrors(Action<KpiInput> change)
    {
        var input = new KpiInput { Name = "Perizinan daring", Unit = "jenis", Baseline = 0, Target = 74 };
        change(input);
        return FailedFields(new KpiInputValidator(L).Validate(input));
    }

    [Fact]
    public void KPI_values_are_required_and_bounded_and_may_be_negative()
    {
        Assert.Empty(KpiErrors(_ => { }));
        Assert.Empty(KpiErrors(k => (k.Baseline, k.Target) = (-5.5m, KpiInputValidator.MaxValue)));
        Assert.Empty(KpiErrors(k => k.Baseline = -KpiInputValidator.MaxValue));
        Assert.Equal([nameof(KpiInput.Name)], KpiErrors(k => k.Name = " "));
        Assert.Equal([nameof(KpiInput.Unit)], KpiErrors(k => k.Unit = ""));
        Assert.Equal([nameof(KpiInput.Unit)], KpiErrors(k => k.Unit = new string('u', TextLimits.ShortName + 1)));
        Assert.Equal([nameof(KpiInput.Baseline)], KpiErrors(k => k.Baseline = null));
        Assert.Equal([nameof(KpiInput.Target)], KpiErrors(k => k.Target = null));
        Assert.Equal([nameof(KpiInput.Target)], KpiErrors(k => k.Target = KpiInputValidator.MaxValue + 1));
        Assert.Equal([nameof(KpiInput.Baseline)], KpiErrors(k => k.Baseline = -KpiInputValidator.MaxValue - 1));
    }

    private static string[] ReportErrors(ReportInput input, bool submit = false) =>
        FailedFields(new ReportInputValidator(L).Validate(input, o => o.IncludeRuleSets(submit ? ["default", ReportInputValidator.Submit] : ["default"])));

    [Theory]
    [InlineData("0", true)]
    [InlineData("100", true)]
    [InlineData("12.34", true)]
    [InlineData("12.5", true)]
    [InlineData("100.01", false)]
    [InlineData("101", false)]
    [InlineData("-0.01", false)]
    [InlineData("12.345", false)]
    [InlineData("99.999", false)]
    public void The_percent_is_0_to_100_with_at_most_two_decimals(string percent, bool valid)
    {
        var errors = ReportErrors(new ReportInput { Period = "2026-10", Percent = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid ? [] : [nameof(ReportInput.Percent)], errors);
    }

    [Fact]
    public void Percent_messages_say_what_is_wrong()
    {
        var validator = new ReportInputValidator(L);

        Assert.Equal("Persentase harus antara 0 dan 100.", Assert.Single(validator.Validate(new ReportInput { Period = "2026-10", Percent = 101 }).Errors).ErrorMessage);
        Assert.Equal("Paling banyak dua angka desimal.", Assert.Single(validator.Validate(new ReportInput { Period = "2026-10", Percent = 1.005m }).Errors).ErrorMessage);
        Assert.Equal([nameof(ReportInput.Percent)], ReportErrors(new ReportInput { Period = "2026-10" }));
    }

    [Theory]
    [InlineData("2026-10", true)]
    [InlineData("2026-Q4", true)] // the kind is the service's check: it knows the regency
    [InlineData("", false)]
    [InlineData("2026-13", false)]
    [InlineData("2026-Q5", false)]
    [InlineData("26-10", false)]
    [InlineData("Oktober 2026", false)]
    public void The_period_is_a_month_or_a_quarter(string period, bool valid) =>
        Assert.Equal(valid ? [] : [nameof(ReportInput.Period)], ReportErrors(new ReportInput { Period = period, Percent = 10 }));

    [Fact]
    public void An_empty_period_is_required_not_malformed()
    {
        var error = Assert.Single(new ReportInputValidator(L).Validate(new ReportInput { Period = "", Percent = 10 }).Errors);

        Assert.Equal((nameof(ReportInput.Period), "Wajib diisi."), (error.PropertyName, error.ErrorMessage));
    }

    [Fact]
    public void The_narrative_is_required_on_submit_only_and_texts_are_bounded()
    {
        var draft = new ReportInput { Period = "2026-10", Percent = 10 };

        Assert.Empty(ReportErrors(draft));
        Assert.Equal([nameof(ReportInput.Narrative)], ReportErrors(draft, submit: true));
        Assert.Empty(ReportErrors(new ReportInput { Period = "2026-10", Percent = 10, Narrative = "Uji coba." }, submit: true));
        Assert.Equal([nameof(ReportInput.Narrative)], ReportErrors(new ReportInput { Period = "2026-10", Percent = 10, Narrative = new string('n', TextLimits.Text + 1) }));
        Assert.Equal([nameof(ReportInput.Obstacles)], ReportErrors(new ReportInput { Period = "2026-10", Percent = 10, Obstacles = new string('o', TextLimits.Text + 1) }));
    }

    [Fact]
    public void KPI_values_in_a_report_are_optional_and_bounded()
    {
        var report = new ReportInput
        {
            Period = "2026-10",
            Percent = 10,
            Actuals = [new KpiActualInput { KpiId = 1, Value = null }, new KpiActualInput { KpiId = 2, Value = -3 }, new KpiActualInput { KpiId = 3, Value = KpiInputValidator.MaxValue }],
        };
        Assert.Empty(ReportErrors(report));

        report.Actuals.Add(new KpiActualInput { KpiId = 4, Value = KpiInputValidator.MaxValue + 1 });
        var error = Assert.Single(new ReportInputValidator(L).Validate(report).Errors);
        Assert.Equal("Actuals[3].Value", error.PropertyName);
    }

    [Fact]
    public void Returning_needs_a_reason_within_the_note_limit()
    {
        var validator = new ReturnInputValidator(L);

        Assert.True(validator.Validate(new ReturnInput { Reason = "Lampirkan foto." }).IsValid);
        Assert.Equal(nameof(ReturnInput.Reason), Assert.Single(validator.Validate(new ReturnInput { Reason = " " }).Errors).PropertyName);
        Assert.Equal(nameof(ReturnInput.Reason), Assert.Single(validator.Validate(new ReturnInput { Reason = new string('r', TextLimits.Note + 1) }).Errors).PropertyName);
    }
}
