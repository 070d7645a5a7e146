using Microsoft.EntityFrameworkCore;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Admin.Reference;

namespace SmartCity.IntegrationTests.AdminSettings;

public sealed class DimensionNamesServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    [Fact]
    public async Task Everyone_signed_in_reads_six_dimensions_of_three_elements()
    {
        await using var staff = await app.AsAsync("diskominfo.pemalang");

        var dimensions = await staff.Get<DimensionNamesService>().ListAsync();

        Assert.Equal(["GOV", "BRA", "ECO", "LIV", "SOC", "ENV"], dimensions.Select(d => d.Code));
        Assert.All(dimensions, d => Assert.Equal(3, d.Elements.Count));
    }

    [Fact]
    public async Task An_admin_renames_an_element_in_both_languages_and_bad_or_stale_input_changes_nothing()
    {
        await using var admin = await app.AsAsync("admin");
        var names = admin.Get<DimensionNamesService>();
        var element = (await names.ListAsync()).Single(d => d.Code == "ECO").Elements.Single(e => e.Code == "ECO-3");

        var empty = await names.RenameElementAsync(element.Id, new NameInput { NameId = " ", NameEn = "x", Version = element.Version });
        Assert.Equal("Wajib diisi.", empty.Errors["NameId"][0]);

        var renamed = await names.RenameElementAsync(element.Id, new NameInput { NameId = "Ekosistem transaksi keuangan digital", NameEn = "Digital financial-transaction ecosystem", Version = element.Version });
        Assert.True(renamed.Succeeded);

        var stale = await names.RenameElementAsync(element.Id, new NameInput { NameId = "Lama", NameEn = "Old", Version = element.Version });
        Assert.NotNull(stale.Conflict);

        await using var db = app.CreateDbContext();
        var saved = await db.Elements.SingleAsync(e => e.Id == element.Id);
        Assert.Equal(("Ekosistem transaksi keuangan digital", "Digital financial-transaction ecosystem"), (saved.NameId, saved.NameEn));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "Element" && a.EntityKey == element.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("penilai1")]
    [InlineData("bappeda.jepara")]
    public async Task Only_admins_rename(string user)
    {
        await using var actor = await app.AsAsync(user);
        var names = actor.Get<DimensionNamesService>();
        var dimension = (await names.ListAsync())[0];

        await Assert.ThrowsAsync<AccessDeniedException>(() => names.RenameDimensionAsync(dimension.Id, new NameInput { NameId = "X", NameEn = "Y", Version = dimension.Version }));
    }
}
