using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmartCity.Web.Data;
using SmartCity.Web.Features.QuickWins;

namespace SmartCity.Web.Api;

/// <summary>A progress report as a regency's system sends it: the fields of the Diskominfo report form.</summary>
public sealed record ApiReportRequest(
    [property: Description("Reporting period in the regency's kind: YYYY-MM (monthly) or YYYY-Qn (quarterly); not in the future, not before the quick win starts.")]
    string? Period,
    [property: Description("Progress in percent, 0–100, at most two decimals.")]
    decimal? Percent,
    [property: Description("What was done in the period (required).")]
    string? Narrative,
    [property: Description("Obstacles met, if any.")]
    string? Obstacles,
    [property: Description("Measured KPI values of the period; KPIs not listed were not measured.")]
    IReadOnlyList<ApiKpiActual>? KpiActuals);

/// <summary>A KPI's measured value in a report.</summary>
public sealed record ApiKpiActual(
    [property: Description("The KPI's id (GET the quick win for its KPIs).")] int KpiId,
    [property: Description("The measured value.")] decimal? Value);

/// <summary>What the API answers when a report was received: it waits for the regency's verifier.</summary>
public sealed record ApiReportReceipt(int Id, int QuickWinId, string Period, decimal Percent, string State, string Source, DateTimeOffset? SubmittedAt);

/// <summary><c>POST /api/v1/regencies/{code}/quick-wins/{id}/reports</c>: a regency system submits a progress report with its API key.</summary>
public static class QuickWinReportsApi
{
    /// <summary>Strict JSON: camelCase, unknown members refused, so a typo in a field name is a 400 rather than silently lost data.</summary>
    internal static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static RouteHandlerBuilder MapQuickWinReportsApi(this IEndpointRouteBuilder app) =>
        app.MapApiGroup().MapPost("/regencies/{code}/quick-wins/{id:int}/reports", SubmitAsync)
            .WithName("SubmitProgressReport")
            .WithSummary("Submit a progress report of a quick win (API key of the regency)")
            .WithDescription("A regency's own system submits the progress report of one period. It arrives as submitted and follows "
                + "verification by the regency's verifier like a report entered in the portal; the quick win's progress changes only once it is verified. "
                + "Requires an API key bound to the regency (header X-Api-Key, or Authorization: Bearer); a request without a valid key is refused with 401 before its body is read.")
            .Accepts<ApiReportRequest>("application/json")
            .Produces<ApiReportReceipt>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireApiKey();

    private static async Task<IResult> SubmitAsync(
        string code, int id, HttpContext http, ReportService reports, IDbContextFactory<SmartCityDbContext> dbFactory, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(QuickWinReportsApi));
        var key = ApiKeyAuthentication.KeyOf(http.User);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var regencyId = await db.Regencies.AsNoTracking().Where(r => r.Code == code).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
            if (regencyId is null)
            {
                return Problem(StatusCodes.Status404NotFound, "Not found", $"No regency has the code '{Shorten(code)}'.");
            }

            if (regencyId != key.RegencyId)
            {
                logger.LogWarning("Access refused: {Key} (regency {KeyRegency}) may not report for regency {Code}", key.Name, key.RegencyCode, Shorten(code));
                return Problem(StatusCodes.Status403Forbidden, "Forbidden", $"This API key is bound to regency {key.RegencyCode} and may not report for {Shorten(code)}.");
            }

