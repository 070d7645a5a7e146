using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Admin.ApiKeys;

namespace SmartCity.Web.Api;

/// <summary>
/// Authentication of regency systems by API key (<c>X-Api-Key: sck_…</c> or <c>Authorization: Bearer sck_…</c>). It runs in the
/// authorization middleware, before the endpoint binds the request body: a request without a valid, unrevoked key is answered
/// 401 (problem details) without its body ever being read. The key acts as a Diskominfo writer of its own regency named
/// <c>api-key:{prefix}</c> (no user id), which the services' access checks and the audit see.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<SmartCityDbContext> dbFactory, ProgrammeClock clock, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Policy = "api-key";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The claim carrying the key's id.</summary>
    public const string KeyIdClaim = "smartcity:api-key";

    /// <summary>The regency code the key is bound to.</summary>
    public const string RegencyCodeClaim = "smartcity:api-key-regency-code";

    /// <summary>Last use is written at most this often per key, so a busy client costs one extra UPDATE a minute, not one per request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private const string FailureItem = "ApiKey.Failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return Remember(AuthenticateResult.NoResult(), "No API key was sent: put it in the X-Api-Key header (or Authorization: Bearer).");
        }

        if (!ApiKeyService.LooksLikeKey(presented))
        {
            return Remember(AuthenticateResult.Fail("Malformed API key."), "The API key is not valid.");
        }

        var hash = ApiKeyService.HashOf(presented);
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var key = await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash)
            .Select(k => new { k.Id, k.RegencyId, k.Prefix, k.RevokedAt, k.LastUsedAt, Code = db.Regencies.Where(r => r.Id == k.RegencyId).Select(r => r.Code).First() })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (key is null)
        {
            Logger.LogWarning("API key refused: unknown key from {Client}", SecurityExtensions.ClientKey(Context));
            return Remember(AuthenticateResult.Fail("Unknown API key."), "The API key is not valid.");
        }

        if (key.RevokedAt is not null)
        {
            Logger.LogWarning("API key refused: {Prefix} was revoked at {RevokedAt}", key.Prefix, key.RevokedAt);
            return Remember(AuthenticateResult.Fail("Revoked API key."), "The API key has been revoked.");
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            var cutoff = now - LastUseResolution;
            await db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= cutoff))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"api-key:{key.Prefix}"),
                new Claim(ClaimTypes.Role, Roles.DiskominfoStaff),
                new Claim(PortalClaims.RegencyId, key.RegencyId.ToString(CultureInfo.InvariantCulture)),
                new Claim(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(RegencyCodeClaim, key.Code),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = Context.Items[FailureItem] as string ?? "A valid API key is required.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = "This API key may not do this." },
        });
    }

    /// <summary>The key from <c>X-Api-Key</c>, else from <c>Authorization: Bearer</c>; null when neither is sent.</summary>
    internal static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private AuthenticateResult Remember(AuthenticateResult result, string detail)
    {
        Context.Items[FailureItem] = detail;
        return result;
    }
}

/// <summary>Registration and use of the API-key scheme.</summary>
public static class ApiKeyAuthentication
{
    /// <summary>The scheme, and the policy that admits only requests it authenticated.</summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        // No default scheme is set here: the portal's cookie stays the default; only endpoints that require the policy use the key.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyAuthenticationHandler.Policy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthenticationHandler.KeyIdClaim));
        return services;
    }

    /// <summary>
    /// Requires a valid API key on an endpoint of the (anonymous) API group. The group's <c>AllowAnonymous</c> would make the
    /// authorization middleware skip the policy, so it is taken off this endpoint; the key is then checked before model binding.
    /// </summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(ApiKeyAuthenticationHandler.Policy);
        builder.WithMetadata(new ApiKeyRequiredMetadata());
        builder.Finally(endpoint =>
        {
            for (var i = endpoint.Metadata.Count - 1; i >= 0; i--)
            {
                if (endpoint.Metadata[i] is Microsoft.AspNetCore.Authorization.IAllowAnonymous)
                {
                    endpoint.Metadata.RemoveAt(i);
                }
            }
        });
        return builder;
    }

    /// <summary>The key's regency and its display name (<c>api-key:{prefix}</c>), from an authenticated request.</summary>
    public static (int RegencyId, string RegencyCode, string Name) KeyOf(ClaimsPrincipal user) => (
        int.Parse(user.FindFirstValue(PortalClaims.RegencyId)!, NumberStyles.None, CultureInfo.InvariantCulture),
        user.FindFirstValue(ApiKeyAuthenticationHandler.RegencyCodeClaim)!,
        user.Identity!.Name!);
}

/// <summary>Marks an endpoint that needs an API key, so the OpenAPI document names the security scheme on it.</summary>
public sealed class ApiKeyRequiredMetadata;
