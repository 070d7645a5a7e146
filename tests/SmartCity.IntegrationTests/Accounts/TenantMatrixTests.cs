using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Assessments;
using SmartCity.IntegrationTests.Evidence;
using SmartCity.IntegrationTests.Masterplans;
using SmartCity.IntegrationTests.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Assessments;
using SmartCity.Web.Features.Dashboard;
using SmartCity.Web.Features.Evidence;
using SmartCity.Web.Features.Masterplans;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Features.QuickWins.Export;
using SmartCity.Web.Features.QuickWins.Overdue;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.IntegrationTests.Accounts;

/// <summary>
/// Each role × {own regency, other regency} × {list, read, create, update, delete} on every service that exists:
/// allowed cases work, denied cases throw, change nothing and are logged with the user and a correlation id.
/// Later features add their services here.
/// </summary>
public sealed class TenantMatrixTests(NationalApp app) : IClassFixture<NationalApp>
{
    private const string Jepara = "33.20";
    private const string Jombang = "35.17";

    public static TheoryData<string?, string, bool> ReadCases => new()
    {
        { "admin", Jepara, true }, { "admin", Jombang, true },
        { "penilai1", Jepara, true }, { "penilai1", Jombang, true },
        { "diskominfo.jepara", Jepara, true }, { "diskominfo.jepara", Jombang, false },
        { "verifikator.jepara", Jepara, true }, { "verifikator.jepara", Jombang, false },
        { "bappeda.jepara", Jepara, true }, { "bappeda.jepara", Jombang, false },
        { "bappeda.jombang", Jombang, true }, { "bappeda.jombang", Jepara, false },
        { "diskominfo.pemalang", Jepara, false },
        { null, Jepara, false },
    };

    /// <summary>OPD writes: the regency's Diskominfo and Bappeda users and admins; never assessors or other regencies.</summary>
    public static TheoryData<string?, string, bool> UnitWriteCases => new()
    {
        { "admin", Jombang, true },
        { "penilai1", Jepara, false },
        { "diskominfo.jepara", Jepara, true }, { "diskominfo.jepara", Jombang, false },
        { "bappeda.jepara", Jepara, true }, { "bappeda.jepara", Jombang, false },
        { "diskominfo.jombang", Jombang, true }, { "diskominfo.jombang", Jepara, false },
        { null, Jepara, false },
    };

    private async Task<int> RegencyIdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    private void AssertRefusalLogged(string? user, int before)
    {
        var refusals = app.Logs.Messages().Where(m => m.StartsWith("Access refused", StringComparison.Ordinal)).ToList();
        Assert.True(refusals.Count > before, "the refusal was not logged");
        Assert.Contains(user ?? "anonymous", refusals[^1], StringComparison.Ordinal);
        Assert.Contains("correlation", refusals[^1], StringComparison.Ordinal);
    }

