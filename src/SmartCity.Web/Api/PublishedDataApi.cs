using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Common;
using SmartCity.Web.Features.PublicPages;

namespace SmartCity.Web.Api;

/// <summary>A page of a list: the items, the 1-based page, its size and the total number of items.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>A kabupaten or kota: Kemendagri code, name, province and programme membership.</summary>
public sealed record ApiRegency(
    string Code, string Name, string Kind, string ProvinceCode, string ProvinceName, int? CohortYear, string? Stage, bool IsActive);

/// <summary>A regency with its approved masterplan (null when none is approved). Inactive codes name their successor when known.</summary>
public sealed record ApiRegencyDetail(
    string Code, string Name, string Kind, string ProvinceCode, string ProvinceName, int? CohortYear, string? Stage, bool IsActive,
    DateOnly? ValidUntil, string? SuccessorCode, ApiMasterplan? Masterplan);

/// <summary>The approved version of a masterplan: period, vision, missions and programmes per dimension.</summary>
public sealed record ApiMasterplan(
    string Title, int StartYear, int EndYear, int Version, DateOnly? ApprovedOn, string? Vision, string? Missions, IReadOnlyList<ApiProgramme> Programmes);

public sealed record ApiProgramme(string Name, string Dimension, string? OwnerUnit, string Horizon, int StartYear, int EndYear);

/// <summary>
/// A registered quick win. <c>progressPercent</c> is the percent of the latest verified report (0 before any); <c>progressPeriod</c>
/// and <c>progressVerifiedOn</c> name that report. <c>delayed</c>: planned or running, past the target date and below 100 %.
/// </summary>
public sealed record ApiQuickWin(
    int Id, string Name, string? Acronym, string Dimension, string? OwnerUnit, DateOnly StartDate, DateOnly TargetDate, string Status, bool Delayed,
    decimal ProgressPercent, string? ProgressPeriod, DateOnly? ProgressVerifiedOn);

/// <summary>A finalised (published) assessment round.</summary>
public sealed record ApiRound(int Id, string Name, string Kind, int Year, DateOnly? FinalisedOn, bool IsDemo, int Participants);

/// <summary>A regency's result in a finalised round: index (two decimals), band, national and provincial competition rank, change.</summary>
public sealed record ApiResult(
    string Code, string Name, string ProvinceCode, string ProvinceName, decimal? Index, string? Band, int? NationalRank, int? ProvincialRank, decimal? Change);

/// <summary>
/// The read endpoints of the open-data API (anonymous, rate-limited): regencies, their quick wins, finalised rounds and their
/// results. Everything comes from <see cref="PublishedDataService"/>, the same published data as the public pages.
/// Out-of-range paging is a 400 validation problem with field errors; unknown codes and ids are 404 problems.
/// </summary>
public static partial class PublishedDataApi
{
    public static IEndpointRouteBuilder MapPublishedDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup();
        api.MapGet("/regencies", ListRegencies).WithName("ListRegencies")
            .WithSummary("Regencies (kabupaten and kota), filtered by province and kind, paged")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/regencies/{code}", GetRegency).WithName("GetRegency")
            .WithSummary("One regency with its approved masterplan")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/regencies/{code}/quick-wins", ListQuickWins).WithName("ListQuickWins")
            .WithSummary("A regency's registered quick wins with progress from verified reports, paged")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/rounds", ListRounds).WithName("ListRounds")
            .WithSummary("Finalised assessment rounds, newest first")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/rounds/{id:int}/results", ListResults).WithName("ListRoundResults")
            .WithSummary("Results of a finalised round by national rank, paged")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<Results<Ok<ApiPage<ApiRegency>>, ValidationProblem>> ListRegencies(
        PublishedDataService data,
        [Description("Two-digit province code, e.g. 33")] string? province = null,
        [Description("kabupaten or kota")] string? kind = null,
        [Description("Part of the name or code")] string? search = null,
        [Description("1-based page number")] int? page = null,
        [Description("Items per page, 1 to 200 (default 50)")] int? pageSize = null,
        CancellationToken ct = default)
    {
        var errors = PagingErrors(page, pageSize);
        RegencyKind? parsedKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (Enum.TryParse<RegencyKind>(kind.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _))
            {
                parsedKind = k;
            }
            else
            {
                errors["kind"] = ["kind must be 'kabupaten' or 'kota'."];
            }
        }

