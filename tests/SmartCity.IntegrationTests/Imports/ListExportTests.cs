using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Regencies;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Exports;
using SmartCity.Web.Features.Imports;
using SmartCity.Web.Features.QuickWins.Export;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.IntegrationTests.Imports;

public sealed class ListExportTests(NationalApp app) : IClassFixture<NationalApp>
{
    private static List<string[]> Rows(ExportFile file)
    {
        using var content = new MemoryStream(file.Content);
        return SheetReader.Read(content, file.FileName).Select(r => r.Fields).ToList();
    }

    [Theory]
    [InlineData(TableFormat.Csv)]
    [InlineData(TableFormat.Xlsx)]
    public async Task The_regency_list_exports_with_its_filters_and_a_regency_user_gets_only_their_own(TableFormat format)
    {
        await using var admin = await app.AsAsync("admin");
        var rows = Rows(await admin.Get<ListExportService>().RegenciesAsync(format, new RegencyQuery(Search: "Jepara")));
        Assert.Equal(["Kode daerah", "Nama", "Jenis", "Provinsi", "Angkatan", "Tahap", "Aktif"], rows[0]);
        var jepara = Assert.Single(rows.Skip(1));
        Assert.Equal("33.20", jepara[0]);
        Assert.Equal("Kabupaten Jepara", jepara[1]);
        Assert.Equal("Jawa Tengah", jepara[3]);

        var all = Rows(await admin.Get<ListExportService>().RegenciesAsync(format, new RegencyQuery()));
        await using var db = app.CreateDbContext();
        Assert.Equal(await db.Regencies.CountAsync(), all.Count - 1);

        await using var jombang = await app.AsAsync("diskominfo.jombang");
        var own = Rows(await jombang.Get<ListExportService>().RegenciesAsync(format, new RegencyQuery()));
        Assert.Equal("35.17", Assert.Single(own.Skip(1))[0]);
    }

    [Fact]
    public async Task Masterplans_overdue_users_audit_and_rounds_export_with_headers_and_known_rows()
    {
        await using var admin = await app.AsAsync("admin");
        var exports = admin.Get<ListExportService>();

        var plans = Rows((await exports.MasterplansAsync(TableFormat.Csv, "33.20", null, null))!);
        Assert.Equal("Kode daerah", plans[0][0]);
        Assert.All(plans.Skip(1), p => Assert.Equal("33.20", p[0]));
        Assert.True(plans.Count > 1);

        var overdue = Rows((await exports.OverdueAsync(TableFormat.Xlsx, "33.20", null))!);
        Assert.Equal("Hari terlambat", overdue[0][9]);
        Assert.All(overdue.Skip(1), o => Assert.Equal("33.20", o[0]));

        var users = Rows(await exports.UsersAsync(TableFormat.Csv, new SmartCity.Web.Features.Admin.Users.UserQuery(Search: "verifikator.jepara")));
        Assert.Equal("Nama pengguna", users[0][0]);
        var verifier = Assert.Single(users.Skip(1));
        Assert.Equal(["verifikator.jepara", "33.20", "Ya"], new[] { verifier[0], verifier[3], verifier[5] });

        var audit = Rows(await exports.AuditAsync(TableFormat.Csv, new SmartCity.Web.Features.Audit.AuditQuery(RegencyCode: "33.20")));
        Assert.Equal("Perubahan", audit[0][8]);
        Assert.True(audit.Count > 1);

        var rounds = Rows(await exports.RoundsAsync(TableFormat.Xlsx));
        Assert.Equal(["ID", "Nama"], rounds[0][..2]);
        await using var db = app.CreateDbContext();
        Assert.Equal(await db.AssessmentRounds.CountAsync(), rounds.Count - 1);
    }

