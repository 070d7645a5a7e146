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
        app.MapScalarApiReference(Path, (options, context) => options
                .WithTitle("SmartCity open data API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument("v1", "SmartCity open data API v1")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .AddPreferredSecuritySchemes(ApiKeyAuthenticationHandler.SchemeName)
                .WithNonce(context.GetNonce()))
            .AllowAnonymous();
}
