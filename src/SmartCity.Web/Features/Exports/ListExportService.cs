using System.Globalization;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Features.Admin.Users;
using SmartCity.Web.Features.Assessments;
using SmartCity.Web.Features.Audit;
using SmartCity.Web.Features.Masterplans;
using SmartCity.Web.Features.QuickWins.Export;
using SmartCity.Web.Features.QuickWins.Overdue;
using SmartCity.Web.Features.Regencies;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Exports;

/// <summary>
/// "Every list exports to CSV and .xlsx": each export reads its rows through the list's own service method with the list's
/// filters, page after page, so the filters and the access rules are exactly the list's (a refusal is the list's refusal).
/// The rows are written once through <see cref="TableExport"/>, which makes the CSV or the xlsx. At most <see cref="MaxRows"/> rows.
/// </summary>
public sealed class ListExportService(
    RegencyService regencies, MasterplanService masterplans, UserAdminService users, AuditService audit, OverdueService overdue,
    RoundService rounds, IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    /// <summary>The most rows one export holds.</summary>
    public const int MaxRows = 100_000;

    private const int Page = 200;

    public async Task<ExportFile> RegenciesAsync(TableFormat format, RegencyQuery query, CancellationToken ct = default)
    {
        var rows = await AllAsync(page => regencies.ListAsync(query with { Page = page, PageSize = Page }, ct));
        return await TableExport.WriteAsync(format, Stem("daerah"), l["Regencies.Title"],
            [Col("Export.Col.RegencyCode", 10), Col("Export.Col.Name", 36), Col("Export.Col.Kind", 12), Col("List.Col.Province", 28),
             Col("List.Col.Cohort", 10), Col("List.Col.Stage", 20), Col("List.Col.Active", 8)],
            table =>
            {
                foreach (var r in rows)
                {
                    table.Plain(r.Code);
                    table.Text(r.Name);
                    table.Plain(l.Enum(r.Kind));
                    table.Text(r.ProvinceName);
                    table.Number(r.CohortYear, NumberKind.Integer);
                    table.Plain(r.Stage is { } stage ? l.Enum(stage) : null);
                    table.Plain(YesNo(r.IsActive));
                    table.EndRow();
                }

                return Task.CompletedTask;
            });
    }

    /// <summary>A regency's plans (<paramref name="regencyCode"/>), or every regency's for national roles; null for an unknown code.</summary>
    public async Task<ExportFile?> MasterplansAsync(TableFormat format, string? regencyCode, MasterplanState? state, string? search, CancellationToken ct = default)
    {
        if (await masterplans.FrameAsync(string.IsNullOrWhiteSpace(regencyCode) ? null : regencyCode, ct) is not { } frame)
        {
            return null;
        }

        var rows = await AllAsync(page => masterplans.ListAsync(frame.RegencyId, state, search, page, Page, ct));
        return await TableExport.WriteAsync(format, Stem("masterplan", frame.RegencyCode), l["Masterplans.Title"],
            [Col("Export.Col.RegencyCode", 10), Col("List.Col.Regency", 30), Col("List.Col.Title", 40), Col("List.Col.StartYear", 10),
             Col("List.Col.EndYear", 10), Col("Export.Col.State", 16), Col("List.Col.WorkingVersion", 10), Col("List.Col.ApprovedVersion", 10),
             Col("List.Col.UpdatedAt", 22), Col("List.Col.OpenComments", 10)],
            table =>
            {
                foreach (var p in rows)
                {
                    table.Plain(p.RegencyCode);
                    table.Text(p.RegencyName);
                    table.Text(p.Title);
                    table.Number(p.StartYear, NumberKind.Integer);
                    table.Number(p.EndYear, NumberKind.Integer);
                    table.Plain(l.Enum(p.State));
                    table.Number(p.WorkingVersion, NumberKind.Integer);
                    table.Number(p.ApprovedVersion, NumberKind.Integer);
                    table.Plain(Iso(p.UpdatedAt));
                    table.Number(p.OpenComments, NumberKind.Integer);
                    table.EndRow();
                }

                return Task.CompletedTask;
            });
    }

    public async Task<ExportFile> UsersAsync(TableFormat format, UserQuery query, CancellationToken ct = default)
    {
        var rows = await AllAsync(page => users.ListAsync(query with { Page = page, PageSize = Page }, ct));
        return await TableExport.WriteAsync(format, Stem("pengguna"), l["Users.Title"],
            [Col("List.Col.UserName", 22), Col("List.Col.FullName", 30), Col("List.Col.Roles", 30), Col("Export.Col.RegencyCode", 10),
             Col("List.Col.Regency", 30), Col("List.Col.Verifier", 10), Col("List.Col.RegencyUserAdmin", 12), Col("List.Col.Disabled", 10),
             Col("List.Col.CreatedAt", 22)],
            table =>
            {
                foreach (var u in rows)
                {
                    table.Plain(u.UserName);
                    table.Text(u.FullName);
                    table.Plain(string.Join(';', u.Roles));
                    table.Plain(u.RegencyCode);
                    table.Text(u.RegencyName);
                    table.Plain(YesNo(u.IsVerifier));
                    table.Plain(YesNo(u.IsRegencyUserAdmin));
                    table.Plain(YesNo(u.IsDisabled));
                    table.Plain(Iso(u.CreatedAt));
                    table.EndRow();
                }

                return Task.CompletedTask;
            });
    }

    public async Task<ExportFile> AuditAsync(TableFormat format, AuditQuery query, CancellationToken ct = default)
    {
        var rows = await AllAsync(page => audit.ListAsync(query with { Page = page, PageSize = AuditService.MaxPageSize }, ct));
        return await TableExport.WriteAsync(format, Stem("audit"), l["Nav.Audit"],
            [Col("Export.Col.Id", 10), Col("List.Col.OccurredAt", 22), Col("List.Col.User", 20), Col("List.Col.Entity", 18), Col("List.Col.Key", 12),
             Col("List.Col.Action", 10), Col("List.Col.Regency", 28), Col("List.Col.CorrelationId", 34), Col("List.Col.Changes", 60)],
            table =>
            {
                foreach (var a in rows)
                {
                    table.Number(a.Id, NumberKind.Integer);
                    table.Plain(Iso(a.OccurredAt));
                    table.Text(a.UserName);
                    table.Plain(a.Entity);
                    table.Text(a.EntityKey);
                    table.Plain(l.Enum(a.Action));
                    table.Text(a.RegencyName);
                    table.Plain(a.CorrelationId);
                    table.Text(a.Batch ?? string.Join("; ", a.Changes.Select(c => $"{c.Field}: {c.Old ?? "–"} → {c.New ?? "–"}")));
                    table.EndRow();
                }

                return Task.CompletedTask;
            });
    }

    /// <summary>Overdue reports of a regency (<paramref name="regencyCode"/>), the user's own, or the national list (admins); null for an unknown code.</summary>
    public async Task<ExportFile?> OverdueAsync(TableFormat format, string? regencyCode, string? search, CancellationToken ct = default)
    {
        if (await overdue.ScopeAsync(string.IsNullOrWhiteSpace(regencyCode) ? null : regencyCode, ct) is not { } scope)
        {
            return null;
        }

        var rows = await AllAsync(page => overdue.ListAsync(new OverdueQuery(scope.RegencyId, search, page, OverdueService.MaxPageSize), ct));
        return await TableExport.WriteAsync(format, Stem("laporan-terlambat", scope.RegencyCode), l["Overdue.Title"],
            [Col("Export.Col.RegencyCode", 10), Col("List.Col.Regency", 28), Col("Export.Col.QuickWinId", 10), Col("Export.Col.QuickWinName", 36),
             Col("Export.Col.Acronym", 14), Col("Export.Col.DimensionCode", 10), Col("Export.Col.Owner", 28), Col("Export.Col.Period", 10),
             Col("Export.Col.PeriodEnd", 13), Col("List.Col.DaysOverdue", 10), Col("Export.Col.State", 14)],
            table =>
            {
                foreach (var o in rows)
                {
                    table.Plain(o.RegencyCode);
                    table.Text(o.RegencyName);
                    table.Number(o.QuickWinId, NumberKind.Integer);
                    table.Text(o.Name);
                    table.Text(o.Acronym);
                    table.Plain(o.DimensionCode);
                    table.Text(o.OwnerUnit);
                    table.Plain(o.Period);
                    table.Date(o.PeriodEnd);
                    table.Number(o.DaysOverdue, NumberKind.Integer);
                    table.Plain(o.ReportState is { } state ? l.Enum(state) : null);
                    table.EndRow();
                }

                return Task.CompletedTask;
            });
    }

    public async Task<ExportFile> RoundsAsync(TableFormat format, CancellationToken ct = default)
    {
        var rows = await rounds.ListAsync(ct);
        return await TableExport.WriteAsync(format, Stem("putaran-penilaian"), l["Round.ListTitle"],
            [Col("Export.Col.Id", 8), Col("Export.Col.Name", 36), Col("Export.Col.Kind", 18), Col("List.Col.Year", 8), Col("Export.Col.State", 18),
             Col("List.Col.Participants", 12), Col("List.Col.Demo", 8)],
            table =>
            {
                foreach (var r in rows)
                {
                    table.Number(r.Id, NumberKind.Integer);
                    table.Text(r.Name);
                    table.Plain(l.Enum(r.Kind));
                    table.Number(r.Year, NumberKind.Integer);
                    table.Plain(l.Enum(r.State));
                    table.Number(r.Participants, NumberKind.Integer);
                    table.Plain(YesNo(r.IsDemo));
                    table.EndRow();
                }

                return Task.CompletedTask;
            });
    }

    /// <summary>Every page of a list, up to <see cref="MaxRows"/> rows.</summary>
    private static async Task<List<T>> AllAsync<T>(Func<int, Task<PagedResult<T>>> load)
    {
        var rows = new List<T>();
        for (var page = 1; rows.Count < MaxRows; page++)
        {
            var result = await load(page);
            rows.AddRange(result.Items);
            if (result.Items.Count == 0 || rows.Count >= result.Total)
            {
                break;
            }
        }

        return rows.Count > MaxRows ? rows[..MaxRows] : rows;
    }

    private ExportColumn Col(string key, double width) => new(l[key], width);

    private string YesNo(bool value) => value ? l["Common.Yes"] : l["Common.No"];

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private string Stem(string name, string? regencyCode = null)
    {
        var today = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return regencyCode is { Length: > 0 } ? $"{name}-{regencyCode}-{today}" : $"{name}-{today}";
    }
}