    private int RefusalCount => app.Logs.Messages().Count(m => m.StartsWith("Access refused", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(ReadCases))]
    public async Task Reading_a_regency(string? user, string code, bool allowed)
    {
        await using var actor = await app.AsAsync(user);
        var regencies = actor.Get<RegencyService>();
        var units = actor.Get<GovernmentUnitService>();
        var regencyId = await RegencyIdAsync(code);
        var before = RefusalCount;

        if (allowed)
        {
            Assert.Equal(code, (await regencies.GetAsync(code))!.Profile.Code);
            Assert.NotNull(await units.ListAsync(regencyId));
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => regencies.GetAsync(code));
            await Assert.ThrowsAsync<AccessDeniedException>(() => units.ListAsync(regencyId));
            AssertRefusalLogged(user, before);
        }
    }

    [Theory]
    [InlineData("admin", 514)]
    [InlineData("penilai1", 514)]
    [InlineData("diskominfo.jepara", 1)]
    [InlineData("bappeda.jombang", 1)]
    public async Task Listing_regencies_shows_only_what_the_user_may_read(string user, int expected)
    {
        await using var actor = await app.AsAsync(user);

        var page = await actor.Get<RegencyService>().ListAsync(new RegencyQuery(PageSize: 200));

        Assert.Equal(expected, page.Total);
        if (expected == 1)
        {
            Assert.Equal(user.EndsWith("jepara", StringComparison.Ordinal) ? Jepara : Jombang, Assert.Single(page.Items).Code);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_list_nothing_and_regency_users_get_no_national_counts()
    {
        await using var anonymous = await app.AsAsync(null);
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<RegencyService>().ListAsync(new RegencyQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<DashboardService>().CountsAsync());

        await using var staff = await app.AsAsync("diskominfo.jepara");
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.Get<DashboardService>().CountsAsync());

        await using var assessor = await app.AsAsync("penilai1");
        Assert.Equal(514, (await assessor.Get<DashboardService>().CountsAsync()).Regencies);
    }

    [Theory]
    [MemberData(nameof(UnitWriteCases))]
    public async Task Creating_updating_and_deleting_an_OPD(string? user, string code, bool allowed)
    {
        var regencyId = await RegencyIdAsync(code);
        var name = $"Dinas Uji {Guid.NewGuid():N}"[..30];
        int existingId;
        await using (var admin = await app.AsAsync("admin"))
        {
            existingId = (await admin.Get<GovernmentUnitService>().CreateAsync(regencyId, new UnitInput { Name = name + " A" })).Id!.Value;
        }

        await using var actor = await app.AsAsync(user);
        var units = actor.Get<GovernmentUnitService>();
        var before = RefusalCount;
        var existing = await ReadUnitAsync(existingId);

        if (allowed)
        {
            Assert.True((await units.CreateAsync(regencyId, new UnitInput { Name = name + " B" })).Succeeded);
            Assert.True((await units.UpdateAsync(existingId, new UnitInput { Name = name + " C", Version = existing.Version })).Succeeded);
            Assert.True((await units.DeleteAsync(existingId)).Succeeded);
            Assert.Null(await FindUnitAsync(existingId));
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => units.CreateAsync(regencyId, new UnitInput { Name = name + " B" }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => units.UpdateAsync(existingId, new UnitInput { Name = name + " C", Version = existing.Version }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => units.DeleteAsync(existingId));
            AssertRefusalLogged(user, before);

            var after = await ReadUnitAsync(existingId);
            Assert.Equal(existing, after);
            await using var db = app.CreateDbContext();
            Assert.False(await db.GovernmentUnits.AnyAsync(u => u.Name == name + " B"));
        }
    }

    [Fact]
    public async Task Only_admins_import_reference_data()
    {
        await using var staff = await app.AsAsync("diskominfo.jepara");
        using var empty = new MemoryStream();

        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.Get<ReferenceDataImporter>().ImportAsync(empty, empty, "p.csv", "r.csv", null, CancellationToken.None));
    }

    private async Task<Domain.Regencies.GovernmentUnit?> FindUnitAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.GovernmentUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
    }

    private async Task<(string Name, uint Version)> ReadUnitAsync(int id)
    {
        var unit = await FindUnitAsync(id) ?? throw new InvalidOperationException("missing");
        return (unit.Name, unit.Version);
    }

    /// <summary>Evidence of progress reports: readers of the regency list and download; its Diskominfo staff add and remove.</summary>
    public static TheoryData<string?, string, bool, bool> EvidenceCases => new()
    {
        { "admin", Jepara, true, false }, { "admin", Jombang, true, false },
        { "penilai1", Jepara, true, false },
        { "diskominfo.jepara", Jepara, true, true }, { "diskominfo.jepara", Jombang, false, false },
        { "verifikator.jepara", Jepara, true, true }, { "verifikator.jepara", Jombang, false, false },
        { "bappeda.jepara", Jepara, true, false }, { "bappeda.jepara", Jombang, false, false },
        { "diskominfo.jombang", Jombang, true, true }, { "diskominfo.jombang", Jepara, false, false },
        { "bappeda.jombang", Jombang, true, false },
        { "diskominfo.pemalang", Jepara, false, false },
        { null, Jepara, false, false },
    };

    [Theory]
    [MemberData(nameof(EvidenceCases))]
    public async Task Listing_adding_removing_and_downloading_evidence(string? user, string code, bool canRead, bool canWrite)
    {
        var reportId = await EvidenceTestData.CreateReportAsync(app, code, ReportState.Draft);
        var stored = EvidenceTestData.Pdf("matrix");
        var fileId = await EvidenceTestData.CreateFileAsync(app, reportId, stored);
        await using var actor = await app.AsAsync(user);
        var evidence = actor.Get<EvidenceService>();
        var before = RefusalCount;
        var counts = await EvidenceTestData.CountsAsync(app);

        if (canRead)
        {
            Assert.Equal(fileId, Assert.Single(await evidence.ListForReportAsync(reportId)).Id);
            var download = await evidence.OpenDownloadAsync(fileId);
            using var copy = new MemoryStream();
            Assert.True(await evidence.CopyContentAsync(download!, copy));
            Assert.Equal(stored, copy.ToArray());
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => evidence.ListForReportAsync(reportId));
            await Assert.ThrowsAsync<AccessDeniedException>(() => evidence.OpenDownloadAsync(fileId));
            AssertRefusalLogged(user, before);
        }

        before = RefusalCount;
        if (canWrite)
        {
            using var upload = new MemoryStream(EvidenceTestData.Pdf("matrix add"));
            Assert.True((await evidence.AddToReportAsync(reportId, "bukti.pdf", upload)).Succeeded);
            Assert.True(await evidence.DeleteAsync(fileId));
            Assert.False(await EvidenceTestData.FileExistsAsync(app, fileId));
        }
        else
        {
            using var upload = new MemoryStream(EvidenceTestData.Pdf("matrix add"));
            await Assert.ThrowsAsync<AccessDeniedException>(() => evidence.AddToReportAsync(reportId, "bukti.pdf", upload));
            await Assert.ThrowsAsync<AccessDeniedException>(() => evidence.DeleteAsync(fileId));
            AssertRefusalLogged(user, before);
            Assert.Equal(counts, await EvidenceTestData.CountsAsync(app));
            Assert.True(await EvidenceTestData.FileExistsAsync(app, fileId));
        }

        // The same rule over HTTP: 200 with the bytes, 403 for signed-in users of other regencies, the sign-in page for visitors.
        var fileToFetch = canWrite ? await EvidenceTestData.CreateFileAsync(app, reportId, stored) : fileId;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
        {
            await HttpSignIn.SignInOrThrowAsync(client, user);
        }

        before = RefusalCount;
        using var response = await client.GetAsync(new Uri($"/evidence/{fileToFetch}", UriKind.Relative));
        if (canRead)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(stored, await response.Content.ReadAsByteArrayAsync());
        }
        else if (user is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            AssertRefusalLogged(user, before);
        }
    }

    /// <summary>Everyone who may read a regency may export its quick wins; nobody else, in any format.</summary>
    public static TheoryData<string?, string, bool> ExportCases => new()
    {
        { "admin", Jepara, true }, { "admin", Jombang, true },
        { "penilai1", Jepara, true }, { "penilai2", Jombang, true },
        { "diskominfo.jepara", Jepara, true }, { "diskominfo.jepara", Jombang, false },
        { "verifikator.jepara", Jepara, true }, { "verifikator.jepara", Jombang, false },
        { "bappeda.jepara", Jepara, true }, { "bappeda.jepara", Jombang, false },
        { "bappeda.jombang", Jombang, true }, { "bappeda.jombang", Jepara, false },
        { "diskominfo.jombang", Jombang, true }, { "diskominfo.jombang", Jepara, false },
        { "diskominfo.pemalang", Jepara, false },
        { null, Jepara, false },
    };

    [Theory]
    [MemberData(nameof(ExportCases))]
    public async Task Exporting_the_quick_wins_of_a_regency(string? user, string code, bool allowed)
    {
        var regencyId = await RegencyIdAsync(code);
        await using var actor = await app.AsAsync(user);
        var exports = actor.Get<QuickWinExportService>();
        var before = RefusalCount;

        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            if (allowed)
            {
                var file = await exports.ExportAsync(regencyId, format);
                Assert.StartsWith("quick-win-", file.FileName, StringComparison.Ordinal);
                Assert.Contains(code, file.FileName, StringComparison.Ordinal);
                Assert.NotEmpty(file.Content);
            }
            else
            {
                await Assert.ThrowsAsync<AccessDeniedException>(() => exports.ExportAsync(regencyId, format));
                AssertRefusalLogged(user, before);
                before = RefusalCount;
            }
        }
    }

    /// <summary>Overdue reports: each role × {own regency, other regency, national list}; refusals throw and are logged.</summary>
    public static TheoryData<string?, string?, bool> OverdueCases => new()
    {
        { "admin", Jepara, true }, { "admin", Jombang, true }, { "admin", null, true },
        { "penilai1", Jepara, true }, { "penilai1", Jombang, true }, { "penilai1", null, false },
        { "diskominfo.jepara", Jepara, true }, { "diskominfo.jepara", Jombang, false }, { "diskominfo.jepara", null, true },
        { "verifikator.jepara", Jepara, true }, { "verifikator.jepara", Jombang, false },
        { "bappeda.jepara", Jepara, true }, { "bappeda.jepara", Jombang, false },
        { "diskominfo.jombang", Jombang, true }, { "diskominfo.jombang", Jepara, false },
        { "bappeda.jombang", Jombang, true }, { "bappeda.jombang", Jepara, false }, { "bappeda.jombang", null, true },
        { "diskominfo.pemalang", Jepara, false },
        { null, Jepara, false }, { null, null, false },
    };

    [Theory]
    [MemberData(nameof(OverdueCases))]
    public async Task Listing_overdue_reports(string? user, string? code, bool allowed)
    {
        await using var actor = await app.AsAsync(user);
        var overdue = actor.Get<OverdueService>();
        int? regencyId = code is null ? null : await RegencyIdAsync(code);
        var before = RefusalCount;

        if (allowed)
        {
            var page = await overdue.ListAsync(new OverdueQuery(regencyId, null, PageSize: 200));
            var expected = code ?? (user!.EndsWith("jepara", StringComparison.Ordinal) ? Jepara : user.EndsWith("jombang", StringComparison.Ordinal) ? Jombang : null);
            if (expected is not null)
            {
                Assert.All(page.Items, r => Assert.Equal(expected, r.RegencyCode));
            }

            Assert.Equal(page.Total, page.Items.Count);
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => overdue.ListAsync(new OverdueQuery(regencyId, null)));
            if (code is not null)
            {
                await Assert.ThrowsAsync<AccessDeniedException>(() => overdue.ScopeAsync(code));
            }

            AssertRefusalLogged(user, before);
        }
    }

    /// <summary>Jepara's quick wins and their plan and reports: its Diskominfo staff write; everyone who reads Jepara reads; nobody else.</summary>
    public static TheoryData<string?, bool, bool> JeparaQuickWinCases => new()
    {
        { "diskominfo.jepara", true, true },
        { "bappeda.jepara", true, false },
        { "penilai1", true, false },
        { "admin", true, false },
        { "diskominfo.jombang", false, false },
        { "diskominfo.pemalang", false, false },
        { null, false, false },
    };

    [Theory]
    [MemberData(nameof(JeparaQuickWinCases))]
    public async Task Reading_and_writing_Jepara_quick_wins_milestones_KPIs_and_reports(string? user, bool canRead, bool canWrite)
    {
        var jepara = await RegencyIdAsync(Jepara);
        var quickWinId = await QuickWinTestData.CreateFreshAsync(app, "Uji matriks");
        int milestoneId, kpiId;
        await using (var owner = await app.AsAsync(QuickWinTestData.Author))
        {
            milestoneId = (await owner.Get<QuickWinPlanService>().SaveMilestoneAsync(quickWinId, null, new MilestoneInput { Name = "Tahap 1", Weight = 1 })).Id!.Value;
            kpiId = (await owner.Get<QuickWinPlanService>().SaveKpiAsync(quickWinId, null, new KpiInput { Name = "Pengguna", Unit = "orang", Baseline = 0, Target = 10 })).Id!.Value;
        }

        var (draftId, draftVersion) = await QuickWinTestData.SaveReportAsync(app, quickWinId, "2026-10", 10, submit: false);
        var (submittedId, submittedVersion) = await QuickWinTestData.SaveReportAsync(app, quickWinId, "2026-09", 5, submit: true);
        var name = (await QuickWinTestData.DetailAsync(app, quickWinId)).Name;
        var gov = await QuickWinTestData.DimensionIdAsync(app, "GOV");
        await using var actor = await app.AsAsync(user);
        var quickWins = actor.Get<QuickWinService>();
        var plan = actor.Get<QuickWinPlanService>();
        var reports = actor.Get<ReportService>();
        var before = RefusalCount;
        var snapshot = await QuickWinSnapshotAsync(quickWinId);

        if (canRead)
        {
            Assert.Equal(quickWinId, Assert.Single((await quickWins.ListAsync(new QuickWinQuery(jepara, Search: name))).Items).Id);
            Assert.Equal(Jepara, (await quickWins.FrameAsync(Jepara))!.RegencyCode);
            var detail = (await quickWins.GetAsync(quickWinId))!;
            Assert.Equal((name, canWrite), (detail.Name, detail.CanWrite));
            Assert.Equal(draftId, (await reports.GetAsync(draftId))!.Id);
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => quickWins.ListAsync(new QuickWinQuery(jepara)));
            await Assert.ThrowsAsync<AccessDeniedException>(() => quickWins.FrameAsync(Jepara));
            await Assert.ThrowsAsync<AccessDeniedException>(() => quickWins.GetAsync(quickWinId));
            await Assert.ThrowsAsync<AccessDeniedException>(() => reports.GetAsync(draftId));
            await Assert.ThrowsAsync<AccessDeniedException>(() => reports.QueueAsync(new ReportQueueQuery(jepara)));
            AssertRefusalLogged(user, before);
        }

        before = RefusalCount;
        var edit = QuickWinTestData.Input(gov, name + " diubah");
        edit.Version = snapshot.Version;
        var report = new ReportInput { Period = "2026-10", Percent = 15, Narrative = "Diubah.", Version = draftVersion };
        if (canWrite)
        {
            Assert.True((await quickWins.CreateAsync(jepara, QuickWinTestData.Input(gov, QuickWinTestData.Unique("Uji matriks baru")))).Succeeded);
            Assert.True((await quickWins.UpdateAsync(quickWinId, edit)).Succeeded);
            Assert.True((await plan.SaveMilestoneAsync(quickWinId, milestoneId, new MilestoneInput { Name = "Tahap 1 diubah", Weight = 2, Version = snapshot.MilestoneVersion })).Succeeded);
            Assert.True((await plan.SaveKpiAsync(quickWinId, kpiId, new KpiInput { Name = "Pengguna", Unit = "akun", Baseline = 0, Target = 20, Version = snapshot.KpiVersion })).Succeeded);
            Assert.NotNull(await reports.NewAsync(quickWinId));
            Assert.True((await reports.SaveAsync(quickWinId, draftId, report)).Succeeded);
            Assert.True((await reports.DeleteDraftAsync(draftId)).Succeeded);
            Assert.True((await plan.DeleteMilestoneAsync(milestoneId)).Succeeded);
            Assert.True((await plan.DeleteKpiAsync(kpiId)).Succeeded);
            Assert.True((await quickWins.SetArchivedAsync(quickWinId, true)).Succeeded);
            Assert.NotEqual(snapshot, await QuickWinSnapshotAsync(quickWinId));
        }
        else
        {
            var counts = await QuickWinTestData.CountsAsync(app);
            await Assert.ThrowsAsync<AccessDeniedException>(() => quickWins.CreateAsync(jepara, QuickWinTestData.Input(gov, QuickWinTestData.Unique("Uji matriks baru"))));
            await Assert.ThrowsAsync<AccessDeniedException>(() => quickWins.UpdateAsync(quickWinId, edit));
            await Assert.ThrowsAsync<AccessDeniedException>(() => quickWins.SetArchivedAsync(quickWinId, true));
            await Assert.ThrowsAsync<AccessDeniedException>(() => quickWins.DeleteAsync(quickWinId));
            await Assert.ThrowsAsync<AccessDeniedException>(() => plan.SaveMilestoneAsync(quickWinId, null, new MilestoneInput { Name = "Tahap 2", Weight = 1 }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => plan.SaveMilestoneAsync(quickWinId, milestoneId, new MilestoneInput { Name = "Tahap 1 diubah", Weight = 2, Version = snapshot.MilestoneVersion }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => plan.DeleteMilestoneAsync(milestoneId));
            await Assert.ThrowsAsync<AccessDeniedException>(() => plan.SaveKpiAsync(quickWinId, null, new KpiInput { Name = "Desa", Unit = "desa", Baseline = 0, Target = 5 }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => plan.SaveKpiAsync(quickWinId, kpiId, new KpiInput { Name = "Pengguna", Unit = "akun", Baseline = 0, Target = 20, Version = snapshot.KpiVersion }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => plan.DeleteKpiAsync(kpiId));
            await Assert.ThrowsAsync<AccessDeniedException>(() => reports.NewAsync(quickWinId));
            await Assert.ThrowsAsync<AccessDeniedException>(() => reports.SaveAsync(quickWinId, null, new ReportInput { Period = "2026-08", Percent = 1 }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => reports.SaveAsync(quickWinId, draftId, report, submit: true));
            await Assert.ThrowsAsync<AccessDeniedException>(() => reports.DeleteDraftAsync(draftId));
            AssertRefusalLogged(user, before);
            Assert.Equal(snapshot, await QuickWinSnapshotAsync(quickWinId));
            Assert.Equal(counts, await QuickWinTestData.CountsAsync(app));
        }

        // Verifying needs the verifier permission of Jepara: none of these users has it.
        before = RefusalCount;
        await Assert.ThrowsAsync<AccessDeniedException>(() => reports.VerifyAsync(submittedId, submittedVersion));
        await Assert.ThrowsAsync<AccessDeniedException>(() => reports.ReturnAsync(submittedId, new ReturnInput { Reason = "Tidak.", Version = submittedVersion }));
        AssertRefusalLogged(user, before);
        await using var db = app.CreateDbContext();
        Assert.Equal(ReportState.Submitted, await db.ProgressReports.Where(r => r.Id == submittedId).Select(r => r.State).SingleAsync());
    }

    /// <summary>Jombang's masterplan: everyone who reads Jombang reads it; only its Bappeda planners write; nobody else, anonymous visitors included.</summary>
    public static TheoryData<string?, bool, bool> JombangMasterplanCases => new()
    {
        { "bappeda.jombang", true, true },
        { "diskominfo.jombang", true, false },
        { "admin", true, false },
        { "penilai1", true, false },
        { "bappeda.jepara", false, false },
        { "diskominfo.jepara", false, false },
        { null, false, false },
    };

    [Theory]
    [MemberData(nameof(JombangMasterplanCases))]
    public async Task Reading_and_writing_Jombangs_masterplan(string? user, bool canRead, bool canWrite)
    {
        var jombang = await RegencyIdAsync(Jombang);
        var (id, start) = await MasterplanTestData.CreateAsync(app);
        var loaded = await MasterplanTestData.DetailAsync(app, id);
        await using var actor = await app.AsAsync(user);
        var plans = actor.Get<MasterplanService>();
        var blocks = actor.Get<MasterplanBlockService>();
        var review = actor.Get<MasterplanReviewService>();
        var before = RefusalCount;

        if (canRead)
        {
            Assert.Equal(Jombang, (await plans.FrameAsync(Jombang))!.RegencyCode);
            Assert.Contains(id, (await plans.ListAsync(jombang, null, null, 1, 200)).Items.Select(p => p.Id));
            var detail = (await plans.GetAsync(id))!;
            Assert.Equal((canWrite, canWrite), (detail.CanEdit, detail.CanSubmit));
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => plans.FrameAsync(Jombang));
            await Assert.ThrowsAsync<AccessDeniedException>(() => plans.ListAsync(jombang, null, null, 1, 20));
            await Assert.ThrowsAsync<AccessDeniedException>(() => plans.GetAsync(id));
            AssertRefusalLogged(user, before);
        }

        before = RefusalCount;
        var frame = MasterplanTestData.Frame(start, 5, "Diubah dalam matriks");
        frame.Version = loaded.Version;
        var goal = new GoalInput { DimensionId = loaded.Dimensions[0].Id, Text = "Sasaran matriks", Indicator = "X", Target = 1 };
        var grid = new ReadinessInput { Cells = [new() { Component = ReadinessComponent.StrukturPeople, Grade = ReadinessGrade.Good }], Base = MasterplanTestData.Cells(loaded) };
        if (canWrite)
        {
            var free = await MasterplanTestData.FreeStartAsync(app, jombang);
            Assert.True((await plans.CreateAsync(jombang, MasterplanTestData.Frame(free))).Succeeded);
            Assert.True((await plans.UpdateFrameAsync(id, frame)).Succeeded);
            Assert.True((await blocks.SaveDraftAsync(id, MasterplanTestData.Vision(loaded, "Draf."))).Succeeded);
            Assert.True((await blocks.SaveTextAsync(id, MasterplanTestData.Vision(loaded, "Visi matriks."))).Succeeded);
            Assert.True((await blocks.SaveReadinessAsync(id, grid)).Succeeded);
            Assert.True((await blocks.SaveGoalAsync(id, null, goal)).Succeeded);
            Assert.True((await blocks.SaveSignatoryAsync(id, null, new SignatoryInput { Name = "Bupati", Position = "Bupati Jombang" })).Succeeded);
            Assert.False((await review.SubmitAsync(id, (await MasterplanTestData.RowAsync(app, id)).Version)).Succeeded); // allowed, but incomplete
            Assert.Equal("Visi matriks.", (await MasterplanTestData.RowAsync(app, id)).Vision);
        }
        else
        {
            var row = await MasterplanTestData.RowAsync(app, id);
            var counts = await MasterplanCountsAsync();
            await Assert.ThrowsAsync<AccessDeniedException>(() => plans.CreateAsync(jombang, MasterplanTestData.Frame(start + 40)));
            await Assert.ThrowsAsync<AccessDeniedException>(() => plans.UpdateFrameAsync(id, frame));
            await Assert.ThrowsAsync<AccessDeniedException>(() => blocks.SaveDraftAsync(id, MasterplanTestData.Vision(loaded, "Draf.")));
            await Assert.ThrowsAsync<AccessDeniedException>(() => blocks.SaveTextAsync(id, MasterplanTestData.Vision(loaded, "Visi matriks."), overwrite: true));
            await Assert.ThrowsAsync<AccessDeniedException>(() => blocks.SaveReadinessAsync(id, grid, overwrite: true));
            await Assert.ThrowsAsync<AccessDeniedException>(() => blocks.SaveGoalAsync(id, null, goal));
            await Assert.ThrowsAsync<AccessDeniedException>(() => blocks.SaveSignatoryAsync(id, null, new SignatoryInput { Name = "Bupati", Position = "Bupati Jombang" }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => review.SubmitAsync(id, row.Version));
            await Assert.ThrowsAsync<AccessDeniedException>(() => review.AmendAsync(id, row.Version));
            await Assert.ThrowsAsync<AccessDeniedException>(() => review.ApproveAsync(id, row.Version));
            AssertRefusalLogged(user, before);
            var after = await MasterplanTestData.RowAsync(app, id);
            Assert.Equal((row.Title, row.Vision, row.State, row.Version), (after.Title, after.Vision, after.State, after.Version));
            Assert.Equal(counts, await MasterplanCountsAsync());
        }
    }

    /// <summary>Rounds: admins prepare; national roles read every round; regency users read the rounds their regency takes part in.</summary>
    public static TheoryData<string?, bool, bool, bool> JeparaRoundCases => new()
    {
        { "admin", true, true, true },
        { "penilai1", true, true, false },
        { "diskominfo.jepara", true, true, false },
        { "bappeda.jepara", true, true, false },
        { "bappeda.jombang", false, false, false },
        { "diskominfo.pemalang", false, false, false },
        { null, false, false, false },
    };

    [Theory]
    [MemberData(nameof(JeparaRoundCases))]
    public async Task Reading_and_preparing_a_round_with_Jepara(string? user, bool canList, bool canRead, bool canPrepare)
    {
        var jepara = await RegencyIdAsync(Jepara);
        var jombang = await RegencyIdAsync(Jombang);
        int roundId;
        int templateId;
        await using (var admin = await app.AsAsync("admin"))
        {
            templateId = (await admin.Get<InstrumentService>().ListTemplatesAsync()).First(t => t.IsLatest).Id;
            var created = await admin.Get<RoundService>().CreateAsync(new RoundInput
            {
                Name = $"Ronde matriks {user ?? "anon"}",
                Kind = SmartCity.Domain.Assessments.RoundKind.YearlyEvaluation,
                Year = 2026,
                TemplateId = templateId,
                SelfAssessmentOpensOn = new DateTime(2026, 3, 1),
                ScoringOpensOn = new DateTime(2026, 4, 1),
                ReconciliationOpensOn = new DateTime(2026, 5, 1),
                FinalisesOn = new DateTime(2026, 6, 1),
            });
            roundId = created.Id!.Value;
            await admin.Get<RoundService>().AddParticipantsAsync(roundId, new ParticipantSelection(RegencyCodes: [Jepara]));
        }

        await using var actor = await app.AsAsync(user);
        var rounds = actor.Get<RoundService>();
        var before = RefusalCount;
        if (canList)
        {
            Assert.Contains(await rounds.ListAsync(), r => r.Id == roundId);
        }
        else if (user is null)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => rounds.ListAsync());
        }
        else
        {
            Assert.DoesNotContain(await rounds.ListAsync(), r => r.Id == roundId);
        }

        if (canRead)
        {
            var detail = await rounds.GetAsync(roundId);
            Assert.Equal(canPrepare, detail!.CanEdit);
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => rounds.GetAsync(roundId));
            AssertRefusalLogged(user, before);
        }

        var penilai1 = await UserIdOfAsync("penilai1");
        await using var db = app.CreateDbContext();
        var counts = (await db.AssessmentRounds.CountAsync(), await db.RoundParticipants.CountAsync(p => p.RoundId == roundId), await db.AssessorAssignments.CountAsync(a => a.RoundId == roundId));
        if (canPrepare)
        {
            Assert.True((await rounds.AddParticipantsAsync(roundId, new ParticipantSelection(RegencyCodes: [Jombang]))).Added == 1);
            Assert.True((await actor.Get<AssignmentService>().AssignAsync(roundId, jepara, penilai1)).Succeeded);
            Assert.True((await rounds.RemoveParticipantAsync(roundId, jombang)).Succeeded);
        }
        else
        {
            before = RefusalCount;
            await Assert.ThrowsAsync<AccessDeniedException>(() => rounds.CreateAsync(new RoundInput { Name = "X", Year = 2026, TemplateId = templateId }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => rounds.UpdateAsync(roundId, new RoundInput { Name = "X", Year = 2026 }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => rounds.AddParticipantsAsync(roundId, new ParticipantSelection(RegencyCodes: [Jombang])));
            await Assert.ThrowsAsync<AccessDeniedException>(() => rounds.RemoveParticipantAsync(roundId, jepara));
            await Assert.ThrowsAsync<AccessDeniedException>(() => rounds.OpenAsync(roundId));
            await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<AssignmentService>().AssignAsync(roundId, jepara, penilai1));
            await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<InstrumentService>().SaveRoundInstrumentAsync(roundId, new InstrumentInput()));
            await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<InstrumentService>().SaveTemplateAsNewVersionAsync(templateId, new InstrumentInput()));
            AssertRefusalLogged(user, before);
            Assert.Equal(counts, (await db.AssessmentRounds.CountAsync(), await db.RoundParticipants.CountAsync(p => p.RoundId == roundId), await db.AssessorAssignments.CountAsync(a => a.RoundId == roundId)));
        }

        if (user != "penilai1" && user != "admin")
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<AssignmentService>().DeclareConflictAsync(new ConflictInput { RegencyId = jombang, Reason = "X" }));
            if (user is not null)
            {
                await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<AssignmentService>().ListConflictsAsync());
            }
        }
    }

    private async Task<string> UserIdOfAsync(string userName)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<(int Plans, int Drafts, int Readiness, int Goals, int Signatories, int Versions)> MasterplanCountsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.Masterplans.CountAsync(), await db.MasterplanDrafts.CountAsync(), await db.ReadinessRatings.CountAsync(),
            await db.MasterplanGoals.CountAsync(), await db.Signatories.CountAsync(), await db.MasterplanVersions.CountAsync());
    }

    private sealed record QuickWinSnapshot(string Name, uint Version, bool IsArchived, uint MilestoneVersion, uint KpiVersion, string Units, uint DraftVersion, ReportState DraftState);

    private async Task<QuickWinSnapshot> QuickWinSnapshotAsync(int quickWinId)
    {
        await using var db = app.CreateDbContext();
        var q = await db.QuickWins.AsNoTracking().SingleAsync(x => x.Id == quickWinId);
        var milestone = await db.Milestones.AsNoTracking().Where(m => m.QuickWinId == quickWinId).Select(m => (uint?)m.Version).FirstOrDefaultAsync();
        var kpi = await db.Kpis.AsNoTracking().Where(k => k.QuickWinId == quickWinId).Select(k => new { k.Version, k.Unit }).FirstOrDefaultAsync();
        var draft = await db.ProgressReports.AsNoTracking().Where(r => r.QuickWinId == quickWinId && r.Period == "2026-10").Select(r => new { r.Version, r.State }).FirstOrDefaultAsync();
        return new QuickWinSnapshot(q.Name, q.Version, q.IsArchived, milestone ?? 0, kpi?.Version ?? 0, kpi?.Unit ?? "", draft?.Version ?? 0, draft?.State ?? ReportState.Draft);
    }

    /// <summary>Jepara's self-assessment in a round in its self-assessment state: its Diskominfo and Bappeda users fill it; nobody else.</summary>
    public static TheoryData<string?, bool> SelfAssessmentCases => new()
    {
        { "diskominfo.jepara", true }, { "verifikator.jepara", true }, { "bappeda.jepara", true },
        { "diskominfo.jombang", false }, { "bappeda.jombang", false }, { "diskominfo.pemalang", false },
        { "penilai1", false }, { "admin", false }, { null, false },
    };

    [Theory]
    [MemberData(nameof(SelfAssessmentCases))]
    public async Task Filling_Jeparas_self_assessment(string? user, bool allowed)
    {
        var round = await AssessmentTestData.CreateRoundAsync(app, [Jepara], ["penilai1"]);
        var jepara = await RegencyIdAsync(Jepara);
        await using var actor = await app.AsAsync(user);
        var service = actor.Get<SelfAssessmentService>();
        using var pin = app.Clock.Pin(round.SelfAssessmentDay);
        var before = RefusalCount;
        var input = new ScoreCellInput { CriterionId = round.OnceCriterionId, Score = 3, Text = "Perbup smart city terbit." };

        if (allowed)
        {
            Assert.True((await service.GetOwnAsync(round.Id))!.CanEdit);
            Assert.True((await service.SaveCellAsync(round.Id, jepara, input)).Succeeded);
            Assert.Single(await AssessmentTestData.SelfScoresAsync(app, round.Id));
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.SaveCellAsync(round.Id, jepara, input));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.SubmitAsync(round.Id, jepara));
            AssertRefusalLogged(user, before);
            Assert.Empty(await AssessmentTestData.SelfScoresAsync(app, round.Id));
            if (user is null || user.EndsWith("jombang", StringComparison.Ordinal) || user.EndsWith("pemalang", StringComparison.Ordinal))
            {
                await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetAsync(round.Id, jepara));
            }
        }
    }

    /// <summary>Scoring Jepara, assigned to penilai1 only: only penilai1 scores; national roles read the reconciliation, regency users do not.</summary>
    public static TheoryData<string?, bool, bool> ScoringCases => new()
    {
        { "penilai1", true, true }, { "penilai2", false, true }, { "admin", false, true },
        { "diskominfo.jepara", false, false }, { "bappeda.jepara", false, false }, { "diskominfo.jombang", false, false }, { null, false, false },
    };

    [Theory]
    [MemberData(nameof(ScoringCases))]
    public async Task Scoring_and_reconciling_Jepara(string? user, bool canScore, bool canReadReconciliation)
    {
        var round = await AssessmentTestData.CreateRoundAsync(app, [Jepara], ["penilai1"]);
        var jepara = await RegencyIdAsync(Jepara);
        var quickWin = await AssessmentTestData.QuickWinIdAsync(app, Jepara);
        await using var actor = await app.AsAsync(user);
        var scoring = actor.Get<ScoringService>();
        using var pin = app.Clock.Pin(round.ScoringDay);
        var before = RefusalCount;
        var input = AssessmentTestData.Cell(round.OnceCriterionId, null, 4, quickWin);

        if (canScore)
        {
            Assert.Contains(await scoring.MyAssignmentsAsync(), r => r.RoundId == round.Id && r.RegencyId == jepara);
            Assert.True((await scoring.GetMatrixAsync(round.Id, jepara))!.CanEdit);
            Assert.True((await scoring.SaveCellAsync(round.Id, jepara, input)).Succeeded);
            Assert.Single(await AssessmentTestData.AssessorScoresAsync(app, round.Id));
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => scoring.GetMatrixAsync(round.Id, jepara));
            await Assert.ThrowsAsync<AccessDeniedException>(() => scoring.SaveCellAsync(round.Id, jepara, input));
            await Assert.ThrowsAsync<AccessDeniedException>(() => scoring.SubmitAsync(round.Id, jepara));
            await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<ReconciliationService>().RecordAsync(round.Id, jepara, round.OnceCriterionId, null, 3, "Sepakat."));
            if (user != "penilai2")
            {
                await Assert.ThrowsAsync<AccessDeniedException>(() => scoring.MyAssignmentsAsync());
            }

            AssertRefusalLogged(user, before);
            Assert.Empty(await AssessmentTestData.AssessorScoresAsync(app, round.Id));
        }

        if (canReadReconciliation)
        {
            Assert.Equal(RoundState.Scoring, (await actor.Get<ReconciliationService>().DivergentCellsAsync(round.Id))!.State);
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<ReconciliationService>().DivergentCellsAsync(round.Id));
        }
    }
}
