using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Common;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Regencies;

/// <summary>An admin's change of a regency's programme data: cohort, reporting period, and a dated stage change.</summary>
public sealed class ProgrammeInput
{
    public int? CohortYear { get; set; }
    public ReportingPeriodKind ReportingPeriod { get; set; }

    /// <summary>A new stage to record (null: the stage stays).</summary>
    public ProgrammeStage? Stage { get; set; }
    public DateTime? StageDate { get; set; }
    public string? StageNote { get; set; }
    public uint Version { get; set; }
}

public sealed class ProgrammeInputValidator : AbstractValidator<ProgrammeInput>
{
    public ProgrammeInputValidator(IStringLocalizer<SharedResource> l, ProgrammeClock clock)
    {
        var thisYear = clock.GetUtcNow().ToOffset(IndonesianTimeZone.Wib.UtcOffset()).Year;
        RuleFor(x => x.CohortYear).InclusiveBetween(2017, thisYear)
            .WithMessage(string.Format(CultureInfo.CurrentCulture, l["Validation.Between"], 2017, thisYear));
        RuleFor(x => x.ReportingPeriod).IsInEnum().WithMessage(l["Validation.Choose"]);
        RuleFor(x => x.StageDate).NotNull().When(x => x.Stage is not null).WithMessage(l["Validation.Required"]);
        RuleFor(x => x.StageDate)
            .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(IndonesianTimeZone.Wib.UtcOffset()).DateTime))
            .WithMessage(l["Programme.FutureDate"]);
        RuleFor(x => x.StageNote).MaximumLength(TextLimits.Note).WithMessage(string.Format(CultureInfo.CurrentCulture, l["Validation.MaxLength"], TextLimits.Note));
    }
}
