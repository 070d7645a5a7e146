using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.IntegrationTests.Web;

namespace SmartCity.IntegrationTests.Accounts;

/// <summary>
/// Every routable page and endpoint carries an explicit policy ([Authorize]) or sits on the reviewed public allow-list.
/// A new page that forgets its policy fails here.
/// </summary>
public sealed class RouteCoverageTests(NationalApp app) : IClassFixture<NationalApp>
{
    /// <summary>The reviewed public routes (ARCHITECTURE.md: public pages, About, sign-in, /health, the API docs and GET /api/v1).</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "/about", "/account/login", "/account/logout", "/culture", "/error", "/not-found", "/forbidden", "/health",
        "/public/regencies", "/public/regencies/{Code}", "/openapi/{documentName}.json", "/api/v1",
        "/api/v1/regencies", "/api/v1/regencies/{code}", "/api/v1/regencies/{code}/quick-wins", "/api/v1/rounds", "/api/v1/rounds/{id:int}/results",
    ];

    private static bool IsFrameworkOrAsset(string pattern) =>
        pattern.StartsWith("/_", StringComparison.Ordinal) || Path.HasExtension(pattern) || pattern.Contains("{**", StringComparison.Ordinal);

    [Fact]
    public void Every_routable_component_declares_its_policy()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(RouteAttribute), false).Length > 0)
            .ToList();
        Assert.NotEmpty(pages);

        foreach (var page in pages)
        {
            var routes = page.GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>().Select(r => r.Template).ToList();
            var anonymous = page.GetCustomAttributes(typeof(AllowAnonymousAttribute), true).Length > 0;
            var authorized = page.GetCustomAttributes(typeof(AuthorizeAttribute), true).Length > 0;
            Assert.True(anonymous ^ authorized, $"{page.Name} ({string.Join(", ", routes)}) must carry exactly one of [Authorize] or [AllowAnonymous].");
            if (anonymous)
            {
                Assert.All(routes, r => Assert.True(PublicRoutes.Contains(r), $"{page.Name} is public at {r}, which is not on the reviewed allow-list."));
            }
        }
    }

    [Fact]
    public void Every_endpoint_is_authorized_or_on_the_public_allow_list()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsFrameworkOrAsset(e.RoutePattern.RawText ?? ""))
            .ToList();
        Assert.NotEmpty(endpoints);

        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!.TrimEnd('/');
            pattern = pattern.Length == 0 ? "/" : pattern.StartsWith('/') ? pattern : "/" + pattern;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorized = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
            Assert.True(anonymous || authorized, $"{endpoint.DisplayName} ({pattern}) has no explicit policy.");
            if (anonymous && IsOpenDataRead(endpoint, pattern))
            {
                continue;
            }

            if (anonymous)
            {
                Assert.True(PublicRoutes.Contains(pattern), $"{endpoint.DisplayName} is public at {pattern}, which is not on the reviewed allow-list.");
            }
        }
    }

    /// <summary>The open-data API publishes anonymous reads only (GET under /api/v1, the Scalar reference); its writes need a key.</summary>
    private static bool IsOpenDataRead(RouteEndpoint endpoint, string pattern) =>
        (pattern == "/api/v1" || pattern.StartsWith("/api/v1/", StringComparison.Ordinal) || pattern.StartsWith("/scalar", StringComparison.Ordinal))
        && endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
        && methods.All(m => m is "GET" or "HEAD");

    [Fact]
    public void The_API_report_post_requires_a_key_and_is_not_anonymous()
    {
        var post = Assert.Single(
            app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>(),
            e => e.RoutePattern.RawText?.EndsWith("/quick-wins/{id:int}/reports", StringComparison.Ordinal) == true);

        Assert.Null(post.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.Contains(post.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == SmartCity.Web.Api.ApiKeyAuthenticationHandler.Policy);
    }

    [Fact]
    public void Evidence_downloads_require_a_signed_in_user()
    {
        var download = Assert.Single(
            app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>(),
            e => e.RoutePattern.RawText == "/evidence/{id:int}");

        Assert.Null(download.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.NotEmpty(download.Metadata.GetOrderedMetadata<IAuthorizeData>());
        Assert.DoesNotContain("/evidence/{id:int}", PublicRoutes);
    }
}
