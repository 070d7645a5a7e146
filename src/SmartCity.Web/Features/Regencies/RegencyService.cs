using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Web.Features.Regencies;

public enum RegencySort
{
    Code,
    Name,
    Province,
}

public sealed record RegencyQuery(string? Search = null, int? ProvinceId = null, RegencyKind? Kind = null, RegencySort Sort = RegencySort.Code, bool Descending = false, int Page = 1, int PageSize = 25);

public sealed record RegencyRow(int Id, string Code, string Name, RegencyKind Kind, string ProvinceName, int? CohortYear, ProgrammeStage? Stage, bool IsActive);

public sealed record ProvinceOption(int Id, string Code, string Name);

public sealed record RegencyProfile(
    int Id, string Code, string Name, RegencyKind Kind, string ProvinceCode, string ProvinceName, IndonesianTimeZone TimeZone,
    bool IsActive, DateOnly? ValidUntil, string? SuccessorCode, string? SuccessorName, int? CohortYear, ProgrammeStage? Stage, ReportingPeriodKind ReportingPeriod, uint Version);

public sealed record StageRow(ProgrammeStage Stage, DateOnly Date, string? Note);

public sealed record UnitRow(int Id, string Name, string? Acronym, GovernmentUnitKind Kind, bool IsActive, uint Version);

/// <summary>A quick win with its progress by the one formula: the percent of the latest verified report (0 before any).</summary>
public sealed record QuickWinRow(
    int Id, string Name, string? Acronym, string DimensionCode, string? OwnerUnit, DateOnly StartDate, DateOnly TargetDate,
    QuickWinStatus Status, decimal Progress, string? ProgressPeriod, DateTimeOffset? ProgressVerifiedAt, bool IsDelayed);

public sealed record MasterplanRow(int Id, string Title, int StartYear, int EndYear, MasterplanState State, int WorkingVersion, int? ApprovedVersion);

public sealed record RoundRow(int Id, string Name, RoundKind Kind, int Year, RoundState State, decimal? Index, string? Band, int? NationalRank, bool IsDemo);

public sealed record RegencyDetail(
    RegencyProfile Profile, IReadOnlyList<StageRow> Stages, IReadOnlyList<UnitRow> Units, IReadOnlyList<QuickWinRow> QuickWins,
    IReadOnlyList<MasterplanRow> Masterplans, IReadOnlyList<RoundRow> Rounds);

/// <summary>A dimension's progress: the mean progress of its active (not archived, not stopped) quick wins.</summary>
public sealed record DimensionProgress(string Code, decimal Progress, int ActiveQuickWins);

public sealed record RegencySummary(string Code, string Name, ProgrammeStage? Stage, IReadOnlyList<DimensionProgress> Dimensions);

/// <summary>The regency register: the paged national list and one regency's overview.</summary>
public sealed class RegencyService(IDbContextFactory<SmartCityDbContext> dbFactory, ProgrammeClock clock, RegencyAccess access)
{
    public const int MaxPageSize = 200;

