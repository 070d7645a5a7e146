using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using SmartCity.Domain.Common;
using SmartCity.Domain.Notifications;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Notifications;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.QuickWins;

/// <summary>
/// Periodic progress reports: Diskominfo staff draft and submit them (one per quick win and period, never for a future
/// period); a verifier of the same regency, never the author, verifies or returns them with a reason (DOMAIN.md).
/// </summary>
public sealed class ReportService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, ReportInputValidator validator, ReturnInputValidator returnValidator,
    IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    public const string StateField = "State";

    /// <summary>A blank report for a quick win: the current period (when still free) and the percent the milestones propose.</summary>
    public async Task<ReportDetail> NewAsync(int quickWinId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var frame = await FrameAsync(db, quickWinId, ct) ?? throw new KeyNotFoundException($"Quick win {quickWinId}");
        access.EnsureCanWrite(frame.RegencyId, RegencyWrite.QuickWins, $"a report of quick win {quickWinId}");
        var current = ReportingPeriod.Containing(clock.GetUtcNow().DateIn(frame.TimeZone), frame.PeriodKind).ToString();
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.QuickWinId == quickWinId).OrderBy(k => k.Id)
            .Select(k => new ReportKpiRow(k.Id, k.Name, k.Unit, k.Baseline, k.Target, null)).ToListAsync(ct);
        return new ReportDetail(
            null, quickWinId, frame.Title, frame.RegencyId, frame.RegencyCode, frame.RegencyName, frame.TimeZone, frame.PeriodKind,
            frame.TakenPeriods.Contains(current) ? "" : current, frame.Proposed, null, null, ReportState.Draft, ReportSource.Portal, null, null, null, null, null, 0,
            frame.Proposed, frame.Done, frame.MilestoneCount, kpis, frame.TakenPeriods, current, true, false, false);
    }

    /// <summary>One report for anyone who may read its regency; null when unknown. Four SQL commands.</summary>
    public async Task<ReportDetail?> GetAsync(int reportId, CancellationToken ct = default)
    {
        access.EnsureSignedIn("a progress report");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.ProgressReports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new
            {
                r,
                Author = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.UserName).FirstOrDefault(),
                Verifier = db.Users.Where(u => u.Id == r.VerifiedById).Select(u => u.UserName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (report is null)
        {
            return null;
        }

        access.EnsureCanRead(report.r.RegencyId, $"progress report {reportId}");
        var frame = (await FrameAsync(db, report.r.QuickWinId, ct))!;
        var r = report.r;
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.QuickWinId == r.QuickWinId).OrderBy(k => k.Id)
            .Select(k => new ReportKpiRow(k.Id, k.Name, k.Unit, k.Baseline, k.Target,
                db.ReportKpiActuals.Where(a => a.ProgressReportId == reportId && a.KpiId == k.Id).Select(a => (decimal?)a.Value).FirstOrDefault()))
            .ToListAsync(ct);
        var current = ReportingPeriod.Containing(clock.GetUtcNow().DateIn(frame.TimeZone), frame.PeriodKind).ToString();
        var isOwn = r.AuthorId is not null && r.AuthorId == access.UserId;
        return new ReportDetail(
            r.Id, r.QuickWinId, frame.Title, r.RegencyId, frame.RegencyCode, frame.RegencyName, frame.TimeZone, frame.PeriodKind,
            r.Period, r.Percent, r.Narrative, r.Obstacles, r.State, r.Source, r.ReturnReason, report.Author, r.SubmittedAt, report.Verifier, r.VerifiedAt, r.Version,
            frame.Proposed, frame.Done, frame.MilestoneCount, kpis, frame.TakenPeriods.Where(p => p != r.Period).ToList(), current,
            access.CanWrite(r.RegencyId, RegencyWrite.QuickWins), access.CanVerify(r.RegencyId) && !isOwn, isOwn);
    }

    /// <summary>
    /// Saves a new report (<paramref name="reportId"/> null) or a draft/returned one, and with <paramref name="submit"/> submits it.
    /// The service is authoritative: period format and kind, no future period, not before the quick win starts, one per period.
    /// </summary>
    public Task<SaveResult> SaveAsync(int quickWinId, int? reportId, ReportInput input, bool submit = false, bool overwrite = false, CancellationToken ct = default) =>
        SaveCoreAsync(quickWinId, reportId, input, submit, overwrite, ReportSource.Portal, ct);

    /// <summary>
    /// A regency's own system submits a new report through the API (source <see cref="ReportSource.Api"/>): the same rules as the
    /// form's submit; it arrives as submitted and follows verification like any other.
    /// </summary>
    public Task<SaveResult> SubmitFromSystemAsync(int quickWinId, ReportInput input, CancellationToken ct = default) =>
        SaveCoreAsync(quickWinId, null, input, submit: true, overwrite: false, ReportSource.Api, ct);

    private async Task<SaveResult> SaveCoreAsync(int quickWinId, int? reportId, ReportInput input, bool submit, bool overwrite, ReportSource source, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quickWin = await db.QuickWins.AsNoTracking().Where(q => q.Id == quickWinId)
            .Select(q => new { q.RegencyId, q.StartDate, Zone = db.Regencies.Where(r => r.Id == q.RegencyId).Select(r => r.TimeZone).First(), Kind = db.Regencies.Where(r => r.Id == q.RegencyId).Select(r => r.ReportingPeriod).First() })
            .FirstOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"Quick win {quickWinId}");
        access.EnsureCanWrite(quickWin.RegencyId, RegencyWrite.QuickWins, $"a report of quick win {quickWinId}");
        var validation = await validator.ValidateAsync(input, o => o.IncludeRuleSets(submit ? ["default", ReportInputValidator.Submit] : ["default"]), ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        if (!ReportingPeriod.TryParse(input.Period, out var period))
        {
            return SaveResult.Invalid(nameof(ReportInput.Period), l["Report.PeriodFormat"]);
        }

        var today = clock.GetUtcNow().DateIn(quickWin.Zone);
        if (period.Kind != quickWin.Kind)
        {
            return SaveResult.Invalid(nameof(ReportInput.Period), l["Report.PeriodKind"]);
        }

        if (!period.IsReportableOn(today))
        {
            return SaveResult.Invalid(nameof(ReportInput.Period), l["Report.FuturePeriod"]);
        }

        if (period.LastDay < quickWin.StartDate)
        {
            return SaveResult.Invalid(nameof(ReportInput.Period), string.Format(CultureInfo.CurrentCulture, l["Report.BeforeStart"], Format.Date(quickWin.StartDate)));
        }

        var text = period.ToString();
        if (await db.ProgressReports.AnyAsync(r => r.QuickWinId == quickWinId && r.Period == text && r.Id != reportId, ct))
        {
            return SaveResult.Invalid(nameof(ReportInput.Period), l["Report.Duplicate"]);
        }

        var kpiIds = await db.Kpis.Where(k => k.QuickWinId == quickWinId).Select(k => k.Id).ToListAsync(ct);
        ProgressReport report;
        if (reportId is { } id)
        {
            report = await db.ProgressReports.Include(r => r.KpiActuals).SingleOrDefaultAsync(r => r.Id == id && r.QuickWinId == quickWinId, ct)
                ?? throw new KeyNotFoundException($"Report {id}");
            if (!overwrite && report.Version != input.Version)
            {
                return SaveResult.Conflicted(await ConflictAsync(db, report, input, ct));
            }

            if (report.State is not (ReportState.Draft or ReportState.Returned))
            {
                return SaveResult.Invalid(StateField, l["Report.NotEditable"]);
            }

            db.Entry(report).Property(r => r.Version).OriginalValue = overwrite ? report.Version : input.Version;
        }
        else
        {
            report = new ProgressReport
            {
                RegencyId = quickWin.RegencyId,
                QuickWinId = quickWinId,
                Period = text,
                State = ReportState.Draft,
                Source = source,
                AuthorId = access.UserId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.ProgressReports.Add(report);
        }

        report.Period = text;
        report.PeriodStart = period.FirstDay;
        report.PeriodEnd = period.LastDay;
        report.Percent = input.Percent!.Value;
        report.Narrative = Clean(input.Narrative);
        report.Obstacles = Clean(input.Obstacles);
        foreach (var actual in input.Actuals.Where(a => kpiIds.Contains(a.KpiId)))
        {
            var existing = report.KpiActuals.FirstOrDefault(a => a.KpiId == actual.KpiId);
            if (actual.Value is not { } value)
            {
                if (existing is not null)
                {
                    report.KpiActuals.Remove(existing);
                }
            }
            else if (existing is null)
            {
                report.KpiActuals.Add(new ReportKpiActual { RegencyId = quickWin.RegencyId, KpiId = actual.KpiId, Value = value });
            }
            else
            {
                existing.Value = value;
            }
        }

        if (submit)
        {
            report.State = ReportState.Submitted;
            report.SubmittedAt = clock.GetUtcNow();
            report.AuthorId = access.UserId;
            report.ReturnReason = null;
        }

        try
        {
            if (await db.SaveOrConflictAsync(
                    dbFactory,
                    async fresh => await ConflictAsync(fresh, await fresh.ProgressReports.AsNoTracking().Include(r => r.KpiActuals).SingleAsync(r => r.Id == report.Id, ct), input, ct),
                    ct) is { } conflict)
            {
                return conflict;
            }
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SaveResult.Invalid(nameof(ReportInput.Period), l["Report.Duplicate"]);
        }

        return SaveResult.Saved(report.Id, report.Version);
    }

    /// <summary>
    /// The verifier accepts a submitted report: its percent becomes the quick win's progress when it is the latest verified one,
    /// its KPI values become the KPIs' latest actuals, and a 100 % report completes the quick win (a first one starts it).
    /// </summary>
    public async Task<SaveResult> VerifyAsync(int reportId, uint version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.ProgressReports.Include(r => r.KpiActuals).SingleOrDefaultAsync(r => r.Id == reportId, ct) ?? throw new KeyNotFoundException($"Report {reportId}");
        if (await RefuseDecisionAsync(db, report, version, ct) is { } refused)
        {
            return refused;
        }

        report.State = ReportState.Verified;
        report.VerifiedById = access.UserId;
        report.VerifiedAt = clock.GetUtcNow();
        var laterVerified = await db.ProgressReports.AnyAsync(
            r => r.QuickWinId == report.QuickWinId && r.State == ReportState.Verified && r.Id != report.Id
                && (r.PeriodEnd > report.PeriodEnd || (r.PeriodEnd == report.PeriodEnd && r.PeriodStart > report.PeriodStart)), ct);
        if (!laterVerified)
        {
            var quickWin = await db.QuickWins.Include(q => q.Kpis).SingleAsync(q => q.Id == report.QuickWinId, ct);
            foreach (var actual in report.KpiActuals)
            {
                if (quickWin.Kpis.FirstOrDefault(k => k.Id == actual.KpiId) is { } kpi)
                {
                    kpi.LatestActual = actual.Value;
                }
            }

            if (report.Percent >= 100 && quickWin.Status is QuickWinStatus.Planned or QuickWinStatus.Running)
            {
                quickWin.Status = QuickWinStatus.Completed;
            }
            else if (quickWin.Status == QuickWinStatus.Planned)
            {
                quickWin.Status = QuickWinStatus.Running;
            }
        }

        return await SaveDecisionAsync(db, report, ct);
    }

    /// <summary>The verifier sends a submitted report back with a reason; the author edits and resubmits it.</summary>
    public async Task<SaveResult> ReturnAsync(int reportId, ReturnInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.ProgressReports.SingleOrDefaultAsync(r => r.Id == reportId, ct) ?? throw new KeyNotFoundException($"Report {reportId}");
        if (await RefuseDecisionAsync(db, report, input.Version, ct) is { } refused)
        {
            return refused;
        }

        var validation = await returnValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        report.State = ReportState.Returned;
        report.ReturnReason = input.Reason.Trim();
        return await SaveDecisionAsync(db, report, ct, c => NotifyReturnedAsync(db, report, input.Version, c));
    }

    /// <summary>Deletes a draft that was never submitted, with its KPI values and evidence.</summary>
    public async Task<SaveResult> DeleteDraftAsync(int reportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.ProgressReports.SingleOrDefaultAsync(r => r.Id == reportId, ct) ?? throw new KeyNotFoundException($"Report {reportId}");
        access.EnsureCanWrite(report.RegencyId, RegencyWrite.QuickWins, $"progress report {reportId}");
        if (report.State != ReportState.Draft)
        {
            return SaveResult.Invalid(StateField, l["Report.NotEditable"]);
        }

        db.ProgressReports.Remove(report);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(reportId, 0);
    }

    /// <summary>
    /// Reports in one state (the verification queue: submitted), oldest first: the user's own regency, one regency a national
    /// user asks for, or every regency for national roles. Two SQL commands whatever the data size.
    /// </summary>
    public async Task<PagedResult<ReportQueueRow>> QueueAsync(ReportQueueQuery query, CancellationToken ct = default)
    {
        access.EnsureSignedIn("the report queue");
        var regencyId = query.RegencyId ?? access.OwnRegencyId;
        if (regencyId is { } id)
        {
            access.EnsureCanRead(id, "the report queue");
        }
        else
        {
            access.EnsureNational("the national report queue");
        }

        var pageSize = Math.Clamp(query.PageSize, 1, QuickWinService.MaxPageSize);
        var page = Math.Max(1, query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reports = db.ProgressReports.AsNoTracking().Where(r => r.State == query.State);
        if (regencyId is { } only)
        {
            reports = reports.Where(r => r.RegencyId == only);
        }

        var total = await reports.CountAsync(ct);
        var rows = await (
            from r in reports
            join q in db.QuickWins on r.QuickWinId equals q.Id
            join g in db.Regencies on r.RegencyId equals g.Id
            orderby r.SubmittedAt, r.Id
            select new ReportQueueRow(
                r.Id, q.Id, g.Code, g.Name, g.TimeZone, q.Acronym ?? q.Name, r.Period, r.Percent,
                db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.UserName).FirstOrDefault(), r.SubmittedAt,
                db.EvidenceFiles.Count(f => f.ProgressReportId == r.Id), r.ReturnReason))
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<ReportQueueRow>(rows, total, page, pageSize);
    }

    private sealed record Frame(
        int RegencyId, string RegencyCode, string RegencyName, IndonesianTimeZone TimeZone, ReportingPeriodKind PeriodKind, string Title,
        List<string> TakenPeriods, decimal Proposed, int Done, int MilestoneCount);

    private static async Task<Frame?> FrameAsync(SmartCityDbContext db, int quickWinId, CancellationToken ct)
    {
        var q = await (
            from w in db.QuickWins.AsNoTracking()
            join g in db.Regencies on w.RegencyId equals g.Id
            where w.Id == quickWinId
            select new
            {
                w.RegencyId,
                g.Code,
                g.Name,
                g.TimeZone,
                g.ReportingPeriod,
                Title = w.Acronym ?? w.Name,
                Periods = w.Reports.OrderBy(r => r.PeriodStart).Select(r => r.Period).ToList(),
                Milestones = w.Milestones.Select(m => new { m.Weight, Done = m.DoneDate != null }).ToList(),
            }).AsSplitQuery().FirstOrDefaultAsync(ct);
        return q is null
            ? null
            : new Frame(
                q.RegencyId, q.Code, q.Name, q.TimeZone, q.ReportingPeriod, q.Title, q.Periods,
                QuickWinProgress.FromMilestones(q.Milestones.Select(m => (m.Weight, m.Done))), q.Milestones.Count(m => m.Done), q.Milestones.Count);
    }

    /// <summary>Verify and return: a verifier of the report's regency, not its author, on a submitted report they saw as it is.</summary>
    private async Task<SaveResult?> RefuseDecisionAsync(SmartCityDbContext db, ProgressReport report, uint version, CancellationToken ct)
    {
        access.EnsureCanVerify(report.RegencyId, $"progress report {report.Id}");
        if (report.AuthorId is not null && report.AuthorId == access.UserId)
        {
            return SaveResult.Invalid(StateField, l["Report.OwnReport"]);
        }

        if (report.Version != version)
        {
            return SaveResult.Conflicted(await ConflictAsync(db, report, null, ct));
        }

        if (report.State != ReportState.Submitted)
        {
            return SaveResult.Invalid(StateField, l["Report.NotSubmitted"]);
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        return null;
    }

    private async Task<SaveResult> SaveDecisionAsync(SmartCityDbContext db, ProgressReport report, CancellationToken ct, Func<CancellationToken, Task>? notify = null)
    {
        return await db.SaveOrConflictAsync(
                dbFactory, async fresh => await ConflictAsync(fresh, await fresh.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == report.Id, ct), null, ct), ct, notify)
            ?? SaveResult.Saved(report.Id, report.Version);
    }

    /// <summary>A returned report is told to its author (to the regency's Diskominfo users when it has none, e.g. pushed by the API).</summary>
    private async Task NotifyReturnedAsync(SmartCityDbContext db, ProgressReport report, uint seenVersion, CancellationToken ct)
    {
        var author = report.AuthorId;
        var name = await db.QuickWins.Where(q => q.Id == report.QuickWinId).Select(q => q.Name).SingleAsync(ct);
        var recipients = Notifier.UsersInRoles(db, Roles.DiskominfoStaff)
            .Where(u => u.RegencyId == report.RegencyId && (author == null || u.Id == author)).Select(u => u.Id);
        await Notifier.NotifyAsync(
            db, recipients, NotificationKind.ReportReturned, name, report.Period, $"/reports/{report.Id.ToString(CultureInfo.InvariantCulture)}", report.RegencyId,
            $"report-returned:{report.Id.ToString(CultureInfo.InvariantCulture)}:{seenVersion.ToString(CultureInfo.InvariantCulture)}", clock.GetUtcNow(), ct);
    }

    /// <summary>What differs between the user's input (null for a verifier's decision) and the saved report, and who saved it.</summary>
    private async Task<ConcurrencyConflict> ConflictAsync(SmartCityDbContext db, ProgressReport saved, ReportInput? yours, CancellationToken ct)
    {
        var (by, at) = await db.LastChangeAsync(nameof(ProgressReport), saved.Id.ToString(CultureInfo.InvariantCulture), ct);
        var differences = new Differences();
        if (yours is null)
        {
            differences.Add(l["Report.State"], l.Enum(ReportState.Submitted), l.Enum(saved.State));
        }
        else
        {
            differences
                .Add(l["Report.Period"], yours.Period, saved.Period)
                .Add(l["Report.Percent"], Format.Number(yours.Percent), Format.Number(saved.Percent))
                .Add(l["Report.Narrative"], yours.Narrative, saved.Narrative)
                .Add(l["Report.Obstacles"], yours.Obstacles, saved.Obstacles)
                .Add(l["Report.State"], null, saved.State is ReportState.Draft or ReportState.Returned ? null : l.Enum(saved.State));
            foreach (var actual in yours.Actuals)
            {
                var savedValue = saved.KpiActuals.FirstOrDefault(a => a.KpiId == actual.KpiId)?.Value;
                differences.Add($"{actual.Name} ({actual.Unit})", Format.Number(actual.Value), Format.Number(savedValue));
            }
        }

        return new ConcurrencyConflict(differences.Items, by, at, saved.Version);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
