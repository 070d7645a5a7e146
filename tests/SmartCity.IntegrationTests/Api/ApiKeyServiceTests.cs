using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Admin.ApiKeys;

namespace SmartCity.IntegrationTests.Api;

[Collection(ApiFixtureGroup.Name)]
public sealed class ApiKeyServiceTests(ApiApp app)
{
    [Fact]
    public async Task Issuing_returns_the_key_once_and_stores_only_its_hash_and_prefix()
    {
        var issued = await app.IssueKeyAsync("33.20", "Aplikasi angkutan sampah Jepara");

        Assert.Matches("^sck_[A-Za-z0-9_-]{43}$", issued.PlainKey);
        var plain = issued.PlainKey!;
        await using var db = app.CreateDbContext();
        var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == issued.Key!.Id);
        Assert.Equal(ApiKeyService.HashOf(plain), row.Hash);
        Assert.Matches("^[0-9a-f]{64}$", row.Hash);
        Assert.Equal(plain[..ApiKeyService.PrefixLength], row.Prefix);
        Assert.Equal("admin", row.CreatedBy);
        Assert.Equal("Aplikasi angkutan sampah Jepara", row.Name);

        // The key itself is nowhere in the database: not in the row, not in the audit (whose hash is masked too).
        var rowText = string.Join("|", row.Name, row.Prefix, row.Hash, row.CreatedBy);
        Assert.DoesNotContain(plain, rowText, StringComparison.Ordinal);
        Assert.DoesNotContain(plain[ApiKeyService.PrefixLength..], rowText, StringComparison.Ordinal);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == nameof(ApiKey) && a.EntityKey == row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(plain[ApiKeyService.PrefixLength..], audit.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(row.Hash, audit.Changes, StringComparison.Ordinal);
        var stored = await db.Database.SqlQuery<string>($"SELECT row_to_json(k)::text AS \"Value\" FROM \"ApiKeys\" k WHERE k.\"Id\" = {row.Id}").SingleAsync();
        Assert.DoesNotContain(plain[ApiKeyService.PrefixLength..], stored, StringComparison.Ordinal);

        // The list shows the prefix, never the key.
        await using var admin = await app.AsAsync("admin");
        var listed = (await admin.Get<ApiKeyService>().ListAsync(new ApiKeyQuery(Search: row.Prefix))).Items;
        var item = Assert.Single(listed);
        Assert.Equal(row.Prefix, item.Prefix);
        Assert.Equal("33.20", item.RegencyCode);
        Assert.Null(item.LastUsedAt);
    }

    [Fact]
    public void Two_keys_are_never_the_same()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => ApiKeyService.Generate()).ToHashSet();

        Assert.Equal(50, keys.Count);
        Assert.All(keys, k => Assert.True(ApiKeyService.LooksLikeKey(k)));
    }

    [Fact]
    public async Task Issuing_validates_name_and_regency()
    {
        await using var admin = await app.AsAsync("admin");
        var service = admin.Get<ApiKeyService>();

        var blank = await service.IssueAsync(new ApiKeyInput { RegencyId = null, Name = "  " });
        var unknown = await service.IssueAsync(new ApiKeyInput { RegencyId = 987_654, Name = "Sistem" });
        var tooLong = await service.IssueAsync(new ApiKeyInput { RegencyId = 1, Name = new string('x', 500) });

        Assert.False(blank.Succeeded);
        Assert.Contains(nameof(ApiKeyInput.Name), blank.Errors.Keys);
        Assert.Contains(nameof(ApiKeyInput.RegencyId), blank.Errors.Keys);
        Assert.Equal([nameof(ApiKeyInput.RegencyId)], unknown.Errors.Keys);
        Assert.Contains(nameof(ApiKeyInput.Name), tooLong.Errors.Keys);
        Assert.Null(blank.PlainKey);
    }

    [Fact]
    public async Task Revoking_stamps_who_and_when_and_a_second_revocation_is_a_conflict()
    {
        var issued = await app.IssueKeyAsync("33.20", "Dicabut nanti");
        await using var admin = await app.AsAsync("admin");
        var service = admin.Get<ApiKeyService>();

        var first = await service.RevokeAsync(issued.Key!.Id, issued.Key.Version);
        var again = await service.RevokeAsync(issued.Key.Id, issued.Key.Version);

        Assert.True(first.Succeeded);
        Assert.NotNull(again.Conflict);
        await using var db = app.CreateDbContext();
        var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == issued.Key.Id);
        Assert.NotNull(row.RevokedAt);
        Assert.Equal("admin", row.RevokedBy);
    }

    [Fact]
    public async Task A_key_used_since_the_list_was_loaded_is_still_revoked()
    {
        var issued = await app.IssueKeyAsync("33.20", "Dipakai lalu dicabut");
        using (var used = await app.Client().SendAsync(ApiApp.Post(ApiApp.ReportsPath("99.99", 1), issued.PlainKey, "{}")))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, used.StatusCode);
        }

        await using var db = app.CreateDbContext();
        Assert.NotEqual(issued.Key!.Version, await db.ApiKeys.Where(k => k.Id == issued.Key.Id).Select(k => k.Version).SingleAsync());

        await using var admin = await app.AsAsync("admin");
        Assert.True((await admin.Get<ApiKeyService>().RevokeAsync(issued.Key.Id, issued.Key.Version)).Succeeded);
    }

    [Theory]
    [InlineData("diskominfo.jepara")]
    [InlineData("penilai1")]
    [InlineData(null)]
    public async Task Only_admins_manage_keys(string? userName)
    {
        var issued = await app.IssueKeyAsync("33.20", "Milik admin");
        await using var user = await app.AsAsync(userName);
        var service = user.Get<ApiKeyService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.IssueAsync(new ApiKeyInput { RegencyId = issued.Key!.RegencyId, Name = "Sendiri" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync(new ApiKeyQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.RevokeAsync(issued.Key!.Id, issued.Key.Version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.RegenciesAsync(null));
        Assert.Throws<AccessDeniedException>(service.EnsureAdmin);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.ApiKeys.Where(k => k.Id == issued.Key!.Id).Select(k => k.RevokedAt).SingleAsync());
    }
}
