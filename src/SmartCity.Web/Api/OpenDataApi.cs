using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Web.Api;

/// <summary>What <c>GET /api/v1</c> answers: what the data is, under which licence, and where the documentation is.</summary>
public sealed record ApiAbout(string Name, string Version, string Licence, string LicenceUrl, string Attribution, string Documentation, string OpenApi);

/// <summary>
/// The open-data API under <c>/api/v1</c>: its OpenAPI document (<c>/openapi/v1.json</c>), problem details for every error, and the
/// rate limit of anonymous reads. Endpoint groups (published data, machine reports) map onto <see cref="MapApiGroup"/>.
/// </summary>
public static partial class OpenDataApi
{
    /// <summary>The rate-limit policy of the API: a fixed window per client address.</summary>
    public const string RateLimitPolicy = "open-data";
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddOpenDataApi(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // The correlation id of the log, so a caller can quote it.
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;

            // The framework names a type for the common statuses only; 429 (the rate limit) gets its RFC too.
            context.ProblemDetails.Type ??= context.ProblemDetails.Status == StatusCodes.Status429TooManyRequests
                ? "https://tools.ietf.org/html/rfc6585#section-4"
                : "about:blank";
            if (context.Exception is BadHttpRequestException bad && MalformedParameter().Match(bad.Message) is { Success: true } match)
            {
                // A query or route value that does not parse ("page=abc"): a field error, like every other validation problem.
                context.ProblemDetails.Title = "One or more validation errors occurred.";
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]>
                {
                    [match.Groups["name"].Value] = [$"'{match.Groups["value"].Value}' is not a valid value for {match.Groups["name"].Value}."],
                };
            }
        });
        services.AddApiKeyAuthentication();

        // Numbers are numbers: the report body is read strictly (QuickWinReportsApi.RequestJson), and the document must say so
        // rather than offer "number or numeric string".
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi("v1", options =>
        {
            options.AddApiKeySecurity();
            // Only the API: the portal's own endpoints (sign-in, downloads) are not part of the published contract.
            options.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix[1..], StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SmartCity open data API",
                    Version = "v1",
                    Description = "Published data of the Gerakan Menuju 100 Smart City programme: regencies, their quick wins (progress from verified reports only), "
                        + "assessment rounds and finalised results. Regency systems submit progress reports with a regency-bound API key.",
                    License = new OpenApiLicense { Name = "ODbL 1.0 (reference data: idn-area)", Url = new Uri("https://opendatacommons.org/licenses/odbl/1-0/") },
                };
                return Task.CompletedTask;
            });
        });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permitLimit = configuration.GetValue("Api:PermitLimitPerMinute", 300);
            options.AddPolicy(RateLimitPolicy, context => permitLimit <= 0
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.GetFixedWindowLimiter(SecurityExtensions.ClientKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitLimit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return services;
    }

    /// <summary>
    /// Exception handling of the API: malformed input the framework cannot bind (a query value that is not a number, unreadable
    /// JSON) is the caller's error, a 400 problem (in every environment, Development included), never a 500.
    /// </summary>
    public static ExceptionHandlerOptions ExceptionHandling { get; } = new()
    {
        StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
    };

    /// <summary>The <c>/api/v1</c> group: anonymous, rate-limited, JSON.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup(Prefix).AllowAnonymous().RequireRateLimiting(RateLimitPolicy).WithTags("SmartCity")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static WebApplication MapOpenDataApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapApiGroup().MapGet("/", About).WithName("GetApiInfo").WithSummary("What the API publishes, under which licence");
        app.MapQuickWinReportsApi();
        app.MapApiReference();
        app.MapPublishedDataApi();
        return app;
    }

    /// <summary>True for requests to the API, whose errors are problem details rather than pages.</summary>
    public static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    private static Ok<ApiAbout> About() => TypedResults.Ok(new ApiAbout(
        "SmartCity — Gerakan Menuju 100 Smart City",
        "v1",
        "Open Database License (ODbL) 1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
        "Contains administrative area data from idn-area-data (https://github.com/fityannugroho/idn-area-data), available under the ODbL. "
            + "Programme data (quick wins, masterplans, assessment results): SmartCity portal, Kementerian Komunikasi dan Digital.",
        "/scalar",
        "/openapi/v1.json"));

    [GeneratedRegex(@"^Failed to bind parameter ""(?:[^""]* )?(?<name>\w+)"" from ""(?<value>[^""]*)""")]
    private static partial Regex MalformedParameter();
}
