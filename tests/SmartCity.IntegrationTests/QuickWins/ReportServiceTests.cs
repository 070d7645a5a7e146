using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.QuickWins;
using static SmartCity.IntegrationTests.QuickWins.QuickWinTestData;

namespace SmartCity.IntegrationTests.QuickWins;

/// <summary>Progress reports: draft → submitted → returned → resubmitted → verified, and what verification does to the quick win.</summary>
public sealed class ReportServiceTests(SmallApp app) : IClassFixture<SmallApp>
{
    private const string OwnReport = "Anda tidak dapat memverifikasi laporan yang Anda tulis sendiri.";

    private async Task<ReportState> StateAsync(int reportId)
    {
        await using var db = app.CreateDbContext();
        return await db.ProgressReports.Where(r => r.Id == reportId).Select(r => r.State).SingleAsync();
    }

    [Fact]
    public async Task A_report_goes_from_draft_to_verified_and_then_gives_the_quick_win_its_progress()
    {
        var id = await CreateFreshAsync(app, "Uji alur");
        int kpiId;
        await using (var staff = await app.AsAsync(Author))
        {
            var kpi = await staff.Get<QuickWinPlanService>().SaveKpiAsync(id, null, new KpiInput { Name = "Pengguna aktif", Unit = "orang", Baseline = 0, Target = 1000 });
            kpiId = kpi.Id!.Value;
        }

        await using var author = await app.AsAsync(Author);
        await using var verifier = await app.AsAsync(Verifier);
        var reports = author.Get<ReportService>();
        var blank = await reports.NewAsync(id);
        Assert.Equal(blank.CurrentPeriod, blank.Period);
        Assert.Equal(kpiId, Assert.Single(blank.Kpis).KpiId);

        // A draft may be incomplete: no narrative.
        var input = new ReportInput
        {
            Period = "2026-10",
            Percent = 40,
            Actuals = [new KpiActualInput { KpiId = kpiId, Name = "Pengguna aktif", Unit = "orang", Value = 250 }],
        };
        var draft = await reports.SaveAsync(id, null, input);
        Assert.True(draft.Succeeded);
        var reportId = draft.Id!.Value;
        Assert.Equal(ReportState.Draft, await StateAsync(reportId));

        // Submitting needs the narrative.
        input.Version = draft.Version;
        var noNarrative = await reports.SaveAsync(id, reportId, input, submit: true);
        Assert.Equal("Narasi wajib diisi sebelum laporan dikirim.", Assert.Single(noNarrative.Errors[nameof(ReportInput.Narrative)]));
        Assert.Equal(ReportState.Draft, await StateAsync(reportId));

        input.Narrative = "Aplikasi diuji coba di tiga kecamatan.";
        var submitted = await reports.SaveAsync(id, reportId, input, submit: true);
        Assert.True(submitted.Succeeded);
        Assert.Equal(ReportState.Submitted, await StateAsync(reportId));
        Assert.Contains((await verifier.Get<ReportService>().QueueAsync(new ReportQueueQuery(PageSize: 200))).Items, r => r.ReportId == reportId);

        // The verifier returns it: a reason is required.
        var decisions = verifier.Get<ReportService>();
        var toReturn = (await decisions.GetAsync(reportId))!;
        Assert.True(toReturn.CanVerify);
        var noReason = await decisions.ReturnAsync(reportId, new ReturnInput { Reason = "  ", Version = toReturn.Version });
        Assert.NotEmpty(noReason.Errors[nameof(ReturnInput.Reason)]);
        Assert.Equal(ReportState.Submitted, await StateAsync(reportId));
        var returned = await decisions.ReturnAsync(reportId, new ReturnInput { Reason = "Lampirkan foto uji coba.", Version = toReturn.Version });
        Assert.True(returned.Succeeded);

        // The author sees the reason, edits and resubmits.
        var back = (await reports.GetAsync(reportId))!;
        Assert.Equal((ReportState.Returned, "Lampirkan foto uji coba."), (back.State, back.ReturnReason));
        Assert.True(back.IsEditable);
        var resubmit = back.ToInput();
        resubmit.Percent = 45;
        resubmit.Actuals[0].Value = 300;
        Assert.True((await reports.SaveAsync(id, reportId, resubmit, submit: true)).Succeeded);
        var again = (await reports.GetAsync(reportId))!;
        Assert.Equal((ReportState.Submitted, (string?)null, 45m), (again.State, again.ReturnReason, again.Percent));
        Assert.Equal(0, (await DetailAsync(app, id)).Progress.Percent); // not verified yet

        var verified = await VerifyAsync(app, reportId);

        Assert.True(verified.Succeeded);
        var quickWin = await DetailAsync(app, id);
        Assert.Equal((45m, "2026-10", reportId, Verifier), (quickWin.Progress.Percent, quickWin.Progress.Period, quickWin.Progress.ReportId, quickWin.Progress.VerifiedBy));
        Assert.Equal(QuickWinStatus.Running, quickWin.Status); // was Planned
        Assert.Equal(300m, Assert.Single(quickWin.Kpis).LatestActual);
        var row = Assert.Single(quickWin.Reports);
        Assert.Equal((ReportState.Verified, Author, Verifier), (row.State, row.Author, row.Verifier));
        Assert.DoesNotContain((await decisions.QueueAsync(new ReportQueueQuery(PageSize: 200))).Items, r => r.ReportId == reportId);

        // A verified report is history: it can be neither edited nor deleted.
        var frozen = await reports.SaveAsync(id, reportId, (await reports.GetAsync(reportId))!.ToInput());
        Assert.NotEmpty(frozen.Errors[ReportService.StateField]);
        Assert.NotEmpty((await reports.DeleteDraftAsync(reportId)).Errors[ReportService.StateField]);

        // A later 100 % report completes the quick win and its KPI value becomes the latest actual.
        var (finalId, _) = await SaveReportAsync(app, id, "2026-11", 100, submit: true,
            actuals: [new KpiActualInput { KpiId = kpiId, Name = "Pengguna aktif", Unit = "orang", Value = 1000 }]);
        Assert.True((await VerifyAsync(app, finalId)).Succeeded);
        var completed = await DetailAsync(app, id);
        Assert.Equal((100m, "2026-11", QuickWinStatus.Completed), (completed.Progress.Percent, completed.Progress.Period, completed.Status));
        Assert.Equal(1000m, Assert.Single(completed.Kpis).LatestActual);
        var listed = Assert.Single((await author.Get<QuickWinService>().ListAsync(new QuickWinQuery(Search: completed.Name))).Items);
        Assert.Equal((100m, "2026-11"), (listed.Progress, listed.ProgressPeriod));
    }

