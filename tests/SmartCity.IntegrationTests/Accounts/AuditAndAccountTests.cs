using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Audit;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.IntegrationTests.Accounts;

public sealed class AuditAndAccountTests(NationalApp app) : IClassFixture<NationalApp>
{
    private async Task<int> RegencyIdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task Admins_see_every_entry_regency_users_only_their_regency_and_assessors_none()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await using (var jepara = await app.AsAsync("diskominfo.jepara"))
        {
            await jepara.Get<GovernmentUnitService>().CreateAsync(await RegencyIdAsync("33.20"), new UnitInput { Name = "Unit Jepara " + marker });
        }

        await using (var jombang = await app.AsAsync("diskominfo.jombang"))
        {
            await jombang.Get<GovernmentUnitService>().CreateAsync(await RegencyIdAsync("35.17"), new UnitInput { Name = "Unit Jombang " + marker });
        }

        await using var admin = await app.AsAsync("admin");
        var all = await admin.Get<AuditService>().ListAsync(new AuditQuery(Entity: "GovernmentUnit", PageSize: 200));
        Assert.Contains(all.Items, r => r.Changes.Any(c => c.New == "Unit Jepara " + marker));
        Assert.Contains(all.Items, r => r.Changes.Any(c => c.New == "Unit Jombang " + marker));

        await using var staff = await app.AsAsync("bappeda.jepara");
        var own = await staff.Get<AuditService>().ListAsync(new AuditQuery(PageSize: 200, RegencyCode: "35.17"));
        Assert.NotEmpty(own.Items);
        Assert.All(own.Items, r => Assert.Equal("Kabupaten Jepara", r.RegencyName));
        Assert.Contains(own.Items, r => r.Changes.Any(c => c.New == "Unit Jepara " + marker));

        await using var assessor = await app.AsAsync("penilai1");
        await Assert.ThrowsAsync<AccessDeniedException>(() => assessor.Get<AuditService>().ListAsync(new AuditQuery()));
        await using var anonymous = await app.AsAsync(null);
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<AuditService>().ListAsync(new AuditQuery()));
    }

    [Fact]
    public async Task The_history_filters_by_user_and_entity()
    {
        await using var admin = await app.AsAsync("admin");
        var byUser = await admin.Get<AuditService>().ListAsync(new AuditQuery(User: "system", PageSize: 50));
        var byEntity = await admin.Get<AuditService>().ListAsync(new AuditQuery(Entity: "Regency", PageSize: 10));

        Assert.NotEmpty(byUser.Items);
        Assert.All(byUser.Items, r => Assert.Equal("system", r.UserName));
        Assert.True(byEntity.Total >= 514);
        Assert.All(byEntity.Items, r => Assert.Equal("Regency", r.Entity));
    }

    [Fact]
    public async Task Sign_ins_are_recorded_and_shown_to_their_user_only()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInAsync(client, "penilai2", "wrong password entirely");
        await HttpSignIn.SignInOrThrowAsync(client, "penilai2");

        await using var actor = await app.AsAsync("penilai2");
        var mine = await actor.Get<AccountService>().MineAsync();

        Assert.Equal("penilai2", mine.UserName);
        Assert.True(mine.RecentSignIns.Count >= 2);
        Assert.True(mine.RecentSignIns[0].Succeeded);
        Assert.Contains(mine.RecentSignIns, s => !s.Succeeded);
    }

    [Fact]
    public async Task A_temporary_password_must_be_changed_before_anything_else()
    {
        var userName = $"temp.{Guid.NewGuid():N}"[..20];
        const string temporary = "Sementara-Kuat-2026-xyz";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = userName, FullName = "Pengguna Sementara", MustChangePassword = true };
            Assert.True((await users.CreateAsync(user, temporary)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.KominfoAssessor)).Succeeded);
        }

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInAsync(client, userName, temporary);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/password", home.Headers.Location!.OriginalString);

        var form = await client.GetStringAsync(new Uri("/account/password", UriKind.Relative));
        Assert.Contains("kata sandi sementara", form, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        async Task<HttpResponseMessage> PostAsync(string current, string next, string confirm)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "password",
                ["Input.Current"] = current,
                ["Input.Next"] = next,
                ["Input.Confirm"] = confirm,
            });
            return await client.PostAsync(new Uri("/account/password", UriKind.Relative), content);
        }

        using (var mismatch = await PostAsync(temporary, "Frasa baru yang panjang sekali", "Frasa lain"))
        {
            Assert.Contains("tidak sama", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var tooShort = await PostAsync(temporary, "pendek", "pendek"))
        {
            Assert.Contains("Minimal 12 karakter", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var changed = await PostAsync(temporary, "Frasa baru yang panjang sekali", "Frasa baru yang panjang sekali");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.Where(u => u.UserName == userName).Select(u => u.MustChangePassword).SingleAsync());
    }
}
