using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Masterplans;

namespace SmartCity.Web.Features.PublicPages;

/// <summary>
/// The published data of the programme, for anonymous visitors of the public pages and the open-data API alike. It needs no
/// user and returns ONLY what is public: reference data and programme membership of regencies; registered (not archived) quick
/// wins with progress from verified reports only (DOMAIN.md); the approved version of a masterplan (through
/// <see cref="MasterplanVersionService.ApprovedAsync"/>, never a draft or an amendment's working copy); and the stored results of
/// finalised rounds. Never a person's name, an e-mail, a comment, an interview note or an evidence file.
/// Lists cost two or three SQL commands and the regency page four, whatever the data size.
/// </summary>
public sealed class PublishedDataService(
    IDbContextFactory<SmartCityDbContext> dbFactory, MasterplanVersionService versions, ProgrammeClock clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Every province (for the index's filter): one SQL command.</summary>
    public async Task<IReadOnlyList<PublicProvince>> ProvincesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Provinces.AsNoTracking().OrderBy(p => p.Name).Select(p => new PublicProvince(p.Code, p.Name)).ToListAsync(ct);
    }

    /// <summary>One page of regencies, searched by name or code and filtered by province and kind, ordered by code: two SQL commands.</summary>
    public async Task<PagedResult<PublicRegencyRow>> RegenciesAsync(PublicRegencyQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, pageSize) = Paging(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regencies = db.Regencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{Like.Escape(query.Search.Trim())}%";
            regencies = regencies.Where(r => EF.Functions.ILike(r.Name, pattern) || EF.Functions.ILike(r.Code, pattern));
        }

        if (!string.IsNullOrWhiteSpace(query.ProvinceCode))
        {
            var province = query.ProvinceCode.Trim();
            regencies = regencies.Where(r => r.Province!.Code == province);
        }

        if (query.Kind is { } kind)
        {
            regencies = regencies.Where(r => r.Kind == kind);
        }

        var total = await regencies.CountAsync(ct);
        var items = Skip(page, pageSize) is { } skip
            ? await regencies.OrderBy(r => r.Code).Skip(skip).Take(pageSize)
                .Select(r => new PublicRegencyRow(r.Code, r.Name, r.Kind, r.Province!.Code, r.Province.Name, r.CohortYear, r.CurrentStage, r.IsActive))
                .ToListAsync(ct)
            : [];
        return new PagedResult<PublicRegencyRow>(items, total, page, pageSize);
    }

    /// <summary>A regency's public profile by Kemendagri code (inactive codes too); null when unknown. One SQL command.</summary>
    public async Task<PublicRegencyProfile?> RegencyAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await HeadAsync(db, code, ct))?.Profile;
    }

    /// <summary>A regency's profile with its approved masterplan (three SQL commands); null when the code is unknown.</summary>
    public async Task<(PublicRegencyProfile Profile, PublicMasterplan? Masterplan)?> RegencyWithMasterplanAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await HeadAsync(db, code, ct);
        return head is null ? null : (head.Profile, await MasterplanAsync(head, ct));
    }

    /// <summary>
    /// One page of a regency's registered quick wins (ordered by start date, then name), with progress from verified reports
    /// only; null when the code is unknown. Three SQL commands.
    /// </summary>
    public async Task<PagedResult<PublicQuickWin>?> QuickWinsAsync(string code, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        (page, pageSize) = Paging(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await HeadAsync(db, code, ct);
        if (head is null)
        {
            return null;
        }

        var total = await db.QuickWins.AsNoTracking().CountAsync(q => q.RegencyId == head.RegencyId && !q.IsArchived, ct);
        var items = Skip(page, pageSize) is { } skip
            ? await QuickWinRowsAsync(db, head, skip, pageSize, ct)
            : [];
        return new PagedResult<PublicQuickWin>(items, total, page, pageSize);
    }

    /// <summary>
    /// Everything the public regency page shows: profile, every registered quick win, the approved masterplan and the results of
    /// finalised rounds; null when the code is unknown. Four SQL commands whatever the data size.
    /// </summary>
    public async Task<PublicRegencyData?> RegencyPageAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await HeadAsync(db, code, ct);
        if (head is null)
        {
            return null;
        }

        var quickWins = await QuickWinRowsAsync(db, head, 0, int.MaxValue, ct);
        var results = await (
            from p in db.RoundParticipants.AsNoTracking()
            where p.RegencyId == head.RegencyId
            join r in db.AssessmentRounds on p.RoundId equals r.Id
            where r.State == RoundState.Finalised
            orderby r.Year descending, r.Id descending
            select new PublicResult(
                r.Id, r.Name, r.Kind, r.Year, r.IsDemo, p.Index, p.Band, p.NationalRank, p.ProvincialRank,
                db.RoundParticipants.Count(x => x.RoundId == r.Id), p.Change))
            .ToListAsync(ct);
        return new PublicRegencyData(head.Profile, quickWins, await MasterplanAsync(head, ct), results);
    }

    /// <summary>The finalised (published) rounds, newest first: one SQL command.</summary>
    public async Task<IReadOnlyList<PublicRound>> RoundsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AssessmentRounds.AsNoTracking().Where(r => r.State == RoundState.Finalised)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Kind, r.Year, r.FinalisedAt, r.IsDemo, Participants = r.Participants.Count })
            .ToListAsync(ct);
        return rows.Select(r => new PublicRound(r.Id, r.Name, r.Kind, r.Year, r.FinalisedAt?.DateIn(IndonesianTimeZone.Wib), r.IsDemo, r.Participants)).ToList();
    }

    /// <summary>
    /// One page of a finalised round's results as stored at finalisation, by national rank then code; null for an unknown round
    /// or one that is not finalised (unpublished results do not exist for the public). Three SQL commands.
    /// </summary>
    public async Task<PagedResult<PublicResultRow>?> RoundResultsAsync(int roundId, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        (page, pageSize) = Paging(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.AssessmentRounds.AsNoTracking().AnyAsync(r => r.Id == roundId && r.State == RoundState.Finalised, ct))
        {
            return null;
        }

        var participants = db.RoundParticipants.AsNoTracking().Where(p => p.RoundId == roundId);
        var total = await participants.CountAsync(ct);
        var items = Skip(page, pageSize) is { } skip
            ? await (
                from p in participants
                join g in db.Regencies on p.RegencyId equals g.Id
                orderby p.NationalRank == null, p.NationalRank, g.Code
                select new PublicResultRow(g.Code, g.Name, g.Province!.Code, g.Province.Name, p.Index, p.Band, p.NationalRank, p.ProvincialRank, p.Change))
                .Skip(skip).Take(pageSize).ToListAsync(ct)
            : [];
        return new PagedResult<PublicResultRow>(items, total, page, pageSize);
    }

    private sealed record Head(int RegencyId, PublicRegencyProfile Profile, int? ApprovedPlanId, int? ApprovedVersion, DateTimeOffset? ApprovedAt);

    /// <summary>The regency's profile and its latest approved plan (id, version, approval time): one SQL command.</summary>
    private static async Task<Head?> HeadAsync(SmartCityDbContext db, string code, CancellationToken ct)
    {
        var trimmed = code.Trim();
        var row = await db.Regencies.AsNoTracking().Where(r => r.Code == trimmed)
            .Select(r => new
            {
                r.Id,
                Profile = new PublicRegencyProfile(
                    r.Code, r.Name, r.Kind, r.Province!.Code, r.Province.Name, r.TimeZone, r.CohortYear, r.CurrentStage, r.IsActive, r.ValidUntil,
                    r.Successor != null ? r.Successor.Code : null, r.Successor != null ? r.Successor.Name : null),
                Plan = db.Masterplans.Where(m => m.RegencyId == r.Id && m.ApprovedVersion != null)
                    .OrderByDescending(m => m.StartYear).ThenByDescending(m => m.Id)
                    .Select(m => new
                    {
                        m.Id,
                        m.ApprovedVersion,
                        ApprovedAt = m.Versions.Where(v => v.Number == m.ApprovedVersion).Select(v => v.ApprovedAt).FirstOrDefault(),
                    })
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new Head(row.Id, row.Profile, row.Plan?.Id, row.Plan?.ApprovedVersion, row.Plan?.ApprovedAt);
    }

    /// <summary>The approved version's summary (one SQL command through the masterplan feature's public read).</summary>
    private async Task<PublicMasterplan?> MasterplanAsync(Head head, CancellationToken ct)
    {
        if (head.ApprovedPlanId is not { } planId || await versions.ApprovedAsync(planId, ct) is not { } plan)
        {
            return null;
        }

        var programmes = plan.Programmes
            .OrderBy(p => DimensionOrder(p.DimensionCode)).ThenBy(p => p.StartYear).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new PublicProgramme(p.Name, p.DimensionCode, p.Owner, p.Horizon, p.StartYear, p.EndYear))
            .ToList();
        return new PublicMasterplan(
            plan.Title, plan.StartYear, plan.EndYear, head.ApprovedVersion!.Value, head.ApprovedAt?.DateIn(head.Profile.TimeZone),
            plan.Vision, plan.Missions, programmes);
    }

    /// <summary>
    /// Registered quick wins of the regency with the one progress formula in SQL (as <c>QuickWinService</c> does): the percent of
    /// the latest verified report by period end, then start; 0 before any. Delayed is <see cref="QuickWinProgress.IsDelayed"/>.
    /// </summary>
    private async Task<List<PublicQuickWin>> QuickWinRowsAsync(SmartCityDbContext db, Head head, int skip, int take, CancellationToken ct)
    {
        var today = clock.GetUtcNow().DateIn(head.Profile.TimeZone);
        var rows = await db.QuickWins.AsNoTracking().Where(q => q.RegencyId == head.RegencyId && !q.IsArchived)
            .OrderBy(q => q.StartDate).ThenBy(q => q.Name).ThenBy(q => q.Id)
            .Skip(skip).Take(take)
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
            .ToListAsync(ct);
        return rows.Select(q => new PublicQuickWin(
                q.Id, q.Name, q.Acronym, q.Dimension, q.Owner, q.StartDate, q.TargetDate, q.Status,
                QuickWinProgress.IsDelayed(q.Status, q.TargetDate, q.LatestPercent ?? 0, today),
                q.LatestPercent ?? 0, q.LatestPeriod, q.LatestVerifiedAt?.DateIn(head.Profile.TimeZone)))
            .ToList();
    }

    private static int DimensionOrder(string code)
    {
        var index = DimensionCodes.All.ToList().IndexOf(code);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>Page (1-based) and size brought into range; the API refuses out-of-range values before calling.</summary>
    private static (int Page, int PageSize) Paging(int page, int pageSize) => (Math.Max(1, page), Math.Clamp(pageSize, 1, MaxPageSize));

    /// <summary>Rows to skip, or null past what an <c>int</c> can skip (such a page is empty without asking). The page query runs otherwise, even past the end, so a request costs the same whatever the data.</summary>
    private static int? Skip(int page, int pageSize) => (long)(page - 1) * pageSize is var skip && skip <= int.MaxValue ? (int)skip : null;
}
