using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NetEscapades.AspNetCore.SecurityHeaders;
using Scalar.AspNetCore;

namespace SmartCity.Web.Api;

/// <summary>
/// The API's documentation: the API-key security scheme in the OpenAPI document, and the Scalar reference at <c>/scalar</c>,
/// served entirely by the app (its script comes from the Scalar.AspNetCore package, no CDN, no web fonts, no telemetry) under the
/// portal's CSP: Scalar's script tags carry the nonce of the response's <c>script-src</c>, so the CSP is not relaxed.
/// </summary>
public static class ApiReference
{
    public const string Path = "/scalar";

    /// <summary>
    /// Scalar's default light theme draws secondary text (#8e8e8e) and its accent (#0099ff) below WCAG AA contrast on white; these
    /// darker values meet 4.5:1. The dark theme's tertiary grey is lightened likewise.
    /// </summary>
    private const string ContrastCss = """
        .light-mode {
          --scalar-color-2: #555555;
          --scalar-color-3: #595959;
          --scalar-color-accent: #0061a8;
          --scalar-color-green: #00703c;
          --scalar-color-blue: #0061a8;
          --scalar-color-orange: #a34700;
          --scalar-color-red: #b3261e;
          --scalar-color-purple: #6a3fb0;
          --scalar-color-yellow: #7a5c00;
          --scalar-sidebar-color-2: #555555;
          --scalar-sidebar-search-color: #595959;
        }
        .dark-mode {
          --scalar-color-3: #b0b0b0;
        }
        """;

    /// <summary>Adds the API-key scheme to the document and requires it on the endpoints marked with <see cref="ApiKeyRequiredMetadata"/>.</summary>
    public static OpenApiOptions AddApiKeySecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "A key an administrator issued for one regency (sck_…). It may only submit reports of that regency's quick wins. "
                    + "Also accepted as Authorization: Bearer sck_….",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiKeyRequiredMetadata>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
                });
            }

            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary>Maps the Scalar reference of the v1 document at <c>/scalar</c> (anonymous).</summary>
    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, (options, context) =>
            {
                options
                    .WithTitle("SmartCity open data API")
                    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                    .AddDocument("v1", "SmartCity open data API v1")
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    .HideDeveloperTools()
                    .AddPreferredSecuritySchemes(ApiKeyAuthenticationHandler.SchemeName)
                    .WithCustomCss(ContrastCss)
                    .WithNonce(context.GetNonce());

                // Assigned, not appended: the page is in English (a script from the app itself, so script-src 'self' covers it).
                options.HeadContent = "<script src=\"/js/scalar-page.js\"></script>";
            })
            .AllowAnonymous();
}
