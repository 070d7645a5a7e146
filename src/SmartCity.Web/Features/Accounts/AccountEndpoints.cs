using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Accounts;

public static class AccountEndpoints
{
    private static readonly HashSet<string> Cultures = ["id-ID", "en-US"];

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post (antiforgery is validated for form-bound endpoints).
        app.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalOrHome(returnUrl));
        }).AllowAnonymous();

        app.MapGet("/culture", (HttpContext context, TimeProvider systemClock, string? culture, string? returnUrl) =>
        {
            var chosen = culture is not null && Cultures.Contains(culture) ? culture : "id-ID";
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                // A cookie's expiry is judged by the browser's wall clock: the system clock, never the programme clock.
                new CookieOptions { Expires = systemClock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            return Results.LocalRedirect(LocalOrHome(returnUrl));
        }).AllowAnonymous();

        return app;
    }

    /// <summary>Only local paths are followed after sign-in, sign-out and language switches (no open redirects).</summary>
    public static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