        if (!string.IsNullOrWhiteSpace(province) && !ProvinceCode().IsMatch(province.Trim()))
        {
            errors["province"] = ["province must be a two-digit Kemendagri code, e.g. 33."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await data.RegenciesAsync(
            new PublicRegencyQuery(search, province, parsedKind, page ?? 1, pageSize ?? PublishedDataService.DefaultPageSize), ct);
        return TypedResults.Ok(new ApiPage<ApiRegency>(
            result.Items.Select(r => new ApiRegency(r.Code, r.Name, Name(r.Kind), r.ProvinceCode, r.ProvinceName, r.CohortYear, Name(r.Stage), r.IsActive)).ToList(),
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<ApiRegencyDetail>, ProblemHttpResult>> GetRegency(
        [Description("Kemendagri code, e.g. 33.20")] string code, PublishedDataService data, CancellationToken ct)
    {
        if (await data.RegencyWithMasterplanAsync(code, ct) is not var (r, plan))
        {
            return UnknownRegency(code);
        }

        return TypedResults.Ok(new ApiRegencyDetail(
            r.Code, r.Name, Name(r.Kind), r.ProvinceCode, r.ProvinceName, r.CohortYear, Name(r.Stage), r.IsActive, r.ValidUntil, r.SuccessorCode,
            plan is null
                ? null
                : new ApiMasterplan(
                    plan.Title, plan.StartYear, plan.EndYear, plan.Version, plan.ApprovedOn, plan.Vision, plan.Missions,
                    plan.Programmes.Select(p => new ApiProgramme(p.Name, p.DimensionCode, p.OwnerUnit, Name(p.Horizon), p.StartYear, p.EndYear)).ToList())));
    }

    private static async Task<Results<Ok<ApiPage<ApiQuickWin>>, ValidationProblem, ProblemHttpResult>> ListQuickWins(
        [Description("Kemendagri code, e.g. 33.20")] string code,
        PublishedDataService data,
        [Description("1-based page number")] int? page = null,
        [Description("Items per page, 1 to 200 (default 50)")] int? pageSize = null,
        CancellationToken ct = default) =>
        await PagedAsync(
            page, pageSize, (p, size) => data.QuickWinsAsync(code, p, size, ct), () => UnknownRegency(code),
            q => new ApiQuickWin(
                q.Id, q.Name, q.Acronym, q.DimensionCode, q.OwnerUnit, q.StartDate, q.TargetDate, Name(q.Status), q.IsDelayed,
                q.ProgressPercent, q.ProgressPeriod, q.ProgressVerifiedOn));

    private static async Task<Ok<IReadOnlyList<ApiRound>>> ListRounds(PublishedDataService data, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ApiRound>>((await data.RoundsAsync(ct))
            .Select(r => new ApiRound(r.Id, r.Name, Name(r.Kind), r.Year, r.FinalisedOn, r.IsDemo, r.Participants)).ToList());

    private static async Task<Results<Ok<ApiPage<ApiResult>>, ValidationProblem, ProblemHttpResult>> ListResults(
        [Description("Round id (GET /api/v1/rounds)")] int id,
        PublishedDataService data,
        [Description("1-based page number")] int? page = null,
        [Description("Items per page, 1 to 200 (default 50)")] int? pageSize = null,
        CancellationToken ct = default) =>
        await PagedAsync(
            page, pageSize, (p, size) => data.RoundResultsAsync(id, p, size, ct),
            () => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Unknown round",
                detail: $"There is no finalised assessment round {id}. GET /api/v1/rounds lists the published ones."),
            r => new ApiResult(
                r.Code, r.Name, r.ProvinceCode, r.ProvinceName, TwoDecimals(r.Index), r.Band, r.NationalRank, r.ProvincialRank, TwoDecimals(r.Change)));

    /// <summary>A page of a parent's items: paging errors are a 400, an unknown parent (null page) <paramref name="notFound"/>.</summary>
    private static async Task<Results<Ok<ApiPage<TItem>>, ValidationProblem, ProblemHttpResult>> PagedAsync<TRow, TItem>(
        int? page, int? pageSize, Func<int, int, Task<PagedResult<TRow>?>> load, Func<ProblemHttpResult> notFound, Func<TRow, TItem> map)
    {
        var errors = PagingErrors(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await load(page ?? 1, pageSize ?? PublishedDataService.DefaultPageSize);
        return result is null
            ? notFound()
            : TypedResults.Ok(new ApiPage<TItem>([.. result.Items.Select(map)], result.Page, result.PageSize, result.Total));
    }

    private static Dictionary<string, string[]> PagingErrors(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }

        if (pageSize is < 1 or > PublishedDataService.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {PublishedDataService.MaxPageSize}."];
        }

        return errors;
    }

    private static ProblemHttpResult UnknownRegency(string code) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Unknown regency",
        detail: $"There is no regency with the code '{code}'. GET /api/v1/regencies lists the codes.");

    /// <summary>An index or change always written with two decimals (3.30, not 3.3), rounded half away from zero.</summary>
    private static decimal? TwoDecimals(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) + 0.00m : null;

    /// <summary>An enum value as it appears in the JSON: camelCase (<c>kabupaten</c>, <c>bimtekI</c>, <c>running</c>).</summary>
    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Name(v) : null;

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex ProvinceCode();
}
