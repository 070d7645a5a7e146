using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Regencies;

/// <summary>A regency's place in the programme (cohort, stage with dated history, reporting period): the secretariat's to change.</summary>
public sealed class ProgrammeService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, ProgrammeInputValidator validator, IStringLocalizer<SharedResource> l)
{
    public bool CanChange => access.IsAdmin;

    public async Task<SaveResult> SaveAsync(int regencyId, ProgrammeInput input, bool overwrite = false, CancellationToken ct = default)
    {
        access.EnsureAdmin($"the programme data of regency {regencyId}");
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regency = await db.Regencies.Include(r => r.StageHistory).SingleOrDefaultAsync(r => r.Id == regencyId, ct)
            ?? throw new KeyNotFoundException($"Regency {regencyId}");
        if (!overwrite && regency.Version != input.Version)
        {
            return SaveResult.Conflicted(Conflict(regency, input));
        }

        if (input.Stage is { } stage)
        {
            var change = new StageChange { RegencyId = regencyId, Stage = stage, Date = DateOnly.FromDateTime(input.StageDate!.Value), Note = string.IsNullOrWhiteSpace(input.StageNote) ? null : input.StageNote.Trim() };
            if (!ProgrammeStages.IsConsistentHistory([.. regency.StageHistory, change]))
            {
                return SaveResult.Invalid(nameof(ProgrammeInput.Stage), l["Programme.StageOrder"]);
            }

            regency.StageHistory.Add(change);
            regency.CurrentStage = regency.StageHistory.OrderBy(s => s.Date).ThenBy(s => s.Stage).Last().Stage;
        }

        regency.CohortYear = input.CohortYear;
        regency.ReportingPeriod = input.ReportingPeriod;
        db.Entry(regency).Property(r => r.Version).OriginalValue = overwrite ? regency.Version : input.Version;
        return await db.SaveOrConflictAsync(
                dbFactory, async fresh => Conflict(await fresh.Regencies.AsNoTracking().SingleAsync(r => r.Id == regencyId, ct), input), ct)
            ?? SaveResult.Saved(regencyId, regency.Version);
    }

    private ConcurrencyConflict Conflict(Regency saved, ProgrammeInput yours)
    {
        var differences = new List<FieldDifference>();
        if (saved.CohortYear != yours.CohortYear)
        {
            differences.Add(new(l["Regency.Cohort"], yours.CohortYear?.ToString(System.Globalization.CultureInfo.InvariantCulture), saved.CohortYear?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (saved.ReportingPeriod != yours.ReportingPeriod)
        {
            differences.Add(new(l["Regency.ReportingPeriod"], l.Enum(yours.ReportingPeriod), l.Enum(saved.ReportingPeriod)));
        }

        differences.Add(new(l["Regencies.Stage"], yours.Stage is { } s ? l.Enum(s) : null, saved.CurrentStage is { } c ? l.Enum(c) : null));
        return new ConcurrencyConflict(differences, null, null, saved.Version);
    }
}
