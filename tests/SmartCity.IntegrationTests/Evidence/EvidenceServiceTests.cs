using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Evidence;
using SmartCity.Web.Resources;
using static SmartCity.IntegrationTests.Evidence.EvidenceTestData;

namespace SmartCity.IntegrationTests.Evidence;

/// <summary>A second app instance on the same database with the virus-scan hook configured: it exits 1 when the bytes contain "EICAR".</summary>
internal sealed class ScanningApp(TestDatabase database) : SmartCityFactory
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

    protected override bool OwnsDatabase => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(EvidenceVirusScanner.CommandKey, "if grep -aq EICAR; then exit 1; else exit 0; fi");
    }
}

/// <summary>A stream that only reads forward and does not know its length, like a browser upload.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
}

public sealed class EvidenceServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private int RefusalCount => app.Logs.Messages().Count(m => m.StartsWith("Access refused", StringComparison.Ordinal));

    private async Task<int> DemoDraftReportAsync()
    {
        var jepara = await RegencyIdAsync(app, Jepara);
        await using var db = app.CreateDbContext();
        return await db.ProgressReports.Where(r => r.RegencyId == jepara && r.State == ReportState.Draft).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
    }

    private static string Text(ActingUser user, string key) => user.Get<IStringLocalizer<SharedResource>>()[key];

    private static async Task<EvidenceUploadResult> UploadAsync(ActingUser user, int reportId, string fileName, byte[] data)
    {
        using var stream = new ForwardOnlyStream(data);
        return await user.Get<EvidenceService>().AddToReportAsync(reportId, fileName, stream);
    }

    private async Task WithMaxBytesAsync(string? value, Func<Task> test)
    {
        string? before;
        await using (var db = app.CreateDbContext())
        {
            before = await db.Settings.Where(s => s.Key == SettingKeys.EvidenceMaxBytes).Select(s => s.Value).SingleOrDefaultAsync();
        }

        await SetMaxBytesAsync(value);
        try
        {
            await test();
        }
        finally
        {
            await SetMaxBytesAsync(before);
        }
    }

    private async Task SetMaxBytesAsync(string? value)
    {
        await using var db = app.CreateDbContext();
        await db.Settings.Where(s => s.Key == SettingKeys.EvidenceMaxBytes).ExecuteDeleteAsync();
        if (value is not null)
        {
            db.Settings.Add(new PortalSetting { Key = SettingKeys.EvidenceMaxBytes, Value = value, UpdatedAt = TestNow.Start });
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Diskominfo_adds_a_pdf_to_a_draft_report_of_its_quick_win()
    {
        var reportId = await DemoDraftReportAsync();
        var pdf = Pdf("bukti");
        await using var staff = await app.AsAsync("diskominfo.jepara");

        var result = await UploadAsync(staff, reportId, @"C:\Dokumen\Berita acara serah terima.pdf", pdf);

        Assert.True(result.Succeeded, result.Error);
        await using var db = app.CreateDbContext();
        var file = await db.EvidenceFiles.AsNoTracking().SingleAsync(f => f.Id == result.Id);
        Assert.Equal(reportId, file.ProgressReportId);
        Assert.Equal(await RegencyIdAsync(app, Jepara), file.RegencyId);
        Assert.Equal("Berita acara serah terima.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(pdf.Length, file.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.Sha256);
        Assert.Equal((await db.Users.SingleAsync(u => u.UserName == "diskominfo.jepara")).Id, file.UploadedById);
        Assert.Equal(pdf, await db.EvidenceFileContents.Where(c => c.EvidenceFileId == file.Id).Select(c => c.Data).SingleAsync());
        Assert.Contains(await db.AuditEntries.Where(a => a.Entity == nameof(EvidenceFile)).Select(a => a.EntityKey).ToListAsync(), k => k == file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var row = Assert.Single(await staff.Get<EvidenceService>().ListForReportAsync(reportId), r => r.Id == file.Id);
        Assert.Equal(new EvidenceRow(file.Id, file.FileName, "application/pdf", pdf.Length, row.UploadedBy, file.UploadedAt), row);
        Assert.False(string.IsNullOrEmpty(row.UploadedBy));
    }

    [Fact]
    public async Task A_returned_report_takes_files_and_office_files_get_their_detected_type()
    {
        var reportId = await CreateReportAsync(app, Jepara, ReportState.Returned);
        await using var staff = await app.AsAsync("diskominfo.jepara");

        var result = await UploadAsync(staff, reportId, "notulen.docx", Docx());

        Assert.True(result.Succeeded, result.Error);
        await using var db = app.CreateDbContext();
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", await db.EvidenceFiles.Where(f => f.Id == result.Id).Select(f => f.ContentType).SingleAsync());
    }

    [Theory]
    [InlineData("laporan.pdf", "<!DOCTYPE html><html><body><script>alert('x')</script></body></html>", "Evidence.NotAllowed")]
    [InlineData("notulen.doc", "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1 legacy", "Evidence.Legacy")]
    [InlineData("kosong.pdf", "", "Evidence.Empty")]
    public async Task Files_that_are_not_what_they_claim_are_refused_and_nothing_is_saved(string fileName, string content, string messageKey)
    {
        var reportId = await DemoDraftReportAsync();
        var bytes = content.Select(c => (byte)c).ToArray();
        var before = await CountsAsync(app);
        await using var staff = await app.AsAsync("diskominfo.jepara");

        var result = await UploadAsync(staff, reportId, fileName, bytes);

        Assert.False(result.Succeeded);
        Assert.Null(result.Id);
        Assert.Equal(Text(staff, messageKey), result.Error);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task An_oversize_file_is_refused_naming_the_limit_and_nothing_is_saved()
    {
        var reportId = await DemoDraftReportAsync();
        await using var staff = await app.AsAsync("diskominfo.jepara");
        await WithMaxBytesAsync("1048576", async () =>
        {
            Assert.Equal(1048576, await staff.Get<EvidenceService>().MaxBytesAsync());
            var before = await CountsAsync(app);
            var big = new byte[1048577];
            Pdf().CopyTo(big, 0);

            var result = await UploadAsync(staff, reportId, "besar.pdf", big);

            Assert.False(result.Succeeded);
            Assert.Contains("1 MB", result.Error, StringComparison.Ordinal);
            Assert.Equal(before, await CountsAsync(app));

            var exact = new byte[1048576];
            Pdf().CopyTo(exact, 0);
            Assert.True((await UploadAsync(staff, reportId, "pas.pdf", exact)).Succeeded);
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("banyak")]
    [InlineData("-5")]
    public async Task A_missing_or_invalid_limit_means_10_MB(string? value)
    {
        await using var staff = await app.AsAsync("diskominfo.jepara");
        await WithMaxBytesAsync(value, async () => Assert.Equal(10485760, await staff.Get<EvidenceService>().MaxBytesAsync()));
    }

    [Theory]
    [InlineData(ReportState.Verified)]
    [InlineData(ReportState.Submitted)]
    public async Task A_submitted_or_verified_report_refuses_uploads_and_removals(ReportState state)
    {
        var reportId = await CreateReportAsync(app, Jepara, state);
        var existing = await CreateFileAsync(app, reportId);
        var before = await CountsAsync(app);
        await using var staff = await app.AsAsync("diskominfo.jepara");

        var result = await UploadAsync(staff, reportId, "terlambat.pdf", Pdf());

        Assert.False(result.Succeeded);
        Assert.Equal(Text(staff, "Evidence.ReportLocked"), result.Error);
        Assert.False(await staff.Get<EvidenceService>().DeleteAsync(existing));
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task A_writer_removes_a_file_of_a_draft_report_with_its_content()
    {
        var reportId = await CreateReportAsync(app, Jepara, ReportState.Draft);
        var fileId = await CreateFileAsync(app, reportId);
        await using var staff = await app.AsAsync("diskominfo.jepara");

        Assert.True(await staff.Get<EvidenceService>().DeleteAsync(fileId));

        Assert.False(await FileExistsAsync(app, fileId));
        Assert.False(await staff.Get<EvidenceService>().DeleteAsync(fileId));
        Assert.Empty(await staff.Get<EvidenceService>().ListForReportAsync(reportId));
    }

    [Theory]
    [InlineData("diskominfo.jombang")]
    [InlineData("bappeda.jepara")]
    [InlineData("penilai1")]
    public async Task Users_who_may_not_write_jepara_quick_wins_are_refused_and_logged(string user)
    {
        var reportId = await DemoDraftReportAsync();
        var fileId = await CreateFileAsync(app, reportId);
        var before = await CountsAsync(app);
        var refusals = RefusalCount;
        await using var actor = await app.AsAsync(user);

        await Assert.ThrowsAsync<AccessDeniedException>(() => UploadAsync(actor, reportId, "bukti.pdf", Pdf()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<EvidenceService>().DeleteAsync(fileId));

        Assert.Equal(before, await CountsAsync(app));
        var logged = app.Logs.Messages().Where(m => m.StartsWith("Access refused", StringComparison.Ordinal)).ToList();
        Assert.Equal(refusals + 2, logged.Count);
        Assert.Contains(user, logged[^1], StringComparison.Ordinal);
        Assert.Contains("correlation", logged[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_takes_at_most_two_sql_commands_and_only_readers_may_list()
    {
        var reportId = await CreateReportAsync(app, Jepara, ReportState.Draft);
        for (var i = 0; i < 3; i++)
        {
            await CreateFileAsync(app, reportId);
        }

        await using var staff = await app.AsAsync("bappeda.jepara");
        app.Commands.Reset();
        Assert.Equal(3, (await staff.Get<EvidenceService>().ListForReportAsync(reportId)).Count);
        Assert.True(app.Commands.Count <= 2, $"{app.Commands.Count} SQL commands");

        await using var other = await app.AsAsync("bappeda.jombang");
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<EvidenceService>().ListForReportAsync(reportId));
    }

    [Fact]
    public async Task The_scan_hook_refuses_an_infected_file_and_accepts_a_clean_one()
    {
        var reportId = await DemoDraftReportAsync();
        await using var scanning = new ScanningApp(app.Database);
        await scanning.InitializeAsync();
        await using var staff = await scanning.AsAsync("diskominfo.jepara");
        var before = await CountsAsync(app);

        var infected = await UploadAsync(staff, reportId, "eicar.pdf", Pdf(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"));

        Assert.False(infected.Succeeded);
        Assert.Equal(Text(staff, "Evidence.Infected"), infected.Error);
        Assert.Equal(before, await CountsAsync(app));
        Assert.Contains(scanning.Logs.Messages(), m => m.Contains("Virus scan refused", StringComparison.Ordinal) && m.Contains("eicar.pdf", StringComparison.Ordinal));

        var clean = await UploadAsync(staff, reportId, "bersih.pdf", Pdf("clean"));
        Assert.True(clean.Succeeded, clean.Error);
    }

    [Fact]
    public async Task Downloads_stream_the_exact_bytes_to_readers_of_the_regency_only()
    {
        var reportId = await DemoDraftReportAsync();
        var pdf = Pdf("unduh");
        int id;
        await using (var staff = await app.AsAsync("diskominfo.jepara"))
        {
            id = (await UploadAsync(staff, reportId, "Laporan Kemajuan Okt 2026 – Jepara.pdf", pdf)).Id!.Value;
        }

        var own = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(own, "diskominfo.jepara");
        using (var response = await own.GetAsync(new Uri($"/evidence/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Contains("filename*=UTF-8''Laporan%20Kemajuan%20Okt%202026%20%E2%80%93%20Jepara.pdf", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        }

        using (var unknown = await own.GetAsync(new Uri("/evidence/987654321", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var national = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(national, "penilai1");
        using (var response = await national.GetAsync(new Uri($"/evidence/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(other, "diskominfo.jombang");
        var refusals = RefusalCount;
        using (var response = await other.GetAsync(new Uri($"/evidence/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("%PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(RefusalCount > refusals);

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var response = await anonymous.GetAsync(new Uri($"/evidence/{id}", UriKind.Relative)))
        {
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
