using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.IntegrationTests.Accounts;

/// <summary>
/// The portal's own copy for the rate-limit test: the sign-in limiter counts per client address, and every
/// TestServer client shares one, so no other test may post to this app's sign-in form.
/// </summary>
public sealed class RateLimitApp : SmartCityFactory
{
    protected override bool SeedDemoData => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:SignInPermitLimit", SecurityExtensions.DefaultSignInPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <remarks>
/// The tests on <see cref="NationalApp"/> post to the sign-in form 7 times in all (lockout 6, cookie 1), under the
/// limit of 10 per minute that this class's app instance shares between its clients; keep it that way.
/// </remarks>
public sealed partial class SecurityTests(NationalApp app, RateLimitApp limited) : IClassFixture<NationalApp>, IClassFixture<RateLimitApp>
{
    private const string StrongPassword = "Kopi-Tubruk-Ukir-Jepara-2026";

    private static HttpClient Client(SmartCityFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_eleventh_sign_in_post_within_a_minute_gets_429_while_the_page_stays_readable()
    {
        var client = Client(limited);
        for (var i = 0; i < 15; i++)
        {
            using var page = await client.GetAsync(new Uri(SecurityExtensions.SignInPath, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var token = AntiforgeryToken().Match(await client.GetStringAsync(new Uri(SecurityExtensions.SignInPath, UriKind.Relative))).Groups[1].Value;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SecurityExtensions.DefaultSignInPermitLimit; i++)
        {
            using var response = await PostSignInAsync(client, token, "nobody-here", "not-the-password-at-all");
            statuses.Add(response.StatusCode);
        }

        using var refused = await PostSignInAsync(client, token, "nobody-here", "not-the-password-at-all");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After is missing");
        var message = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Terlalu banyak percobaan masuk", message, StringComparison.Ordinal);
        Assert.Contains("Too many sign-in attempts", message, StringComparison.Ordinal);

        using var stillReadable = await client.GetAsync(new Uri(SecurityExtensions.SignInPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillReadable.StatusCode);
    }

    [Fact]
    public async Task Reading_the_sign_in_page_is_never_limited()
    {
        var client = Client(app);
        for (var i = 0; i < 3 * SecurityExtensions.DefaultSignInPermitLimit; i++)
        {
            using var response = await client.GetAsync(new Uri(SecurityExtensions.SignInPath, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await CreateUserAsync("security.lockout", StrongPassword);
        var client = Client(app);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await HttpSignIn.SignInAsync(client, "security.lockout", $"wrong-password-number-{i}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await HttpSignIn.SignInAsync(client, "security.lockout", StrongPassword);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Akun dikunci sementara", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(right.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("SmartCity.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_auth_cookie_is_http_only_and_same_site_lax()
    {
        await CreateUserAsync("security.cookie", StrongPassword);

        using var response = await HttpSignIn.SignInAsync(Client(app), "security.cookie", StrongPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), v => v.StartsWith("SmartCity.Auth=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.Contains(attributes, a => a.Equals("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(attributes, a => a.Equals("samesite=lax", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var response = await Client(app).GetAsync(new Uri("/about", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"), ignoreCase: true);
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Blazor_hub_refuses_a_foreign_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await Client(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_Blazor_hub_accepts_its_own_origin()
    {
        var client = Client(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));

        using var response = await client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_Blazor_hub_refuses_a_foreign_WebSocket_handshake()
    {
        var sockets = app.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Origin = "https://evil.example";

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            sockets.ConnectAsync(new Uri(app.Server.BaseAddress, "/_blazor?id=anything"), CancellationToken.None));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://portal.example", "portal.example", true)]
    [InlineData("http://portal.example", "portal.example", true)]
    [InlineData("https://portal.example", "portal.example:443", true)]
    [InlineData("https://Portal.Example", "portal.example", true)]
    [InlineData("http://127.0.0.1:5000", "127.0.0.1:5000", true)]
    [InlineData("http://[::1]:5000", "[::1]:5000", true)]
    [InlineData("http://127.0.0.1:5001", "127.0.0.1:5000", false)]
    [InlineData("https://portal.example:8443", "portal.example", false)]
    [InlineData("https://evil.example", "portal.example", false)]
    [InlineData("https://portal.example.evil.example", "portal.example", false)]
    [InlineData("null", "portal.example", false)]
    public void Origins_match_on_host_and_port_whatever_the_scheme(string origin, string host, bool same) =>
        Assert.Equal(same, SecurityExtensions.IsSameOrigin(origin, new HostString(host)));

    [Theory]
    [InlineData("security.common1", "password1234", CommonPasswordValidator.CommonPasswordCode)]
    [InlineData("security.common2", "QWERTY123456", CommonPasswordValidator.CommonPasswordCode)]
    [InlineData("security.common3", "my-security.common3-pass", CommonPasswordValidator.ContainsUserNameCode)]
    [InlineData("security.common4", "short", "PasswordTooShort")]
    public async Task Creating_a_user_refuses_weak_passwords(string userName, string password, string code)
    {
        var result = await app.WithScopeAsync(services =>
            services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(NewUser(userName), password));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == code);
    }

    private async Task CreateUserAsync(string userName, string password)
    {
        var result = await app.WithScopeAsync(services =>
            services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(NewUser(userName), password));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    private static ApplicationUser NewUser(string userName) => new()
    {
        UserName = userName,
        FullName = "Pengguna Uji Keamanan",
        EmailConfirmed = true,
        CreatedAt = TestNow.Start,
    };

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"{name} is missing");

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string token, string userName, string password)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri(SecurityExtensions.SignInPath, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