    public async Task<PagedResult<RegencyRow>> ListAsync(RegencyQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        access.EnsureSignedIn("the regency list");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regencies = access.Visible(db.Regencies.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{Like.Escape(query.Search.Trim())}%";
            regencies = regencies.Where(r => EF.Functions.ILike(r.Name, pattern) || EF.Functions.ILike(r.Code, pattern));
        }

        if (query.ProvinceId is { } provinceId)
        {
            regencies = regencies.Where(r => r.ProvinceId == provinceId);
        }

        if (query.Kind is { } kind)
        {
            regencies = regencies.Where(r => r.Kind == kind);
        }

        var total = await regencies.CountAsync(ct);
        var sorted = (query.Sort, query.Descending) switch
        {
            (RegencySort.Name, false) => regencies.OrderBy(r => r.Name).ThenBy(r => r.Code),
            (RegencySort.Name, true) => regencies.OrderByDescending(r => r.Name).ThenBy(r => r.Code),
            (RegencySort.Province, false) => regencies.OrderBy(r => r.Province!.Name).ThenBy(r => r.Code),
            (RegencySort.Province, true) => regencies.OrderByDescending(r => r.Province!.Name).ThenBy(r => r.Code),
            (_, true) => regencies.OrderByDescending(r => r.Code),
            _ => regencies.OrderBy(r => r.Code),
        };
        var items = await sorted.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new RegencyRow(r.Id, r.Code, r.Name, r.Kind, r.Province!.Name, r.CohortYear, r.CurrentStage, r.IsActive))
            .ToListAsync(ct);
        return new PagedResult<RegencyRow>(items, total, page, pageSize);
    }

    public async Task<IReadOnlyList<ProvinceOption>> ProvincesAsync(CancellationToken ct = default)
    {
        access.EnsureSignedIn("the province list");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Provinces.AsNoTracking().OrderBy(p => p.Name).Select(p => new ProvinceOption(p.Id, p.Code, p.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// One regency's overview by Kemendagri code, or null for an unknown code; refused (<see cref="AccessDeniedException"/>)
    /// for a regency the user may not read. Six SQL commands whatever the data size.
    /// </summary>
    public async Task<RegencyDetail?> GetAsync(string code, CancellationToken ct = default)
    {
        access.EnsureSignedIn("a regency");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.Regencies.AsNoTracking().Where(r => r.Code == code)
            .Select(r => new RegencyProfile(
                r.Id, r.Code, r.Name, r.Kind, r.Province!.Code, r.Province.Name, r.TimeZone, r.IsActive, r.ValidUntil,
                r.Successor != null ? r.Successor.Code : null, r.Successor != null ? r.Successor.Name : null,
                r.CohortYear, r.CurrentStage, r.ReportingPeriod, r.Version))
            .FirstOrDefaultAsync(ct);
        if (profile is null)
        {
            return null;
        }

        var id = profile.Id;
        access.EnsureCanRead(id, "regency " + profile.Code);
        var stages = await db.StageChanges.AsNoTracking().Where(s => s.RegencyId == id).OrderBy(s => s.Date).ThenBy(s => s.Stage)
            .Select(s => new StageRow(s.Stage, s.Date, s.Note)).ToListAsync(ct);
        var units = await db.GovernmentUnits.AsNoTracking().Where(u => u.RegencyId == id).OrderBy(u => u.Name)
            .Select(u => new UnitRow(u.Id, u.Name, u.Acronym, u.Kind, u.IsActive, u.Version)).ToListAsync(ct);
        var today = clock.GetUtcNow().DateIn(profile.TimeZone);
        var quickWins = (await db.QuickWins.AsNoTracking().Where(q => q.RegencyId == id && !q.IsArchived)
            .OrderBy(q => q.StartDate).ThenBy(q => q.Name)
            .Select(q => new
            {
                q.Id,
                q.Name,
                q.Acronym,
                Dimension = db.Dimensions.Where(d => d.Id == q.DimensionId).Select(d => d.Code).First(),
                Owner = db.GovernmentUnits.Where(u => u.Id == q.OwnerUnitId).Select(u => u.Acronym ?? u.Name).FirstOrDefault(),
                q.StartDate,
                q.TargetDate,
                q.Status,
                // The latest verified report by period end, then start (the one progress formula), field by field: scalar subqueries
                // that use the (QuickWinId, State, PeriodEnd, PeriodStart) index, not a window over every report.
                LatestPercent = q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart).Select(r => (decimal?)r.Percent).FirstOrDefault(),
                LatestPeriod = q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart).Select(r => r.Period).FirstOrDefault(),
                LatestVerifiedAt = q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart).Select(r => r.VerifiedAt).FirstOrDefault(),
            })
            .ToListAsync(ct))
            .Select(q => new QuickWinRow(
                q.Id, q.Name, q.Acronym, q.Dimension, q.Owner, q.StartDate, q.TargetDate, q.Status,
                q.LatestPercent ?? 0, q.LatestPeriod, q.LatestVerifiedAt,
                QuickWinProgress.IsDelayed(q.Status, q.TargetDate, q.LatestPercent ?? 0, today)))
            .ToList();
        var masterplans = await db.Masterplans.AsNoTracking().Where(m => m.RegencyId == id).OrderByDescending(m => m.StartYear)
            .Select(m => new MasterplanRow(m.Id, m.Title, m.StartYear, m.EndYear, m.State, m.WorkingVersion, m.ApprovedVersion)).ToListAsync(ct);
        var rounds = await db.RoundParticipants.AsNoTracking().Where(p => p.RegencyId == id)
            .Join(db.AssessmentRounds, p => p.RoundId, r => r.Id, (p, r) => new { p, r })
            .OrderByDescending(x => x.r.Year).ThenByDescending(x => x.r.Id)
            .Select(x => new RoundRow(x.r.Id, x.r.Name, x.r.Kind, x.r.Year, x.r.State,
                x.r.State == RoundState.Finalised ? x.p.Index : null,
                x.r.State == RoundState.Finalised ? x.p.Band : null,
                x.r.State == RoundState.Finalised ? x.p.NationalRank : null,
                x.r.IsDemo))
            .ToListAsync(ct);
        return new RegencyDetail(profile, stages, units, quickWins, masterplans, rounds);
    }

    /// <summary>The signed-in regency user's own regency with quick-win progress per dimension (Beranda of regency roles).</summary>
    public async Task<RegencySummary?> OwnSummaryAsync(CancellationToken ct = default)
    {
        if (access.OwnRegencyId is not { } id)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regency = await db.Regencies.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Code, r.Name, r.CurrentStage }).SingleAsync(ct);
        var dimensions = await SmartCity.Web.Features.QuickWins.QuickWinService.DimensionProgressAsync(db, id, ct);
        return new RegencySummary(regency.Code, regency.Name, regency.CurrentStage, dimensions);
    }
}