            if (!await db.QuickWins.AnyAsync(q => q.Id == id && q.RegencyId == regencyId, ct))
            {
                return Problem(StatusCodes.Status404NotFound, "Not found", $"Regency {key.RegencyCode} has no quick win {id}.");
            }
        }

        if (!http.Request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the report as application/json.");
        }

        ApiReportRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<ApiReportRequest>(http.Request.Body, RequestJson, ct);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [path] = [$"Malformed JSON at {path}{(e.LineNumber is { } line ? $" (line {line + 1})" : "")}: {Reason(e)}"] },
                title: "Malformed JSON", statusCode: StatusCodes.Status400BadRequest);
        }

        if (request is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object."] }, title: "Malformed JSON");
        }

        var actuals = request.KpiActuals ?? [];
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var kpiIds = await db.Kpis.AsNoTracking().Where(k => k.QuickWinId == id).Select(k => k.Id).ToListAsync(ct);
            var errors = new Dictionary<string, string[]>();
            for (var i = 0; i < actuals.Count; i++)
            {
                if (actuals[i] is null)
                {
                    errors[$"kpiActuals[{i}]"] = ["Must be an object with kpiId and value."];
                }
                else if (!kpiIds.Contains(actuals[i].KpiId))
                {
                    errors[$"kpiActuals[{i}].kpiId"] = [$"Quick win {id} has no KPI {actuals[i].KpiId}."];
                }
                else if (actuals.Take(i).Any(a => a?.KpiId == actuals[i].KpiId))
                {
                    errors[$"kpiActuals[{i}].kpiId"] = [$"KPI {actuals[i].KpiId} is listed twice."];
                }
            }

            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }
        }

        var input = new ReportInput
        {
            Period = request.Period?.Trim() ?? "",
            Percent = request.Percent,
            Narrative = request.Narrative,
            Obstacles = request.Obstacles,
            Actuals = actuals.Select(a => new KpiActualInput { KpiId = a.KpiId, Value = a.Value }).ToList(),
        };
        var result = await reports.SubmitFromSystemAsync(id, input, ct);
        if (result.Succeeded)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var receipt = await db.ProgressReports.AsNoTracking().Where(r => r.Id == result.Id)
                .Select(r => new { r.Id, r.QuickWinId, r.Period, r.Percent, r.State, r.Source, r.SubmittedAt }).SingleAsync(ct);
            logger.LogInformation("{Key} submitted report {ReportId} of quick win {QuickWinId} for {Period}", key.Name, receipt.Id, id, receipt.Period);
            return TypedResults.Created(
                (string?)null,
                new ApiReportReceipt(receipt.Id, receipt.QuickWinId, receipt.Period, receipt.Percent, Json(receipt.State), Json(receipt.Source), receipt.SubmittedAt));
        }

        if (result.Conflict is not null || await IsDuplicateAsync(dbFactory, id, input.Period, result, ct))
        {
            return Problem(StatusCodes.Status409Conflict, "Conflict", $"Quick win {id} already has a report for {input.Period}; a report is not replaced through the API.");
        }

        return Results.ValidationProblem(result.Errors.ToDictionary(e => ApiField(e.Key), e => e.Value));
    }

    /// <summary>The report rules refuse a second report for a period; the API answers that with 409 (the period itself is valid).</summary>
    private static async Task<bool> IsDuplicateAsync(IDbContextFactory<SmartCityDbContext> dbFactory, int quickWinId, string period, Common.SaveResult result, CancellationToken ct)
    {
        if (!result.Errors.ContainsKey(nameof(ReportInput.Period)) || !Domain.Common.ReportingPeriod.TryParse(period, out var parsed))
        {
            return false;
        }

        var text = parsed.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProgressReports.AnyAsync(r => r.QuickWinId == quickWinId && r.Period == text, ct);
    }

    /// <summary>The service's field names (<c>Actuals[0].Value</c>) in the API's terms (<c>kpiActuals[0].value</c>).</summary>
    internal static string ApiField(string field) => field switch
    {
        nameof(ReportInput.Actuals) => "kpiActuals",
        _ when field.StartsWith($"{nameof(ReportInput.Actuals)}[", StringComparison.Ordinal) =>
            "kpiActuals" + field[nameof(ReportInput.Actuals).Length..].Replace(".Value", ".value", StringComparison.Ordinal).Replace(".KpiId", ".kpiId", StringComparison.Ordinal),
        ReportService.StateField => "state",
        "" => "$",
        _ => JsonNamingPolicy.CamelCase.ConvertName(field),
    };

    private static string Json<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

    private static string Reason(JsonException e) =>
        e.Message.Split(" Path:", 2)[0] is { Length: > 0 } message && message.Length <= 300 ? message : "the body is not valid JSON for a report.";

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