    [Fact]
    public async Task A_regency_user_cannot_export_another_regency()
    {
        await using var jepara = await app.AsAsync("diskominfo.jepara");
        var exports = jepara.Get<ListExportService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => exports.MasterplansAsync(TableFormat.Csv, "35.17", null, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => exports.OverdueAsync(TableFormat.Csv, "35.17", null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => exports.UsersAsync(TableFormat.Csv, new()));

        var own = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(own, "diskominfo.jepara");
        using (var refused = await own.GetAsync(new Uri("/exports/masterplans.csv?regency=35.17", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var refused = await own.GetAsync(new Uri("/exports/overdue.xlsx?regency=35.17", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var template = await own.GetAsync(new Uri("/imports/templates/reports.csv", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
        }

        using (var unknown = await own.GetAsync(new Uri("/exports/nothing.csv", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using var mine = await own.GetAsync(new Uri("/exports/overdue.csv?regency=33.20", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("text/csv", mine.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", mine.Content.Headers.ContentDisposition?.DispositionType);
        var text = Encoding.UTF8.GetString(await mine.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFKode daerah,", text, StringComparison.Ordinal);

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedOut = await anonymous.GetAsync(new Uri("/exports/regencies.csv", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
    }

    [Fact]
    public async Task A_newer_regency_list_shows_added_renamed_and_removed_rows_and_commits_without_deleting()
    {
        await using var db = app.CreateDbContext();
        var current = await db.Regencies.AsNoTracking().OrderBy(r => r.Code).Select(r => new { r.Code, Province = r.Province!.Code, r.Name }).ToListAsync();
        var csv = new StringBuilder("code,province_code,name\r\n");
        foreach (var r in current.Where(r => r.Code != "11.02"))
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{r.Code},{r.Province},{(r.Code == "33.20" ? "Kabupaten Jepara Baru" : r.Name)}\r\n");
        }

        csv.Append("33.60,33,Kabupaten Uji Coba\r\n");
        await using var admin = await app.AsAsync("admin");
        var service = admin.Get<RegencyListImportService>();

        var check = await service.CheckAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "regencies-2027.csv");

        Assert.True(check.CanCommit);
        Assert.Equal("33.60", Assert.Single(check.Changes, c => c.Kind == RegencyListChangeKind.Added).Code);
        var renamed = Assert.Single(check.Changes, c => c.Kind == RegencyListChangeKind.Renamed);
        Assert.Equal(("33.20", "Kabupaten Jepara", "Kabupaten Jepara Baru"), (renamed.Code, renamed.OldName, renamed.Name));
        Assert.Equal("11.02", Assert.Single(check.Changes, c => c.Kind == RegencyListChangeKind.Removed).Code);
        Assert.Equal(current.Count - 2, check.Count(RegencyListChangeKind.Unchanged));
        Assert.Equal("Kabupaten Jepara", await db.Regencies.Where(r => r.Code == "33.20").Select(r => r.Name).SingleAsync());

        var bad = await service.CheckAsync(new MemoryStream(Encoding.UTF8.GetBytes("code,province_code,name\r\n33.20,33,Jepara\r\n99.01,99,Nowhere\r\n33.20,33,Again\r\n")), "bad.csv");
        Assert.False(bad.CanCommit);
        Assert.Equal([3, 4], bad.Changes.Where(c => c.Kind == RegencyListChangeKind.Problem).Select(c => c.Line).ToList());

        await Assert.ThrowsAsync<AccessDeniedException>(async () =>
        {
            await using var staff = await app.AsAsync("diskominfo.jepara");
            await staff.Get<RegencyListImportService>().CheckAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "x.csv");
        });

        try
        {
            var result = await service.CommitAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "regencies-2027.csv");

            Assert.True(result.Succeeded);
            Assert.Equal((1, 1, 1), (result.RegenciesAdded, result.RegenciesUpdated, result.RegenciesDeactivated));
            var after = await db.Regencies.AsNoTracking().Where(r => r.Code == "33.20" || r.Code == "11.02" || r.Code == "33.60").ToDictionaryAsync(r => r.Code);
            Assert.Equal("Kabupaten Jepara Baru", after["33.20"].Name);
            Assert.False(after["11.02"].IsActive);
            Assert.Equal(RegencyKind.Kabupaten, after["33.60"].Kind);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "ReferenceImport" && a.EntityKey.Contains("regencies-2027.csv")));
        }
        finally
        {
            // Put the register back for the other tests of this fixture.
            var restore = new StringBuilder("code,province_code,name\r\n");
            foreach (var r in current)
            {
                restore.Append(System.Globalization.CultureInfo.InvariantCulture, $"{r.Code},{r.Province},{r.Name}\r\n");
            }

            await service.CommitAsync(new MemoryStream(Encoding.UTF8.GetBytes(restore.ToString())), "restore.csv");
        }
    }
}
