using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.QuickWins;

/// <summary>A quick win's plan: weighted milestones and KPIs. Written by the regency's Diskominfo staff.</summary>
public sealed class QuickWinPlanService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, MilestoneInputValidator milestoneValidator,
    KpiInputValidator kpiValidator, IStringLocalizer<SharedResource> l)
{
    /// <summary>Adds a milestone (<paramref name="milestoneId"/> null) or saves an edit against the loaded version.</summary>
    public async Task<SaveResult> SaveMilestoneAsync(int quickWinId, int? milestoneId, MilestoneInput input, bool overwrite = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quickWin = await QuickWinAsync(db, quickWinId, ct);
        var validation = await milestoneValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        Milestone milestone;
        if (milestoneId is { } id)
        {
            milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == id && m.QuickWinId == quickWinId, ct) ?? throw new KeyNotFoundException($"Milestone {id}");
            if (!overwrite && milestone.Version != input.Version)
            {
                return SaveResult.Conflicted(await MilestoneConflictAsync(db, milestone, input, ct));
            }

            db.Entry(milestone).Property(m => m.Version).OriginalValue = overwrite ? milestone.Version : input.Version;
        }
        else
        {
            var order = await db.Milestones.Where(m => m.QuickWinId == quickWinId).MaxAsync(m => (int?)m.SortOrder, ct) ?? 0;
            milestone = new Milestone { RegencyId = quickWin.RegencyId, QuickWinId = quickWinId, Name = "", SortOrder = order + 1 };
            db.Milestones.Add(milestone);
        }

        milestone.Name = input.Name.Trim();
        milestone.Weight = input.Weight!.Value;
        milestone.DueDate = input.DueDate is { } due ? DateOnly.FromDateTime(due) : null;
        milestone.DoneDate = input.DoneDate is { } done ? DateOnly.FromDateTime(done) : null;
        return await db.SaveOrConflictAsync(
                dbFactory, async fresh => await MilestoneConflictAsync(fresh, await fresh.Milestones.AsNoTracking().SingleAsync(m => m.Id == milestone.Id, ct), input, ct), ct)
            ?? SaveResult.Saved(milestone.Id, milestone.Version);
    }

    public async Task<SaveResult> DeleteMilestoneAsync(int milestoneId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == milestoneId, ct) ?? throw new KeyNotFoundException($"Milestone {milestoneId}");
        access.EnsureCanWrite(milestone.RegencyId, RegencyWrite.QuickWins, $"milestone {milestoneId}");
        db.Milestones.Remove(milestone);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(milestoneId, 0);
    }

    /// <summary>Adds a KPI (<paramref name="kpiId"/> null) or saves an edit; the latest actual comes from verified reports.</summary>
    public async Task<SaveResult> SaveKpiAsync(int quickWinId, int? kpiId, KpiInput input, bool overwrite = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quickWin = await QuickWinAsync(db, quickWinId, ct);
        var validation = await kpiValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        Kpi kpi;
        if (kpiId is { } id)
        {
            kpi = await db.Kpis.SingleOrDefaultAsync(k => k.Id == id && k.QuickWinId == quickWinId, ct) ?? throw new KeyNotFoundException($"KPI {id}");
            if (!overwrite && kpi.Version != input.Version)
            {
                return SaveResult.Conflicted(await KpiConflictAsync(db, kpi, input, ct));
            }

            db.Entry(kpi).Property(k => k.Version).OriginalValue = overwrite ? kpi.Version : input.Version;
        }
        else
        {
            kpi = new Kpi { RegencyId = quickWin.RegencyId, QuickWinId = quickWinId, Name = "", Unit = "" };
            db.Kpis.Add(kpi);
        }

        kpi.Name = input.Name.Trim();
        kpi.Unit = input.Unit.Trim();
        kpi.Baseline = input.Baseline!.Value;
        kpi.Target = input.Target!.Value;
        return await db.SaveOrConflictAsync(
                dbFactory, async fresh => await KpiConflictAsync(fresh, await fresh.Kpis.AsNoTracking().SingleAsync(k => k.Id == kpi.Id, ct), input, ct), ct)
            ?? SaveResult.Saved(kpi.Id, kpi.Version);
    }

    /// <summary>A KPI that reports already carry values for stays: deleting it would rewrite their history.</summary>
    public async Task<SaveResult> DeleteKpiAsync(int kpiId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kpi = await db.Kpis.SingleOrDefaultAsync(k => k.Id == kpiId, ct) ?? throw new KeyNotFoundException($"KPI {kpiId}");
        access.EnsureCanWrite(kpi.RegencyId, RegencyWrite.QuickWins, $"KPI {kpiId}");
        if (await db.ReportKpiActuals.AnyAsync(a => a.KpiId == kpiId, ct))
        {
            return SaveResult.Invalid(nameof(KpiInput.Name), l["Kpi.HasActuals"]);
        }

        db.Kpis.Remove(kpi);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(kpiId, 0);
    }

    private async Task<QuickWin> QuickWinAsync(SmartCityDbContext db, int quickWinId, CancellationToken ct)
    {
        var quickWin = await db.QuickWins.AsNoTracking().SingleOrDefaultAsync(q => q.Id == quickWinId, ct) ?? throw new KeyNotFoundException($"Quick win {quickWinId}");
        access.EnsureCanWrite(quickWin.RegencyId, RegencyWrite.QuickWins, $"the plan of quick win {quickWinId}");
        return quickWin;
    }

    private async Task<ConcurrencyConflict> MilestoneConflictAsync(SmartCityDbContext db, Milestone saved, MilestoneInput yours, CancellationToken ct)
    {
        var (by, at) = await db.LastChangeAsync(nameof(Milestone), saved.Id.ToString(CultureInfo.InvariantCulture), ct);
        var differences = new Differences()
            .Add(l["Milestone.Name"], yours.Name, saved.Name)
            .Add(l["Milestone.Weight"], Format.Number(yours.Weight), Format.Number(saved.Weight))
            .Add(l["Milestone.Due"], Format.Date(yours.DueDate is { } d ? DateOnly.FromDateTime(d) : null), Format.Date(saved.DueDate))
            .Add(l["Milestone.Done"], Format.Date(yours.DoneDate is { } e ? DateOnly.FromDateTime(e) : null), Format.Date(saved.DoneDate));
        return new ConcurrencyConflict(differences.Items, by, at, saved.Version);
    }

    private async Task<ConcurrencyConflict> KpiConflictAsync(SmartCityDbContext db, Kpi saved, KpiInput yours, CancellationToken ct)
    {
        var (by, at) = await db.LastChangeAsync(nameof(Kpi), saved.Id.ToString(CultureInfo.InvariantCulture), ct);
        var differences = new Differences()
            .Add(l["Kpi.Name"], yours.Name, saved.Name)
            .Add(l["Kpi.Unit"], yours.Unit, saved.Unit)
            .Add(l["Kpi.Baseline"], Format.Number(yours.Baseline), Format.Number(saved.Baseline))
            .Add(l["Kpi.Target"], Format.Number(yours.Target), Format.Number(saved.Target));
        return new ConcurrencyConflict(differences.Items, by, at, saved.Version);
    }
}
