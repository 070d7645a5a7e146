using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.IntegrationTests.Accounts;

/// <summary>A second app instance on the same database: what "restarting the app" means to a signed-in browser.</summary>
internal sealed class RestartedApp(TestDatabase database) : SmartCityFactory
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

    protected override bool OwnsDatabase => false;
}

public sealed class SessionTests(NationalApp app) : IClassFixture<NationalApp>
{
    [Fact]
    public async Task A_signed_in_cookie_still_works_after_the_app_restarts()
    {
        using var signIn = await HttpSignIn.SignInAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "penilai1");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SmartCity.Auth=", StringComparison.Ordinal)).Split(';')[0];

        await using var restarted = new RestartedApp(app.Database);
        await restarted.InitializeAsync();
        var fresh = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/regencies");
        request.Headers.Add("Cookie", cookie);
        using var response = await fresh.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The key ring that protects the cookie lives in PostgreSQL, where every instance (and a restarted one) reads it.
        await using var db = app.CreateDbContext();
        Assert.NotEmpty(db.DataProtectionKeys);
    }

    [Fact]
    public async Task Revalidation_drops_a_disabled_user_and_a_user_whose_roles_changed()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var user = new ApplicationUser { UserName = $"reval.{Guid.NewGuid():N}"[..20], FullName = "Uji Validasi Ulang" };
        Assert.True((await users.CreateAsync(user, "Frasa uji yang cukup panjang")).Succeeded);
        await users.AddToRoleAsync(user, Roles.KominfoAssessor);
        ClaimsPrincipal principal = await factory.CreateAsync(user);
        Assert.True(await RevalidatingAuthStateProvider.IsStillValidAsync(users, principal, options));

        await users.RemoveFromRoleAsync(user, Roles.KominfoAssessor);
        await users.UpdateSecurityStampAsync(user);
        Assert.False(await RevalidatingAuthStateProvider.IsStillValidAsync(users, principal, options));

        principal = await factory.CreateAsync(user);
        user.IsDisabled = true;
        await users.UpdateAsync(user);
        Assert.False(await RevalidatingAuthStateProvider.IsStillValidAsync(users, principal, options));
    }
}
