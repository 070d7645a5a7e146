using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Admin.Settings;

namespace SmartCity.IntegrationTests.AdminSettings;

public sealed class SettingsServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private async Task<string> ValueAsync(string key)
    {
        await using var db = app.CreateDbContext();
        return await db.Settings.Where(s => s.Key == key).Select(s => s.Value).SingleAsync();
    }

    [Fact]
    public async Task The_defaults_name_Komdigi_and_an_admin_can_change_them()
    {
        await using var admin = await app.AsAsync("admin");
        var settings = admin.Get<SettingsService>();
        var input = await settings.GetAsync();
        Assert.Equal("Kementerian Komunikasi dan Digital", input.MinistryName);
        Assert.Equal(10, input.OverdueGraceDays);

        input.OverdueGraceDays = 14;
        input.SignatoryNip = "197001012000031001";
        var result = await settings.SaveAsync(input);

        Assert.True(result.Succeeded);
        Assert.Equal("14", await ValueAsync(SettingKeys.OverdueGraceDays));
        Assert.Equal("197001012000031001", await ValueAsync(SettingKeys.SignatoryNip));
    }

    [Fact]
    public async Task Bad_values_are_refused_per_field_and_nothing_is_saved()
    {
        await using var admin = await app.AsAsync("admin");
        var settings = admin.Get<SettingsService>();
        var input = await settings.GetAsync();
        var before = await ValueAsync(SettingKeys.LetterNumberFormat);
        input.LetterNumberFormat = "SC/{code}/{year}";
        input.OverdueGraceDays = 100;
        input.SignatoryNip = "12345";
        input.HorizonMediumYears = input.HorizonShortYears;

        var result = await settings.SaveAsync(input);

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["HorizonMediumYears", "LetterNumberFormat", "OverdueGraceDays", "SignatoryNip"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Format harus memuat {seq}.", result.Errors["LetterNumberFormat"][0]);
        Assert.Equal(before, await ValueAsync(SettingKeys.LetterNumberFormat));
    }

    [Fact]
    public async Task A_stale_form_gets_a_conflict_naming_the_fields_and_who_saved()
    {
        await using var first = await app.AsAsync("admin");
        await using var second = await app.AsAsync("admin");
        var mine = await first.Get<SettingsService>().GetAsync();
        var theirs = await second.Get<SettingsService>().GetAsync();

        theirs.SignatoryPosition = "Direktur Jenderal Ekosistem Digital";
        Assert.True((await second.Get<SettingsService>().SaveAsync(theirs)).Succeeded);
        mine.SignatoryPosition = "Sekretaris Jenderal";
        var stale = await first.Get<SettingsService>().SaveAsync(mine);

        Assert.NotNull(stale.Conflict);
        Assert.Equal("admin", stale.Conflict.ChangedBy);
        var difference = Assert.Single(stale.Conflict.Differences, d => d.Field == SettingKeys.SignatoryPosition);
        Assert.Equal(("Sekretaris Jenderal", "Direktur Jenderal Ekosistem Digital"), (difference.Yours, difference.Saved));
        Assert.Equal("Direktur Jenderal Ekosistem Digital", await ValueAsync(SettingKeys.SignatoryPosition));
    }

    [Theory]
    [InlineData("penilai1")]
    [InlineData("diskominfo.jepara")]
    [InlineData(null)]
    public async Task Only_admins_read_or_change_settings(string? user)
    {
        await using var admin = await app.AsAsync("admin");
        var input = await admin.Get<SettingsService>().GetAsync();
        await using var actor = await app.AsAsync(user);
        var before = await ValueAsync(SettingKeys.MinistryName);
        input.MinistryName = "Diubah tanpa hak";

        await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<SettingsService>().GetAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<SettingsService>().SaveAsync(input));
        Assert.Equal(before, await ValueAsync(SettingKeys.MinistryName));
    }
}
