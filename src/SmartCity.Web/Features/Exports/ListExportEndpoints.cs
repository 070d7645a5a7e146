using System.Globalization;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Admin.Users;
using SmartCity.Web.Features.Audit;
using SmartCity.Web.Features.Imports;
using SmartCity.Web.Features.QuickWins.Export;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.Web.Features.Exports;

public static class ListExportEndpoints
{
    /// <summary>The lists that export, as named in <c>/exports/{list}.{csv|xlsx}</c>.</summary>
    public static readonly IReadOnlyList<string> Lists = ["regencies", "masterplans", "users", "audit", "overdue", "rounds"];

    /// <summary>
    /// <c>GET /exports/{list}.{csv|xlsx}?filters</c>: a list with the list page's filters (the same query names the pages use), under
    /// the list's own access rules: 403 when refused, 404 for an unknown list, format or regency code. Also the import templates:
    /// <c>GET /imports/templates/{quick-wins|reports}.{csv|xlsx}</c> (admins).
    /// </summary>
    public static IEndpointRouteBuilder MapListExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/{list}.{format}", (string list, string format, ListExportService exports, HttpContext context, CancellationToken ct) =>
            FileDownload.SendAsync(context, () => ExportAsync(list, format, context.Request.Query, exports, ct), ct)).RequireAuthorization();
        app.MapGet("/imports/templates/{kind}.{format}", (string kind, string format, ImportService imports, RegencyAccess access, HttpContext context, CancellationToken ct) =>
            FileDownload.SendAsync(context, () =>
            {
                access.EnsureAdmin("the import templates");
                ImportKind? parsed = kind switch { "quick-wins" => ImportKind.QuickWins, "reports" => ImportKind.Reports, _ => null };
                return Task.FromResult(parsed is { } k && Format(format) is { } f ? imports.Template(k, f == TableFormat.Xlsx) : null);
            }, ct)).RequireAuthorization();
        return app;
    }

    private static TableFormat? Format(string format) => format switch
    {
        "csv" => TableFormat.Csv,
        "xlsx" => TableFormat.Xlsx,
        _ => null,
    };

    private static async Task<ExportFile?> ExportAsync(string list, string format, IQueryCollection query, ListExportService exports, CancellationToken ct)
    {
        if (Format(format) is not { } f)
        {
            return null;
        }

        string? Text(string name) => query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;
        int? Int(string name) => int.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        T? Enum<T>(string name) where T : struct, Enum => System.Enum.TryParse<T>(Text(name), ignoreCase: true, out var value) ? value : null;
        bool? Bool(string name) => bool.TryParse(Text(name), out var value) ? value : null;
        DateOnly? Date(string name) => DateOnly.TryParseExact(Text(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

        return list switch
        {
            "regencies" => await exports.RegenciesAsync(f, new RegencyQuery(Text("search"), Int("province"), Enum<RegencyKind>("kind")), ct),
            "masterplans" => await exports.MasterplansAsync(f, Text("regency"), Enum<MasterplanState>("state"), Text("search"), ct),
            "users" => await exports.UsersAsync(f, new UserQuery(Text("search"), Text("role"), Text("regency"), Bool("disabled")), ct),
            "audit" => await exports.AuditAsync(f, new AuditQuery(Text("entity"), Text("user"), Date("from"), Date("to"), Text("regency")), ct),
            "overdue" => await exports.OverdueAsync(f, Text("regency"), Text("search"), ct),
            "rounds" => await exports.RoundsAsync(f, ct),
            _ => null,
        };
    }
}
