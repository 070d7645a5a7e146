using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.QuickWins.Export;

/// <summary>
/// Exports a regency's quick-win register and its progress reports as one .xlsx workbook (quick wins, reports, KPIs)
/// or as two CSV files. Anyone who may read the regency may export it. The number of SQL commands does not depend on
/// the number of rows: one for the regency and row counts, one per table, all in one repeatable-read snapshot so the
/// sheets agree with each other. Progress is reported every <see cref="ReportEvery"/> rows and once at the end.
/// </summary>
public sealed class QuickWinExportService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Rows between two progress reports.</summary>
    internal const int ReportEvery = 50;

    public async Task<ExportFile> ExportAsync(int regencyId, ExportFormat format, IProgress<ExportProgress>? progress = null, CancellationToken ct = default)
    {
        access.EnsureCanRead(regencyId, "the quick-win export");
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();

        // A retry after a transient failure starts the whole file again, progress included.
        return await strategy.ExecuteAsync(async cancellation =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellation);
            var file = await ExportInSnapshotAsync(db, regencyId, format, progress, cancellation);
            await transaction.CommitAsync(cancellation);
            return file;
        }, ct);
    }

    private async Task<ExportFile> ExportInSnapshotAsync(
        SmartCityDbContext db, int regencyId, ExportFormat format, IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        var regency = await db.Regencies.AsNoTracking().Where(r => r.Id == regencyId)
            .Select(r => new RegencyHead(
                r.Code,
                r.TimeZone,
                db.QuickWins.Count(q => q.RegencyId == regencyId),
                db.ProgressReports.Count(p => p.RegencyId == regencyId),
                db.Kpis.Count(k => k.RegencyId == regencyId)))
            .SingleOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"Regency {regencyId}");

        var today = clock.GetUtcNow().DateIn(regency.TimeZone);
        var total = format switch
        {
            ExportFormat.Xlsx => regency.QuickWins + regency.Reports + regency.Kpis,
            ExportFormat.QuickWinsCsv => regency.QuickWins,
            _ => regency.Reports,
        };
        var counter = new RowCounter(progress, total);
        var stamp = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        counter.Start();

        switch (format)
        {
            case ExportFormat.Xlsx:
                {
                    using var workbook = new XlsxWorkbookWriter();
                    using (var sheet = workbook.AddSheet(l["Export.Sheet.QuickWins"], QuickWinColumns()))
                    {
                        await WriteQuickWinsAsync(db, regencyId, regency, today, sheet, counter, ct);
                    }

                    using (var sheet = workbook.AddSheet(l["Export.Sheet.Reports"], ReportColumns()))
                    {
                        await WriteReportsAsync(db, regencyId, regency.TimeZone, sheet, counter, ct);
                    }

                    using (var sheet = workbook.AddSheet(l["Export.Sheet.Kpis"], KpiColumns()))
                    {
                        await WriteKpisAsync(db, regencyId, sheet, counter, ct);
                    }

                    counter.Finish();
                    return new ExportFile($"quick-win-{regency.Code}-{stamp}.xlsx", XlsxContentType, workbook.Complete());
                }

            case ExportFormat.QuickWinsCsv:
                {
                    using var csv = new CsvTableWriter(QuickWinColumns());
                    await WriteQuickWinsAsync(db, regencyId, regency, today, csv, counter, ct);
                    counter.Finish();
                    return new ExportFile($"quick-win-{regency.Code}-{stamp}.csv", CsvContentType, csv.ToArray());
                }

            default:
                {
                    using var csv = new CsvTableWriter(ReportColumns());
                    await WriteReportsAsync(db, regencyId, regency.TimeZone, csv, counter, ct);
                    counter.Finish();
                    return new ExportFile($"quick-win-reports-{regency.Code}-{stamp}.csv", CsvContentType, csv.ToArray());
                }
        }
    }

    private List<ExportColumn> QuickWinColumns() =>
    [
        new(l["Export.Col.RegencyCode"], 10), new(l["Export.Col.Id"], 8), new(l["Export.Col.Name"], 40), new(l["Export.Col.Acronym"], 14),
        new(l["Export.Col.DimensionCode"], 10), new(l["Export.Col.Dimension"], 24), new(l["Export.Col.Element"], 28), new(l["Export.Col.Owner"], 28),
        new(l["Export.Col.Programme"], 30), new(l["Export.Col.StartDate"], 13), new(l["Export.Col.TargetDate"], 13), new(l["Export.Col.Budget"], 18),
        new(l["Export.Col.BudgetSource"], 14), new(l["Export.Col.Kind"], 18), new(l["Export.Col.Status"], 12), new(l["Export.Col.Delayed"], 10),
        new(l["Export.Col.Archived"], 10), new(l["Export.Col.Progress"], 11), new(l["Export.Col.ProgressPeriod"], 12),
        new(l["Export.Col.ProgressVerifiedOn"], 14), new(l["Export.Col.MilestoneCompletion"], 12), new(l["Export.Col.Milestones"], 10),
        new(l["Export.Col.Kpis"], 8),
    ];

    private List<ExportColumn> ReportColumns() =>
    [
        new(l["Export.Col.QuickWinId"], 10), new(l["Export.Col.QuickWinName"], 36), new(l["Export.Col.Period"], 10), new(l["Export.Col.PeriodStart"], 13),
        new(l["Export.Col.PeriodEnd"], 13), new(l["Export.Col.State"], 14), new(l["Export.Col.Percent"], 10), new(l["Export.Col.Narrative"], 50),
        new(l["Export.Col.Obstacles"], 40), new(l["Export.Col.Author"], 20), new(l["Export.Col.SubmittedAt"], 26), new(l["Export.Col.Verifier"], 20),
        new(l["Export.Col.VerifiedAt"], 26), new(l["Export.Col.ReturnReason"], 36), new(l["Export.Col.EvidenceFiles"], 10),
    ];

    private List<ExportColumn> KpiColumns() =>
    [
        new(l["Export.Col.QuickWinId"], 10), new(l["Export.Col.QuickWinName"], 36), new(l["Export.Col.KpiName"], 36), new(l["Export.Col.Unit"], 12),
        new(l["Export.Col.Baseline"], 12), new(l["Export.Col.Target"], 12), new(l["Export.Col.LatestActual"], 12),
    ];

    private async Task WriteQuickWinsAsync(
        SmartCityDbContext db, int regencyId, RegencyHead regency, DateOnly today, ITableWriter table, RowCounter counter, CancellationToken ct)
    {
        var english = Format.IsEnglish;

        // One command: the latest verified report (QuickWinProgress.Of orders by period end, then start) and the
        // milestones come as a subquery and a joined collection; names of the dimension, element, OPD and programme as scalars.
        var rows = db.QuickWins.AsNoTracking().Where(q => q.RegencyId == regencyId)
            .OrderBy(q => q.StartDate).ThenBy(q => q.Name).ThenBy(q => q.Id)
            .Select(q => new
            {
                q.Id,
                q.Name,
                q.Acronym,
                Dimension = db.Dimensions.Where(d => d.Id == q.DimensionId).Select(d => new { d.Code, d.NameId, d.NameEn }).First(),
                Element = db.Elements.Where(e => e.Id == q.ElementId).Select(e => english ? e.NameEn : e.NameId).FirstOrDefault(),
                Owner = db.GovernmentUnits.Where(u => u.Id == q.OwnerUnitId).Select(u => u.Name).FirstOrDefault(),
                Programme = db.Programmes.Where(p => p.Id == q.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
                q.StartDate,
                q.TargetDate,
                q.Budget,
                q.BudgetSource,
                q.Kind,
                q.Status,
                q.IsArchived,
                // The latest verified report by period end, then start (the one progress formula), field by field: scalar subqueries
                // that use the (QuickWinId, State, PeriodEnd, PeriodStart) index, not a window over every report.
                LatestPercent = q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart).Select(r => (decimal?)r.Percent).FirstOrDefault(),
                LatestPeriod = q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart).Select(r => r.Period).FirstOrDefault(),
                LatestVerifiedAt = q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart).Select(r => r.VerifiedAt).FirstOrDefault(),
                Milestones = q.Milestones.Select(m => new { m.Weight, Done = m.DoneDate != null }).ToList(),
                Kpis = q.Kpis.Count,
            })
            .AsAsyncEnumerable();

        await foreach (var q in rows.WithCancellation(ct))
        {
            var progress = q.LatestPercent ?? 0;
            table.Plain(regency.Code);
            table.Number(q.Id, NumberKind.Integer);
            table.Text(q.Name);
            table.Text(q.Acronym);
            table.Plain(q.Dimension.Code);
            table.Plain(english ? q.Dimension.NameEn : q.Dimension.NameId);
            table.Plain(q.Element);
            table.Text(q.Owner);
            table.Text(q.Programme);
            table.Date(q.StartDate);
            table.Date(q.TargetDate);
            table.Number(q.Budget, NumberKind.Money);
            table.Text(q.BudgetSource);
            table.Plain(l.Enum(q.Kind));
            table.Plain(l.Enum(q.Status));
            table.Plain(YesNo(QuickWinProgress.IsDelayed(q.Status, q.TargetDate, progress, today)));
            table.Plain(YesNo(q.IsArchived));
            table.Number(progress, NumberKind.Percent);
            table.Plain(q.LatestPeriod);
            table.Date(q.LatestVerifiedAt?.DateIn(regency.TimeZone));
            table.Number(QuickWinProgress.FromMilestones(q.Milestones.Select(m => (m.Weight, m.Done))), NumberKind.Percent);
            table.Number(q.Milestones.Count, NumberKind.Integer);
            table.Number(q.Kpis, NumberKind.Integer);
            table.EndRow();
            counter.Row();
        }
    }

    private async Task WriteReportsAsync(
        SmartCityDbContext db, int regencyId, IndonesianTimeZone zone, ITableWriter table, RowCounter counter, CancellationToken ct)
    {
        var rows = (from r in db.ProgressReports.AsNoTracking()
                    join q in db.QuickWins on r.QuickWinId equals q.Id
                    where r.RegencyId == regencyId
                    orderby q.StartDate, q.Name, q.Id, r.PeriodStart, r.PeriodEnd
                    select new
                    {
                        r.QuickWinId,
                        q.Name,
                        r.Period,
                        r.PeriodStart,
                        r.PeriodEnd,
                        r.State,
                        r.Percent,
                        r.Narrative,
                        r.Obstacles,
                        Author = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.UserName).FirstOrDefault(),
                        r.SubmittedAt,
                        Verifier = db.Users.Where(u => u.Id == r.VerifiedById).Select(u => u.UserName).FirstOrDefault(),
                        r.VerifiedAt,
                        r.ReturnReason,
                        Evidence = db.EvidenceFiles.Count(e => e.ProgressReportId == r.Id),
                    })
            .AsAsyncEnumerable();

        await foreach (var r in rows.WithCancellation(ct))
        {
            table.Number(r.QuickWinId, NumberKind.Integer);
            table.Text(r.Name);
            table.Plain(r.Period);
            table.Date(r.PeriodStart);
            table.Date(r.PeriodEnd);
            table.Plain(l.Enum(r.State));
            table.Number(r.Percent, NumberKind.Percent);
            table.Text(r.Narrative);
            table.Text(r.Obstacles);
            table.Plain(r.Author);
            table.Plain(IsoInstant(r.SubmittedAt, zone));
            table.Plain(r.Verifier);
            table.Plain(IsoInstant(r.VerifiedAt, zone));
            table.Text(r.ReturnReason);
            table.Number(r.Evidence, NumberKind.Integer);
            table.EndRow();
            counter.Row();
        }
    }

    private static async Task WriteKpisAsync(SmartCityDbContext db, int regencyId, XlsxWorkbookWriter.SheetWriter table, RowCounter counter, CancellationToken ct)
    {
        var rows = (from k in db.Kpis.AsNoTracking()
                    join q in db.QuickWins on k.QuickWinId equals q.Id
                    where k.RegencyId == regencyId
                    orderby q.StartDate, q.Name, q.Id, k.Name, k.Id
                    select new { k.QuickWinId, QuickWin = q.Name, k.Name, k.Unit, k.Baseline, k.Target, k.LatestActual })
            .AsAsyncEnumerable();

        await foreach (var k in rows.WithCancellation(ct))
        {
            table.Number(k.QuickWinId, NumberKind.Integer);
            table.Text(k.QuickWin);
            table.Text(k.Name);
            table.Text(k.Unit);
            table.Number(k.Baseline, NumberKind.Decimal);
            table.Number(k.Target, NumberKind.Decimal);
            table.Number(k.LatestActual, NumberKind.Decimal);
            table.EndRow();
            counter.Row();
        }
    }

    /// <summary>ISO 8601 with the offset of the regency's zone: <c>2021-11-03T10:00:00+07:00</c>.</summary>
    internal static string? IsoInstant(DateTimeOffset? instant, IndonesianTimeZone zone) =>
        instant?.ToZone(zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private string YesNo(bool value) => value ? l["Common.Yes"] : l["Common.No"];

    private sealed record RegencyHead(string Code, IndonesianTimeZone TimeZone, int QuickWins, int Reports, int Kpis);

    /// <summary>Counts written rows and reports them every <see cref="ReportEvery"/> rows; the last report has Done == Total.</summary>
    private sealed class RowCounter(IProgress<ExportProgress>? progress, int total)
    {
        private int _done;

        public void Row()
        {
            _done++;
            if (_done % ReportEvery == 0 && _done < total)
            {
                progress?.Report(new ExportProgress(_done, total));
            }
        }

        public void Start() => progress?.Report(new ExportProgress(0, total));

        /// <summary>Rows and counts come from one snapshot, so they agree and the last report says Done == Total.</summary>
        public void Finish() => progress?.Report(new ExportProgress(_done, Math.Max(_done, total)));
    }
}
