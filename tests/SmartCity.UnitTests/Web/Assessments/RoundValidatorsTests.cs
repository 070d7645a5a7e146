using System.Globalization;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Web.Features.Assessments;
using SmartCity.Web.Resources;

namespace SmartCity.UnitTests.Web.Assessments;

/// <summary>The round, instrument and conflict validators of round preparation.</summary>
public sealed class RoundValidatorsTests
{
    private static readonly IStringLocalizer<SharedResource> L =
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static string[] FailedFields(ValidationResult result) => result.Errors.Select(e => e.PropertyName).Distinct().ToArray();

    private static RoundInput Round() => new()
    {
        Name = "Evaluasi Smart City 2026",
        Year = 2026,
        TemplateId = 1,
        SelfAssessmentOpensOn = new DateTime(2026, 3, 1),
        ScoringOpensOn = new DateTime(2026, 4, 1),
        ReconciliationOpensOn = new DateTime(2026, 5, 1),
        FinalisesOn = new DateTime(2026, 5, 31),
    };

    private static InstrumentInput Instrument() => new()
    {
        Name = "Evaluasi tahunan",
        ScaleMin = 1,
        ScaleMax = 5,
        DivergenceThreshold = 1,
        Criteria =
        [
            new() { Code = "B", NameId = "Baseline", NameEn = "Baseline", Weight = 10 },
            new() { Code = "OP", NameId = "Output", NameEn = "Output", Weight = 20, PerDimension = true },
            new() { Code = "OC", NameId = "Outcome", NameEn = "Outcome", Weight = 30, PerDimension = true },
            new() { Code = "I", NameId = "Dampak", NameEn = "Impact", Weight = 30, PerDimension = true },
            new() { Code = "QW", NameId = "Quick win", NameEn = "Quick win", Weight = 10 },
        ],
        Bands =
        [
            new() { Name = "Memuaskan", MinInclusive = 4.2m },
            new() { Name = "Sangat Baik", MinInclusive = 3.5m, MaxExclusive = 4.2m },
            new() { Name = "Baik", MinInclusive = 2.6m, MaxExclusive = 3.5m },
            new() { Name = "Cukup", MinInclusive = 1.8m, MaxExclusive = 2.6m },
            new() { Name = "Kurang", MinInclusive = 0, MaxExclusive = 1.8m },
        ],
    };

    private static ValidationResult Validate(InstrumentInput input) => new InstrumentInputValidator(L).Validate(input);

    [Fact]
    public void A_complete_round_with_dates_in_order_is_valid() => Assert.Empty(FailedFields(new RoundInputValidator(L).Validate(Round())));

    [Fact]
    public void The_same_day_for_consecutive_stages_is_in_order()
    {
        var input = Round();
        input.ScoringOpensOn = input.SelfAssessmentOpensOn;
        Assert.Empty(FailedFields(new RoundInputValidator(L).Validate(input)));
    }

    [Theory]
    [InlineData(2026, 2, 1, 2026, 5, 1)]
    [InlineData(2026, 4, 1, 2026, 3, 31)]
    public void Dates_out_of_order_are_refused(int sy, int sm, int sd, int ry, int rm, int rd)
    {
        var input = Round();
        input.ScoringOpensOn = new DateTime(sy, sm, sd);
        input.ReconciliationOpensOn = new DateTime(ry, rm, rd);
        Assert.Equal([nameof(RoundInput.FinalisesOn)], FailedFields(new RoundInputValidator(L).Validate(input)));
    }

    [Fact]
    public void A_missing_date_name_or_year_out_of_range_is_refused()
    {
        var input = Round();
        input.Name = " ";
        input.Year = 2016;
        input.ReconciliationOpensOn = null;
        Assert.Equal(
            [nameof(RoundInput.Name), nameof(RoundInput.Year), nameof(RoundInput.ReconciliationOpensOn)],
            FailedFields(new RoundInputValidator(L).Validate(input)));
    }

    [Fact]
    public void The_yearly_instrument_with_spbe_bands_is_valid() => Assert.True(Validate(Instrument()).IsValid);

    [Theory]
    [InlineData(15, "107")]
    [InlineData(9.5, "99,5")]
    public void Weights_not_totalling_100_show_the_current_total(double firstWeight, string total)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
        try
        {
            var input = Instrument();
            input.Criteria[0].Weight = (decimal)firstWeight;
            input.Criteria[1].Weight = firstWeight == 15 ? 22 : 20;
            var error = Assert.Single(Validate(input).Errors);
            Assert.Equal(nameof(InstrumentInput.Criteria), error.PropertyName);
            Assert.Equal($"Jumlah bobot harus tepat 100; saat ini {total}.", error.ErrorMessage);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(5, 1)]
    public void The_scale_minimum_must_be_below_the_maximum(int min, int max)
    {
        var input = Instrument();
        input.ScaleMin = min;
        input.ScaleMax = max;
        Assert.Contains(nameof(InstrumentInput.ScaleMax), FailedFields(Validate(input)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_threshold_must_be_positive(double threshold)
    {
        var input = Instrument();
        input.DivergenceThreshold = (decimal)threshold;
        Assert.Equal([nameof(InstrumentInput.DivergenceThreshold)], FailedFields(Validate(input)));
    }

    [Fact]
    public void Overlapping_bands_are_refused()
    {
        var input = Instrument();
        input.Bands[2].MaxExclusive = 3.6m;
        Assert.Equal([nameof(InstrumentInput.Bands)], FailedFields(Validate(input)));
    }

    [Fact]
    public void Bands_outside_the_scale_and_two_open_ended_bands_are_refused()
    {
        var beyond = Instrument();
        beyond.ScaleMax = 4;
        Assert.Equal([nameof(InstrumentInput.Bands)], FailedFields(Validate(beyond)));

        var twoOpen = Instrument();
        twoOpen.Bands[1].MaxExclusive = null;
        Assert.Equal([nameof(InstrumentInput.Bands)], FailedFields(Validate(twoOpen)));
    }

    [Fact]
    public void Adjacent_bands_touching_at_an_edge_are_fine_and_gaps_are_allowed()
    {
        var input = Instrument();
        input.Bands.RemoveAt(3);
        Assert.True(Validate(input).IsValid);
    }

    [Fact]
    public void Criteria_need_codes_names_positive_weights_and_unique_codes()
    {
        var input = Instrument();
        input.Criteria[4].Code = "b";
        input.Criteria[2].NameEn = "";
        var fields = FailedFields(Validate(input));
        Assert.Contains(nameof(InstrumentInput.Criteria), fields);
        Assert.Contains("Criteria[2].NameEn", fields);
    }

    [Fact]
    public void A_conflict_needs_a_regency_and_a_reason()
    {
        Assert.Equal(
            [nameof(ConflictInput.RegencyId), nameof(ConflictInput.Reason)],
            FailedFields(new ConflictInputValidator(L).Validate(new ConflictInput { Reason = "" })));
        Assert.True(new ConflictInputValidator(L).Validate(new ConflictInput { RegencyId = 1, Reason = "Keluarga." }).IsValid);
    }
}