    [Fact]
    public async Task Verifying_an_earlier_period_later_does_not_replace_the_progress_of_the_latest_one()
    {
        var id = await CreateFreshAsync(app, "Uji urutan");
        var (october, _) = await SaveReportAsync(app, id, "2026-10", 70, submit: true);
        var (september, _) = await SaveReportAsync(app, id, "2026-09", 30, submit: true);

        Assert.True((await VerifyAsync(app, october)).Succeeded);
        Assert.True((await VerifyAsync(app, september)).Succeeded);

        var detail = await DetailAsync(app, id);
        Assert.Equal((70m, "2026-10"), (detail.Progress.Percent, detail.Progress.Period));
    }

    [Fact]
    public async Task Nobody_verifies_their_own_report_and_staff_without_the_permission_cannot_verify()
    {
        var id = await CreateFreshAsync(app, "Uji sendiri");
        var (byAuthor, _) = await SaveReportAsync(app, id, "2026-09", 20, submit: true);
        var (byVerifier, _) = await SaveReportAsync(app, id, "2026-10", 30, submit: true, user: Verifier);

        await using var author = await app.AsAsync(Author);
        var report = (await author.Get<ReportService>().GetAsync(byAuthor))!;
        Assert.False(report.CanVerify);
        await Assert.ThrowsAsync<AccessDeniedException>(() => author.Get<ReportService>().VerifyAsync(byAuthor, report.Version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => author.Get<ReportService>().ReturnAsync(byAuthor, new ReturnInput { Reason = "x", Version = report.Version }));

        await using var verifier = await app.AsAsync(Verifier);
        var own = (await verifier.Get<ReportService>().GetAsync(byVerifier))!;
        Assert.True(own.IsOwnReport);
        Assert.False(own.CanVerify);
        var refused = await verifier.Get<ReportService>().VerifyAsync(byVerifier, own.Version);
        var refusedReturn = await verifier.Get<ReportService>().ReturnAsync(byVerifier, new ReturnInput { Reason = "Cek lagi.", Version = own.Version });

        Assert.Equal(OwnReport, Assert.Single(refused.Errors[ReportService.StateField]));
        Assert.Equal(OwnReport, Assert.Single(refusedReturn.Errors[ReportService.StateField]));
        Assert.Equal(ReportState.Submitted, await StateAsync(byAuthor));
        Assert.Equal(ReportState.Submitted, await StateAsync(byVerifier));
        Assert.Equal(QuickWinStatus.Planned, (await DetailAsync(app, id)).Status);
    }

    [Fact]
    public async Task Only_submitted_reports_are_verified_or_returned()
    {
        var id = await CreateFreshAsync(app, "Uji status");
        var (draft, draftVersion) = await SaveReportAsync(app, id, "2026-10", 20, submit: false);
        await using var verifier = await app.AsAsync(Verifier);

        var verify = await verifier.Get<ReportService>().VerifyAsync(draft, draftVersion);
        var giveBack = await verifier.Get<ReportService>().ReturnAsync(draft, new ReturnInput { Reason = "Belum dikirim.", Version = draftVersion });

        Assert.Equal("Hanya laporan berstatus Dikirim yang dapat diverifikasi atau dikembalikan.", Assert.Single(verify.Errors[ReportService.StateField]));
        Assert.NotEmpty(giveBack.Errors[ReportService.StateField]);
        Assert.Equal(ReportState.Draft, await StateAsync(draft));
        Assert.Equal(0, (await DetailAsync(app, id)).Progress.Percent);

        var (submitted, _) = await SaveReportAsync(app, id, "2026-10", 20, submit: true, reportId: draft, version: draftVersion);
        Assert.True((await VerifyAsync(app, submitted)).Succeeded);
        var twice = await verifier.Get<ReportService>().VerifyAsync(submitted, (await verifier.Get<ReportService>().GetAsync(submitted))!.Version);
        Assert.NotEmpty(twice.Errors[ReportService.StateField]);
    }

    public static TheoryData<string, string, decimal, string> RefusedReports => new()
    {
        { "future", "", 10, nameof(ReportInput.Period) },
        { "quarter", "2026-Q3", 10, nameof(ReportInput.Period) },
        { "before start", "2026-04", 10, nameof(ReportInput.Period) },
        { "duplicate", "2026-09", 10, nameof(ReportInput.Period) },
        { "bad format", "2026-13", 10, nameof(ReportInput.Period) },
        { "no period", "", 10, nameof(ReportInput.Period) },
        { "percent 101", "2026-10", 101, nameof(ReportInput.Percent) },
        { "negative percent", "2026-10", -1, nameof(ReportInput.Percent) },
        { "three decimals", "2026-10", 10.125m, nameof(ReportInput.Percent) },
    };

    [Theory]
    [MemberData(nameof(RefusedReports))]
    public async Task A_report_the_rules_forbid_is_refused_as_draft_and_on_submit_and_saves_nothing(string why, string period, decimal percent, string field)
    {
        var id = await CreateFreshAsync(app, "Uji tolak", start: new DateTime(2026, 6, 1));
        await SaveReportAsync(app, id, "2026-09", 10, submit: false);
        if (why == "future")
        {
            period = app.Clock.GetUtcNow().UtcDateTime.AddMonths(2).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        await using var staff = await app.AsAsync(Author);
        var before = await CountsAsync(app);

        foreach (var submit in new[] { false, true })
        {
            var result = await staff.Get<ReportService>().SaveAsync(id, null, new ReportInput { Period = period, Percent = percent, Narrative = "Uji." }, submit);

            Assert.False(result.Succeeded, why);
            Assert.NotEmpty(result.Errors[field]);
        }

        Assert.Equal(before, await CountsAsync(app));
        var expected = why switch
        {
            "future" => "Periode di masa depan belum dapat dilaporkan.",
            "quarter" => "Jenis periode tidak sesuai dengan pengaturan daerah (bulanan/triwulanan).",
            "before start" => "Periode ini berakhir sebelum quick win dimulai (",
            "duplicate" => "Sudah ada laporan untuk quick win ini pada periode tersebut.",
            "percent 101" or "negative percent" => "Persentase harus antara 0 dan 100.",
            "three decimals" => "Paling banyak dua angka desimal.",
            _ => null,
        };
        if (expected is not null)
        {
            var message = (await staff.Get<ReportService>().SaveAsync(id, null, new ReportInput { Period = period, Percent = percent })).Errors[field];
            Assert.StartsWith(expected, Assert.Single(message), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_second_editor_of_a_draft_gets_a_conflict_and_may_overwrite()
    {
        var id = await CreateFreshAsync(app, "Uji konflik laporan");
        var (reportId, _) = await SaveReportAsync(app, id, "2026-10", 20, submit: false);
        await using var first = await app.AsAsync(Author);
        await using var second = await app.AsAsync(Verifier);
        var firstInput = (await first.Get<ReportService>().GetAsync(reportId))!.ToInput();
        var secondInput = (await second.Get<ReportService>().GetAsync(reportId))!.ToInput();
        firstInput.Percent = 35;
        secondInput.Narrative = "Versi kedua.";

        var firstSave = await first.Get<ReportService>().SaveAsync(id, reportId, firstInput);
        var secondSave = await second.Get<ReportService>().SaveAsync(id, reportId, secondInput);

        Assert.True(firstSave.Succeeded);
        Assert.NotNull(secondSave.Conflict);
        Assert.Equal(Author, secondSave.Conflict.ChangedBy);
        Assert.Contains(secondSave.Conflict.Differences, d => d.Yours == Format(20) && d.Saved == Format(35));
        Assert.Contains(secondSave.Conflict.Differences, d => d.Yours == "Versi kedua." && d.Saved == "Kemajuan 2026-10.");
        await using (var db = app.CreateDbContext())
        {
            var saved = await db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
            Assert.Equal((35m, "Kemajuan 2026-10."), (saved.Percent, saved.Narrative));
        }

        var overwrite = await second.Get<ReportService>().SaveAsync(id, reportId, secondInput, overwrite: true);

        Assert.True(overwrite.Succeeded);
        await using var check = app.CreateDbContext();
        var after = await check.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
        Assert.Equal((20m, "Versi kedua."), (after.Percent, after.Narrative));

        static string? Format(decimal value) => SmartCity.Web.Components.Shared.Format.Number(value);
    }

    [Fact]
    public async Task A_draft_can_be_deleted_with_its_KPI_values_but_a_submitted_report_cannot()
    {
        var id = await CreateFreshAsync(app, "Uji hapus draf");
        int kpiId;
        await using (var staff = await app.AsAsync(Author))
        {
            kpiId = (await staff.Get<QuickWinPlanService>().SaveKpiAsync(id, null, new KpiInput { Name = "Desa", Unit = "desa", Baseline = 0, Target = 10 })).Id!.Value;
        }

        var (draft, _) = await SaveReportAsync(app, id, "2026-09", 10, submit: false, actuals: [new KpiActualInput { KpiId = kpiId, Value = 2 }]);
        var (submitted, _) = await SaveReportAsync(app, id, "2026-10", 20, submit: true);
        await using var author = await app.AsAsync(Author);

        Assert.True((await author.Get<ReportService>().DeleteDraftAsync(draft)).Succeeded);
        var refused = await author.Get<ReportService>().DeleteDraftAsync(submitted);

        Assert.NotEmpty(refused.Errors[ReportService.StateField]);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ProgressReports.AnyAsync(r => r.Id == draft));
        Assert.False(await db.ReportKpiActuals.AnyAsync(a => a.ProgressReportId == draft));
        Assert.True(await db.ProgressReports.AnyAsync(r => r.Id == submitted));
    }

    [Fact]
    public async Task Verifying_is_audited_with_the_verifier_the_regency_and_old_and_new_values()
    {
        var jepara = await RegencyIdAsync(app, Jepara);
        var id = await CreateFreshAsync(app, "Uji audit verifikasi");
        var (reportId, _) = await SaveReportAsync(app, id, "2026-10", 25, submit: true);

        Assert.True((await VerifyAsync(app, reportId)).Succeeded);

        await using var db = app.CreateDbContext();
        var key = reportId.ToString(CultureInfo.InvariantCulture);
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(ProgressReport) && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(AuditAction.Insert, rows[0].Action);
        Assert.Equal(Author, rows[0].UserName);
        var verification = rows[^1];
        Assert.Equal((AuditAction.Update, Verifier, (int?)jepara), (verification.Action, verification.UserName, verification.RegencyId));
        Assert.False(string.IsNullOrEmpty(verification.CorrelationId));
        using (var changes = JsonDocument.Parse(verification.Changes))
        {
            var state = Assert.Single(changes.RootElement.EnumerateArray(), c => c.GetProperty("field").GetString() == nameof(ProgressReport.State));
            Assert.Equal(("Submitted", "Verified"), (state.GetProperty("old").GetString(), state.GetProperty("new").GetString()));
            Assert.Contains(changes.RootElement.EnumerateArray(), c => c.GetProperty("field").GetString() == nameof(ProgressReport.VerifiedById) && c.GetProperty("old").ValueKind == JsonValueKind.Null);
        }

        // The quick win started with its first verified report: that change is audited too, by the verifier.
        var quickWinKey = id.ToString(CultureInfo.InvariantCulture);
        var started = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(QuickWin) && a.EntityKey == quickWinKey && a.Action == AuditAction.Update).SingleAsync();
        Assert.Equal((Verifier, (int?)jepara), (started.UserName, started.RegencyId));
        using var quickWinChanges = JsonDocument.Parse(started.Changes);
        var status = Assert.Single(quickWinChanges.RootElement.EnumerateArray());
        Assert.Equal(("Status", "Planned", "Running"), (status.GetProperty("field").GetString(), status.GetProperty("old").GetString(), status.GetProperty("new").GetString()));
    }
}
