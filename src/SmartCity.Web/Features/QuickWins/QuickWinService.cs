using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Regencies;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.QuickWins;

/// <summary>
/// A regency's quick-win register: the paged grid with progress per dimension, one quick win's page, and its
/// create/edit/archive/delete. Diskominfo staff write their own regency's; everyone who may read the regency reads it.
/// </summary>
public sealed class QuickWinService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, QuickWinInputValidator validator,
    IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    public const int MaxPageSize = 200;

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>
    /// The register's frame for one regency (null: the user's own; national roles without one get the national register).
    /// Three SQL commands for a regency, two nationally.
    /// </summary>
    public async Task<RegisterFrame?> FrameAsync(string? regencyCode, CancellationToken ct = default)
    {
        access.EnsureSignedIn("the quick-win register");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regency = regencyCode is null && access.OwnRegencyId is { } own
            ? await db.Regencies.AsNoTracking().Where(r => r.Id == own).Select(r => new { r.Id, r.Code, r.Name, r.TimeZone }).SingleAsync(ct)
            : regencyCode is null
                ? null
                : await db.Regencies.AsNoTracking().Where(r => r.Code == regencyCode).Select(r => new { r.Id, r.Code, r.Name, r.TimeZone }).FirstOrDefaultAsync(ct);
        if (regency is null && regencyCode is not null)
        {
            return null;
        }

        if (regency is null)
        {
            access.EnsureNational("the national quick-win register");
            return new RegisterFrame(null, null, null, IndonesianTimeZone.Wib, false, [], await DimensionProgressAsync(db, null, ct));
        }

        access.EnsureCanRead(regency.Id, "the quick-win register");
        var units = await db.GovernmentUnits.AsNoTracking().Where(u => u.RegencyId == regency.Id).OrderBy(u => u.Name)
            .Select(u => new OptionRow(u.Id, u.Acronym ?? u.Name)).ToListAsync(ct);
        return new RegisterFrame(
            regency.Id, regency.Code, regency.Name, regency.TimeZone, access.CanWrite(regency.Id, RegencyWrite.QuickWins), units,
            await DimensionProgressAsync(db, regency.Id, ct));
    }

    /// <summary>One page of the register, filtered, sorted and paged in SQL: two SQL commands whatever the data size.</summary>
    public async Task<PagedResult<QuickWinListRow>> ListAsync(QuickWinQuery query, CancellationToken ct = default)
    {
        access.EnsureSignedIn("the quick-win register");
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var regencyId = query.RegencyId ?? access.OwnRegencyId;
        if (regencyId is { } id)
        {
            access.EnsureCanRead(id, "the quick-win register");
        }
        else
        {
            access.EnsureNational("the national quick-win register");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var (wib, wita, wit) = (now.DateIn(IndonesianTimeZone.Wib), now.DateIn(IndonesianTimeZone.Wita), now.DateIn(IndonesianTimeZone.Wit));
        var rows =
            from q in db.QuickWins.AsNoTracking()
            join r in db.Regencies on q.RegencyId equals r.Id
            where q.IsArchived == query.Archived
            select new
            {
                Q = q,
                RegencyCode = r.Code,
                RegencyName = r.Name,
                Today = r.TimeZone == IndonesianTimeZone.Wib ? wib : r.TimeZone == IndonesianTimeZone.Wita ? wita : wit,
                LatestPercent = q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart).Select(r => (decimal?)r.Percent).FirstOrDefault(),
            };
        if (regencyId is { } only)
        {
            rows = rows.Where(x => x.Q.RegencyId == only);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{Like.Escape(query.Search.Trim())}%";
            rows = rows.Where(x => EF.Functions.ILike(x.Q.Name, pattern) || EF.Functions.ILike(x.Q.Acronym ?? "", pattern) || EF.Functions.ILike(x.RegencyName, pattern));
        }

        if (query.DimensionCode is { } code)
        {
            rows = rows.Where(x => db.Dimensions.Any(d => d.Id == x.Q.DimensionId && d.Code == code));
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(x => x.Q.Status == status);
        }

        if (query.OwnerUnitId is { } unit)
        {
            rows = rows.Where(x => x.Q.OwnerUnitId == unit);
        }

        if (query.Year is { } year)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            rows = rows.Where(x => x.Q.StartDate <= last && x.Q.TargetDate >= first);
        }

        if (query.Delayed is { } delayed)
        {
            // The derived "delayed" of QuickWinProgress.IsDelayed, in SQL: planned or running, past the target date, below 100 %.
            // "Not delayed" is its negation (everything else), not the same conditions with 100 % reached.
            rows = delayed
                ? rows.Where(x => (x.Q.Status == QuickWinStatus.Planned || x.Q.Status == QuickWinStatus.Running)
                    && x.Q.TargetDate < x.Today && (x.LatestPercent == null || x.LatestPercent < 100))
                : rows.Where(x => !((x.Q.Status == QuickWinStatus.Planned || x.Q.Status == QuickWinStatus.Running)
                    && x.Q.TargetDate < x.Today && (x.LatestPercent == null || x.LatestPercent < 100)));
        }

        var total = await rows.CountAsync(ct);
        var sorted = query.Sort switch
        {
            QuickWinSort.Name => Order(rows, x => x.Q.Name, query.Descending),
            QuickWinSort.Target => Order(rows, x => x.Q.TargetDate, query.Descending),
            QuickWinSort.Budget => Order(rows, x => x.Q.Budget, query.Descending),
            QuickWinSort.Progress => Order(rows, x => x.LatestPercent ?? 0, query.Descending),
            QuickWinSort.Status => Order(rows, x => x.Q.Status, query.Descending),
            _ => Order(rows, x => x.Q.StartDate, query.Descending),
        };
        var items = await sorted.ThenBy(x => x.Q.Name).ThenBy(x => x.Q.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new
            {
                x.Q.Id,
                x.RegencyCode,
                x.RegencyName,
                x.Q.Name,
                x.Q.Acronym,
                Dimension = db.Dimensions.Where(d => d.Id == x.Q.DimensionId).Select(d => d.Code).First(),
                Owner = db.GovernmentUnits.Where(u => u.Id == x.Q.OwnerUnitId).Select(u => u.Acronym ?? u.Name).FirstOrDefault(),
                x.Q.StartDate,
                x.Q.TargetDate,
                x.Q.Budget,
                x.Q.Status,
                x.Q.IsArchived,
                x.Today,
                x.LatestPercent,
                LatestPeriod = x.Q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart).Select(r => r.Period).FirstOrDefault(),
                LatestVerifiedAt = x.Q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart).Select(r => r.VerifiedAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new PagedResult<QuickWinListRow>(
            items.Select(x => new QuickWinListRow(
                x.Id, x.RegencyCode, x.RegencyName, x.Name, x.Acronym, x.Dimension, x.Owner, x.StartDate, x.TargetDate, x.Budget, x.Status, x.IsArchived,
                x.LatestPercent ?? 0, x.LatestPeriod, x.LatestVerifiedAt,
                QuickWinProgress.IsDelayed(x.Status, x.TargetDate, x.LatestPercent ?? 0, x.Today))).ToList(),
            total, page, pageSize);
    }

    /// <summary>One quick win with milestones, KPIs and reports: four SQL commands whatever the data size; null when unknown.</summary>
    public async Task<QuickWinDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        access.EnsureSignedIn("a quick win");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var english = English;
        var q = await (
            from w in db.QuickWins.AsNoTracking()
            join r in db.Regencies on w.RegencyId equals r.Id
            where w.Id == id
            select new
            {
                w,
                RegencyCode = r.Code,
                RegencyName = r.Name,
                r.TimeZone,
                r.ReportingPeriod,
                Dimension = db.Dimensions.Where(d => d.Id == w.DimensionId).Select(d => d.Code).First(),
                Element = db.Elements.Where(e => e.Id == w.ElementId).Select(e => english ? e.NameEn : e.NameId).FirstOrDefault(),
                Owner = db.GovernmentUnits.Where(u => u.Id == w.OwnerUnitId).Select(u => u.Name).FirstOrDefault(),
                Programme = db.Programmes.Where(p => p.Id == w.ProgrammeId)
                    .Select(p => new
                    {
                        p.Name,
                        p.MasterplanId,
                        Goal = db.MasterplanGoals.Where(g => g.Id == p.GoalId).Select(g => g.Text).FirstOrDefault(),
                        Plan = db.Masterplans.Where(m => m.Id == p.MasterplanId).Select(m => new { m.Title, m.StartYear, m.EndYear }).FirstOrDefault(),
                    })
                    .FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        if (q is null)
        {
            return null;
        }

        access.EnsureCanRead(q.w.RegencyId, $"quick win {id}");
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.QuickWinId == id).OrderBy(m => m.SortOrder).ThenBy(m => m.DueDate).ThenBy(m => m.Id)
            .Select(m => new MilestoneRow(m.Id, m.Name, m.Weight, m.DueDate, m.DoneDate, m.Version)).ToListAsync(ct);
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.QuickWinId == id).OrderBy(k => k.Id)
            .Select(k => new KpiRow(k.Id, k.Name, k.Unit, k.Baseline, k.Target, k.LatestActual, k.Version)).ToListAsync(ct);
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.QuickWinId == id).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart)
            .Select(r => new ReportRow(
                r.Id, r.Period, r.PeriodStart, r.PeriodEnd, r.Percent, r.State, r.Source,
                db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.UserName).FirstOrDefault(), r.SubmittedAt,
                db.Users.Where(u => u.Id == r.VerifiedById).Select(u => u.UserName).FirstOrDefault(), r.VerifiedAt, r.ReturnReason,
                db.EvidenceFiles.Count(f => f.ProgressReportId == r.Id)))
            .ToListAsync(ct);
        var progress = TermsOf(reports);
        var today = clock.GetUtcNow().DateIn(q.TimeZone);
        var qw = q.w;
        return new QuickWinDetail(
            qw.Id, qw.RegencyId, q.RegencyCode, q.RegencyName, q.TimeZone, q.ReportingPeriod, qw.Name, qw.Acronym, qw.Description,
            qw.DimensionId, q.Dimension, qw.ElementId, q.Element, qw.OwnerUnitId, q.Owner, qw.ProgrammeId, q.Programme?.Name, qw.StartDate, qw.TargetDate,
            qw.Budget, qw.BudgetSource, qw.Kind, qw.Status, qw.IsArchived, qw.Version, progress,
            QuickWinProgress.FromMilestones(milestones.Select(m => (m.Weight, m.IsDone))),
            QuickWinProgress.IsDelayed(qw.Status, qw.TargetDate, progress.Percent, today),
            milestones, kpis, reports, access.CanWrite(qw.RegencyId, RegencyWrite.QuickWins))
        {
            Trace = q.Programme is { } p
                ? new ProgrammeTrace(p.MasterplanId, p.Plan?.Title ?? "", p.Plan?.StartYear ?? 0, p.Plan?.EndYear ?? 0, p.Goal)
                : null,
        };
    }

    /// <summary>The choices of the quick-win form for a regency: three SQL commands.</summary>
    public async Task<QuickWinOptions> OptionsAsync(int regencyId, CancellationToken ct = default)
    {
        access.EnsureCanRead(regencyId, "the quick-win form");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var english = English;
        var dimensions = await db.Dimensions.AsNoTracking().OrderBy(d => d.SortOrder)
            .Select(d => new DimensionOption(d.Id, d.Code, d.Elements.OrderBy(e => e.SortOrder)
                .Select(e => new ElementOption(e.Id, e.DimensionId, english ? e.NameEn : e.NameId)).ToList()))
            .ToListAsync(ct);
        var units = await db.GovernmentUnits.AsNoTracking().Where(u => u.RegencyId == regencyId && u.IsActive).OrderBy(u => u.Name)
            .Select(u => new OptionRow(u.Id, u.Acronym == null ? u.Name : u.Name + " (" + u.Acronym + ")")).ToListAsync(ct);
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.RegencyId == regencyId).OrderBy(p => p.Name)
            .Select(p => new OptionRow(p.Id, p.Name)).ToListAsync(ct);
        var zone = await db.Regencies.AsNoTracking().Where(r => r.Id == regencyId).Select(r => r.TimeZone).SingleAsync(ct);
        return new QuickWinOptions(dimensions, units, programmes, clock.Today(zone));
    }

    public async Task<SaveResult> CreateAsync(int regencyId, QuickWinInput input, CancellationToken ct = default)
    {
        access.EnsureCanWrite(regencyId, RegencyWrite.QuickWins, "the quick-win register");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await InsertAsync(db, regencyId, input, ct);
    }

    /// <summary>
    /// Creates the quick win a masterplan programme becomes (ARCHITECTURE.md: Bappeda writes "quick wins created from masterplan programmes"):
    /// the regency's Bappeda planners and Diskominfo staff may; the same validation as <see cref="CreateAsync"/>, linked to the programme.
    /// </summary>
    public async Task<SaveResult> CreateFromProgrammeAsync(int programmeId, QuickWinInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regencyId = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => (int?)p.RegencyId).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"Programme {programmeId}");
        EnsureCanCreateFromProgramme(access, regencyId, programmeId);
        input.ProgrammeId = programmeId;
        return await InsertAsync(db, regencyId, input, ct);
    }

    /// <summary>Validates (form rules, then references) and adds a quick win of the regency.</summary>
    private async Task<SaveResult> InsertAsync(SmartCityDbContext db, int regencyId, QuickWinInput input, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        if (await CheckReferencesAsync(db, regencyId, input, null, ct) is { } refused)
        {
            return refused;
        }

        var quickWin = new QuickWin { RegencyId = regencyId, Name = input.Name.Trim(), CreatedAt = clock.GetUtcNow() };
        Apply(quickWin, input);
        db.QuickWins.Add(quickWin);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(quickWin.Id, quickWin.Version);
    }

    /// <summary>The regency's Bappeda planners and Diskominfo staff make quick wins of (and link them to) masterplan programmes.</summary>
    internal static bool CanCreateFromProgramme(RegencyAccess access, int regencyId) =>
        access.CanWrite(regencyId, RegencyWrite.QuickWins) || access.CanWrite(regencyId, RegencyWrite.Masterplans);

    /// <summary>Refuses (logged) unless <see cref="CanCreateFromProgramme"/>.</summary>
    internal static void EnsureCanCreateFromProgramme(RegencyAccess access, int regencyId, int programmeId) =>
        access.EnsureAllowed(CanCreateFromProgramme(access, regencyId), "write quick wins of", $"programme {programmeId} of regency {regencyId}");

    /// <summary>Saves an edit against the version the user loaded; a newer save by someone else is a conflict unless <paramref name="overwrite"/>.</summary>
    public async Task<SaveResult> UpdateAsync(int id, QuickWinInput input, bool overwrite = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quickWin = await db.QuickWins.SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new KeyNotFoundException($"Quick win {id}");
        access.EnsureCanWrite(quickWin.RegencyId, RegencyWrite.QuickWins, $"quick win {id}");
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        if (await CheckReferencesAsync(db, quickWin.RegencyId, input, id, ct) is { } refused)
        {
            return refused;
        }

        if (!overwrite && quickWin.Version != input.Version)
        {
            return SaveResult.Conflicted(await ConflictAsync(db, quickWin, input, ct));
        }

        db.Entry(quickWin).Property(q => q.Version).OriginalValue = overwrite ? quickWin.Version : input.Version;
        Apply(quickWin, input);
        return await db.SaveOrConflictAsync(
                dbFactory, async fresh => await ConflictAsync(fresh, await fresh.QuickWins.AsNoTracking().SingleAsync(q => q.Id == id, ct), input, ct), ct)
            ?? SaveResult.Saved(quickWin.Id, quickWin.Version);
    }

    /// <summary>Archiving hides a quick win from lists but keeps it and its history; restoring brings it back.</summary>
    public async Task<SaveResult> SetArchivedAsync(int id, bool archived, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quickWin = await db.QuickWins.SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new KeyNotFoundException($"Quick win {id}");
        access.EnsureCanWrite(quickWin.RegencyId, RegencyWrite.QuickWins, $"quick win {id}");
        quickWin.IsArchived = archived;
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(id, quickWin.Version);
    }

    /// <summary>Only a quick win with no reports may be deleted (DOMAIN.md); its milestones and KPIs go with it.</summary>
    public async Task<SaveResult> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quickWin = await db.QuickWins.Include(q => q.Milestones).Include(q => q.Kpis).SingleOrDefaultAsync(q => q.Id == id, ct)
            ?? throw new KeyNotFoundException($"Quick win {id}");
        access.EnsureCanWrite(quickWin.RegencyId, RegencyWrite.QuickWins, $"quick win {id}");
        if (await db.ProgressReports.AnyAsync(r => r.QuickWinId == id, ct))
        {
            return SaveResult.Invalid(nameof(QuickWinInput.Name), l["QuickWin.HasReports"]);
        }

        db.QuickWins.Remove(quickWin);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(id, 0);
    }

    /// <summary>The terms of the one progress formula: the latest verified report by period end (then start), 0 before any.</summary>
    internal static ProgressTerms TermsOf(IEnumerable<ReportRow> reports) =>
        reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart)
            .Select(r => new ProgressTerms(r.Percent, r.Id, r.Period, r.VerifiedAt, r.Verifier)).FirstOrDefault()
        ?? new ProgressTerms(0, null, null, null, null);

    /// <summary>Progress per dimension (the mean of its active quick wins), grouped in SQL: one command; every regency when <paramref name="regencyId"/> is null.</summary>
    internal static async Task<List<DimensionProgress>> DimensionProgressAsync(SmartCityDbContext db, int? regencyId, CancellationToken ct)
    {
        var active = db.QuickWins.AsNoTracking().Where(q => !q.IsArchived && q.Status != QuickWinStatus.Stopped);
        if (regencyId is { } id)
        {
            active = active.Where(q => q.RegencyId == id);
        }

        var sums = await active
            .Select(q => new
            {
                q.DimensionId,
                Progress = q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart)
                    .Select(r => (decimal?)r.Percent).FirstOrDefault() ?? 0,
            })
            .GroupBy(x => x.DimensionId)
            .Select(g => new { DimensionId = g.Key, Code = db.Dimensions.Where(d => d.Id == g.Key).Select(d => d.Code).First(), Sum = g.Sum(x => x.Progress), Count = g.Count() })
            .ToListAsync(ct);
        return DimensionCodes.All.Select(code => sums.FirstOrDefault(s => s.Code == code) is { } s
                ? new DimensionProgress(code, Math.Round(s.Sum / s.Count, 2, MidpointRounding.AwayFromZero), s.Count)
                : new DimensionProgress(code, 0, 0))
            .ToList();
    }

    private static IOrderedQueryable<T> Order<T, TKey>(IQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    /// <summary>The authoritative checks the form cannot make: element of the dimension, OPD and programme of this regency, "completed" earned.</summary>
    private async Task<SaveResult?> CheckReferencesAsync(SmartCityDbContext db, int regencyId, QuickWinInput input, int? quickWinId, CancellationToken ct)
    {
        if (!await db.Dimensions.AnyAsync(d => d.Id == input.DimensionId, ct))
        {
            return SaveResult.Invalid(nameof(QuickWinInput.DimensionId), l["Validation.Choose"]);
        }

        if (input.ElementId is { } element && !await db.Elements.AnyAsync(e => e.Id == element && e.DimensionId == input.DimensionId, ct))
        {
            return SaveResult.Invalid(nameof(QuickWinInput.ElementId), l["QuickWin.ElementOfDimension"]);
        }

        if (input.OwnerUnitId is { } unit && !await db.GovernmentUnits.AnyAsync(u => u.Id == unit && u.RegencyId == regencyId, ct))
        {
            return SaveResult.Invalid(nameof(QuickWinInput.OwnerUnitId), l["Validation.Choose"]);
        }

        if (input.ProgrammeId is { } programme && !await db.Programmes.AnyAsync(p => p.Id == programme && p.RegencyId == regencyId, ct))
        {
            return SaveResult.Invalid(nameof(QuickWinInput.ProgrammeId), l["Validation.Choose"]);
        }

        if (input.Status == QuickWinStatus.Completed
            && !await db.ProgressReports.AnyAsync(r => r.QuickWinId == quickWinId && r.State == ReportState.Verified && r.Percent >= 100, ct))
        {
            return SaveResult.Invalid(nameof(QuickWinInput.Status), l["QuickWin.CompletedNeedsReport"]);
        }

        return null;
    }

    private static void Apply(QuickWin quickWin, QuickWinInput input)
    {
        quickWin.Name = input.Name.Trim();
        quickWin.Acronym = Clean(input.Acronym);
        quickWin.Description = Clean(input.Description);
        quickWin.DimensionId = input.DimensionId!.Value;
        quickWin.ElementId = input.ElementId;
        quickWin.OwnerUnitId = input.OwnerUnitId;
        quickWin.ProgrammeId = input.ProgrammeId;
        quickWin.StartDate = DateOnly.FromDateTime(input.StartDate!.Value);
        quickWin.TargetDate = DateOnly.FromDateTime(input.TargetDate!.Value);
        quickWin.Budget = input.Budget!.Value;
        quickWin.BudgetSource = Clean(input.BudgetSource);
        quickWin.Kind = input.Kind;
        quickWin.Status = input.Status;
    }

    private async Task<ConcurrencyConflict> ConflictAsync(SmartCityDbContext db, QuickWin saved, QuickWinInput yours, CancellationToken ct)
    {
        var (changedBy, changedAt) = await db.LastChangeAsync(nameof(QuickWin), saved.Id.ToString(CultureInfo.InvariantCulture), ct);
        var names = await ConflictNames.LoadAsync(
            db, [saved.DimensionId, yours.DimensionId], [saved.ElementId, yours.ElementId], [saved.OwnerUnitId, yours.OwnerUnitId], English, ct);
        int?[] programmeIds = [saved.ProgrammeId, yours.ProgrammeId];
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var differences = new Differences()
            .Add(l["QuickWin.Name"], yours.Name, saved.Name)
            .Add(l["QuickWin.Acronym"], yours.Acronym, saved.Acronym)
            .Add(l["QuickWin.Description"], yours.Description, saved.Description)
            .Add(l["QuickWin.Dimension"], names.Dimension(yours.DimensionId), names.Dimension(saved.DimensionId))
            .Add(l["QuickWin.Element"], names.Element(yours.ElementId), names.Element(saved.ElementId))
            .Add(l["QuickWin.Owner"], names.Unit(yours.OwnerUnitId), names.Unit(saved.OwnerUnitId))
            .Add(l["QuickWin.Programme"], ConflictNames.Of(programmes, yours.ProgrammeId), ConflictNames.Of(programmes, saved.ProgrammeId))
            .Add(l["QuickWin.Start"], Format.Date(yours.StartDate is { } s ? DateOnly.FromDateTime(s) : null), Format.Date(saved.StartDate))
            .Add(l["QuickWin.Target"], Format.Date(yours.TargetDate is { } t ? DateOnly.FromDateTime(t) : null), Format.Date(saved.TargetDate))
            .Add(l["QuickWin.Budget"], yours.Budget is { } b ? Format.Money(b) : null, Format.Money(saved.Budget))
            .Add(l["QuickWin.BudgetSource"], yours.BudgetSource, saved.BudgetSource)
            .Add(l["QuickWin.Kind"], l.Enum(yours.Kind), l.Enum(saved.Kind))
            .Add(l["QuickWin.Status"], l.Enum(yours.Status), l.Enum(saved.Status));
        return new ConcurrencyConflict(differences.Items, changedBy, changedAt, saved.Version);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
