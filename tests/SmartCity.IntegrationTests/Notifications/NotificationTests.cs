using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.Notifications;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Assessments;
using SmartCity.IntegrationTests.Masterplans;
using SmartCity.IntegrationTests.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Assessments;
using SmartCity.Web.Features.Masterplans;
using SmartCity.Web.Features.Notifications;
using SmartCity.Web.Features.QuickWins;

namespace SmartCity.IntegrationTests.Notifications;

/// <summary>
/// Notifications on real PostgreSQL: every event notifies its users once (a repeat inserts nothing), each user reads and marks
/// only their own, and the report-due job runs once per period however many instances run it at the same time.
/// </summary>
public sealed class NotificationTests(SmallApp app) : IClassFixture<SmallApp>
{
    private async Task<List<Notification>> OfAsync(string userName, NotificationKind? kind = null)
    {
        await using var db = app.CreateDbContext();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == id && (kind == null || n.Kind == kind)).OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> NotifyDirectlyAsync(IEnumerable<string> userIds, string key)
    {
        await using var db = app.CreateDbContext();
        return await Notifier.NotifyAsync(db, userIds, NotificationKind.MasterplanComment, "Uji langsung", null, "/masterplans", null, key, TestNow.Start);
    }

    [Fact]
    public async Task A_returned_report_notifies_its_author_once_and_a_second_return_again()
    {
        var quickWin = await QuickWinTestData.CreateFreshAsync(app, "Uji notifikasi");
        var (reportId, version) = await QuickWinTestData.SaveReportAsync(app, quickWin, "2026-09", 30, submit: true);
        var before = (await OfAsync(QuickWinTestData.Verifier, NotificationKind.ReportReturned)).Count;

        await using (var verifier = await app.AsAsync(QuickWinTestData.Verifier))
        {
            var returned = await verifier.Get<ReportService>().ReturnAsync(reportId, new ReturnInput { Reason = "Lengkapi bukti.", Version = version });
            Assert.True(returned.Succeeded);
        }

        var mine = (await OfAsync(QuickWinTestData.Author, NotificationKind.ReportReturned)).Where(n => n.Url == $"/reports/{reportId}").ToList();
        var note = Assert.Single(mine);
        Assert.Equal(("2026-09", $"report-returned:{reportId}:{version}"), (note.Detail, note.DedupKey));
        Assert.StartsWith("Uji notifikasi", note.Subject, StringComparison.Ordinal);
        Assert.Null(note.ReadAt);
        Assert.Equal(before, (await OfAsync(QuickWinTestData.Verifier, NotificationKind.ReportReturned)).Count); // only the author

        // The same event raised again inserts nothing.
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await Notifier.NotifyAsync(
                db, [note.UserId], NotificationKind.ReportReturned, note.Subject, note.Detail, note.Url, note.RegencyId, note.DedupKey, TestNow.Start));
        }

        Assert.Single(await OfAsync(QuickWinTestData.Author, NotificationKind.ReportReturned), n => n.Url == $"/reports/{reportId}");

        // Resubmitted and returned once more: a new event, a second notification.
        await using (var author = await app.AsAsync(QuickWinTestData.Author))
        {
            var input = (await author.Get<ReportService>().GetAsync(reportId))!.ToInput();
            Assert.True((await author.Get<ReportService>().SaveAsync(quickWin, reportId, input, submit: true)).Succeeded);
        }

        await using (var verifier = await app.AsAsync(QuickWinTestData.Verifier))
        {
            var again = (await verifier.Get<ReportService>().GetAsync(reportId))!;
            Assert.True((await verifier.Get<ReportService>().ReturnAsync(reportId, new ReturnInput { Reason = "Masih kurang.", Version = again.Version })).Succeeded);
        }

        Assert.Equal(2, (await OfAsync(QuickWinTestData.Author, NotificationKind.ReportReturned)).Count(n => n.Url == $"/reports/{reportId}"));
    }

    [Fact]
    public async Task A_conflicting_return_saves_no_notification()
    {
        var quickWin = await QuickWinTestData.CreateFreshAsync(app, "Uji konflik");
        var (reportId, version) = await QuickWinTestData.SaveReportAsync(app, quickWin, "2026-08", 20, submit: true);
        await using (var db = app.CreateDbContext())
        {
            // Someone changes the report after the verifier loaded it.
            await db.ProgressReports.Where(r => r.Id == reportId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Narrative, "Diubah."));
        }

        await using var verifier = await app.AsAsync(QuickWinTestData.Verifier);
        var result = await verifier.Get<ReportService>().ReturnAsync(reportId, new ReturnInput { Reason = "Lengkapi.", Version = version });

        Assert.False(result.Succeeded);
        Assert.DoesNotContain(await OfAsync(QuickWinTestData.Author, NotificationKind.ReportReturned), n => n.Url == $"/reports/{reportId}");
    }

    [Fact]
    public async Task Masterplan_submission_revision_comment_and_approval_notify_planners_and_for_submissions_admins_once()
    {
        var (id, _) = await MasterplanTestData.CreateAsync(app);
        await MasterplanTestData.CompleteAsync(app, id);
        var detail = await MasterplanTestData.DetailAsync(app, id);
        await MasterplanTestData.EnsureSecondPlannerAsync(app);
        await using var planner = await app.AsAsync(MasterplanTestData.Planner);
        await using var assessor = await app.AsAsync("penilai1");
        await using var admin = await app.AsAsync("admin");
        var key = $"masterplan:{id}:";
        List<Notification> For(List<Notification> all) => all.Where(n => n.DedupKey.StartsWith(key, StringComparison.Ordinal)).ToList();

        MasterplanTestData.AssertSaved(await planner.Get<MasterplanReviewService>().SubmitAsync(id, detail.Version));

        var second = For(await OfAsync(MasterplanTestData.SecondPlanner, NotificationKind.MasterplanState));
        Assert.Equal(($"{key}v1:Submitted", "Submitted", $"/masterplans/{id}"), (Assert.Single(second).DedupKey, second[0].Detail, second[0].Url));
        Assert.Single(For(await OfAsync("admin", NotificationKind.MasterplanState)));
        Assert.Empty(For(await OfAsync(MasterplanTestData.Planner, NotificationKind.MasterplanState))); // not the actor
        Assert.Empty(For(await OfAsync(MasterplanTestData.JeparaPlanner))); // another regency

        var row = await MasterplanTestData.RowAsync(app, id);
        MasterplanTestData.AssertSaved(await assessor.Get<MasterplanReviewService>().RequestRevisionAsync(
            id, row.Version, new CommentInput { Anchor = MasterplanBlocks.Vision, Text = "Visi perlu menyebut layanan publik." }));
        var planners = For(await OfAsync(MasterplanTestData.Planner, NotificationKind.MasterplanState));
        Assert.Equal($"{key}v2:RevisionRequested", Assert.Single(planners).DedupKey);
        Assert.Single(For(await OfAsync("admin", NotificationKind.MasterplanState))); // admins only for submissions

        // An answer of the planner reaches the reviewer who opened the thread, not the planner.
        var comment = Assert.Single((await MasterplanTestData.DetailAsync(app, id)).Comments);
        MasterplanTestData.AssertSaved(await planner.Get<MasterplanReviewService>().CommentAsync(id, new CommentInput { Text = "Sudah ditambahkan.", ParentId = comment.Id, Anchor = "vision" }));
        var reviewerNotes = (await OfAsync("penilai1", NotificationKind.MasterplanComment)).Where(n => n.Url == $"/masterplans/{id}").ToList();
        Assert.Single(reviewerNotes);
        Assert.Single(await OfAsync(MasterplanTestData.SecondPlanner, NotificationKind.MasterplanComment), n => n.Url == $"/masterplans/{id}");
        Assert.DoesNotContain(await OfAsync(MasterplanTestData.Planner, NotificationKind.MasterplanComment), n => n.Url == $"/masterplans/{id}");

        // Resubmit and approve.
        row = await MasterplanTestData.RowAsync(app, id);
        MasterplanTestData.AssertSaved(await planner.Get<MasterplanReviewService>().SubmitAsync(id, row.Version));
        row = await MasterplanTestData.RowAsync(app, id);
        MasterplanTestData.AssertSaved(await admin.Get<MasterplanReviewService>().ApproveAsync(id, row.Version));
        Assert.Equal(MasterplanState.Approved, (await MasterplanTestData.RowAsync(app, id)).State);
        var keys = For(await OfAsync(MasterplanTestData.Planner, NotificationKind.MasterplanState)).Select(n => n.DedupKey).ToList();
        Assert.Equal([$"{key}v2:RevisionRequested", $"{key}v2:Approved"], keys); // never their own submission
        var secondKeys = For(await OfAsync(MasterplanTestData.SecondPlanner, NotificationKind.MasterplanState)).Select(n => n.DedupKey).ToList();
        Assert.Equal([$"{key}v1:Submitted", $"{key}v2:RevisionRequested", $"{key}v2:Submitted", $"{key}v2:Approved"], secondKeys);
        var adminKeys = For(await OfAsync("admin", NotificationKind.MasterplanState)).Select(n => n.DedupKey).ToList();
        Assert.Equal([$"{key}v1:Submitted", $"{key}v2:Submitted"], adminKeys); // submissions only
    }

    [Fact]
    public async Task Opening_a_round_and_assigning_notify_once_and_the_job_tells_date_driven_states_once()
    {
        using var pin = app.Clock.Pin(new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        await using var admin = await app.AsAsync("admin");
        await using (var db = app.CreateDbContext())
        {
            var template = await db.Instruments.Where(i => i.IsTemplate && i.Kind == RoundKind.YearlyEvaluation).OrderByDescending(i => i.VersionNumber).Select(i => i.Id).FirstAsync();
            var created = await admin.Get<RoundService>().CreateAsync(new RoundInput
            {
                Name = "Evaluasi notifikasi",
                Kind = RoundKind.YearlyEvaluation,
                Year = 2026,
                TemplateId = template,
                SelfAssessmentOpensOn = new DateTime(2026, 3, 1),
                ScoringOpensOn = new DateTime(2026, 4, 1),
                ReconciliationOpensOn = new DateTime(2026, 5, 1),
                FinalisesOn = new DateTime(2026, 5, 31),
            });
            Assert.True(created.Succeeded, AssessmentTestData.Errors(created));
            var roundId = created.Id!.Value;
            var rounds = admin.Get<RoundService>();
            Assert.Equal(2, (await rounds.AddParticipantsAsync(roundId, new ParticipantSelection(RegencyCodes: ["33.20", "33.27"]))).Added);
            var jepara = await AssessmentTestData.RegencyIdAsync(app, "33.20");
            var pemalang = await AssessmentTestData.RegencyIdAsync(app, "33.27");
            foreach (var (regency, assessor) in new[] { (jepara, "penilai1"), (jepara, "penilai2"), (pemalang, "penilai1"), (pemalang, "penilai2") })
            {
                Assert.True((await admin.Get<AssignmentService>().AssignAsync(roundId, regency, await UserIdAsync(assessor))).Succeeded);
            }

            var assigned = (await OfAsync("penilai1", NotificationKind.AssignmentReceived)).Where(n => n.Subject == "Evaluasi notifikasi").ToList();
            Assert.Equal(2, assigned.Count);
            var names = await db.Regencies.Where(r => r.Id == jepara || r.Id == pemalang).Select(r => r.Name).OrderBy(n => n).ToListAsync();
            Assert.Equal(names, assigned.Select(n => n.Detail!).Order().ToList());
            Assert.All(assigned, n => Assert.Equal("/assessments/my", n.Url));
            Assert.DoesNotContain(await OfAsync("diskominfo.jepara", NotificationKind.RoundState), n => n.DedupKey.StartsWith($"round:{roundId}:", StringComparison.Ordinal));

            Assert.True((await rounds.OpenAsync(roundId)).Succeeded);

            string Key(RoundState state) => $"round:{roundId}:{state}";
            foreach (var user in new[] { "diskominfo.jepara", "bappeda.jepara", "diskominfo.pemalang", "penilai1", "penilai2" })
            {
                var notes = (await OfAsync(user, NotificationKind.RoundState)).Where(n => n.DedupKey.StartsWith($"round:{roundId}:", StringComparison.Ordinal)).ToList();
                Assert.Equal((Key(RoundState.SelfAssessment), "SelfAssessment", $"/assessments/{roundId}"), (Assert.Single(notes).DedupKey, notes[0].Detail, notes[0].Url));
            }

            Assert.DoesNotContain(await OfAsync("diskominfo.jombang", NotificationKind.RoundState), n => n.DedupKey.StartsWith($"round:{roundId}:", StringComparison.Ordinal));

            // The job tells each state the dates bring once: self-assessment was told at opening, scoring is new.
            var jobs = app.Services.GetRequiredService<IServiceScopeFactory>();
            async Task RunRoundsAsync()
            {
                await using var scope = jobs.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationJobService>().RunRoundStatesAsync();
            }

            using (app.Clock.Pin(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7))))
            {
                await RunRoundsAsync();
            }

            using (app.Clock.Pin(new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(7))))
            {
                await Task.WhenAll(RunRoundsAsync(), RunRoundsAsync());
                await RunRoundsAsync();
            }

            var penilai = (await OfAsync("penilai1", NotificationKind.RoundState)).Where(n => n.DedupKey.StartsWith($"round:{roundId}:", StringComparison.Ordinal)).Select(n => n.DedupKey).ToList();
            Assert.Equal([Key(RoundState.SelfAssessment), Key(RoundState.Scoring)], penilai);
            Assert.Equal(1, (await OfAsync("diskominfo.pemalang", NotificationKind.RoundState)).Count(n => n.DedupKey == Key(RoundState.Scoring)));
        }
    }

    [Fact]
    public async Task Results_published_at_finalisation_reach_the_participants_users_once()
    {
        await using var db = app.CreateDbContext();
        var finalised = await db.AssessmentRounds.AsNoTracking().Where(r => r.State == RoundState.Finalised).Select(r => r.Id).ToListAsync();
        Assert.NotEmpty(finalised); // the demo data finalises rounds through FinaliseService
        foreach (var roundId in finalised)
        {
            var participants = await db.RoundParticipants.Where(p => p.RoundId == roundId).Select(p => p.RegencyId).ToListAsync();
            var expected = await Notifier.RegencyUsers(db, db.RoundParticipants.Where(p => p.RoundId == roundId).Select(p => p.RegencyId)).OrderBy(u => u).ToListAsync();
            Assert.NotEmpty(expected);
            var told = await db.Notifications.Where(n => n.Kind == NotificationKind.ResultsPublished && n.DedupKey == $"results:{roundId}").Select(n => n.UserId).OrderBy(u => u).ToListAsync();
            Assert.Equal(expected, told);

            // Finalising again is refused and tells nobody a second time.
            var refused = await FinaliseService.FinaliseCoreAsync(db, roundId, TestNow.Start, CancellationToken.None);
            Assert.NotNull(refused);
            Assert.Equal(expected.Count, await db.Notifications.CountAsync(n => n.DedupKey == $"results:{roundId}"));
        }
    }

    [Fact]
    public async Task Users_read_and_mark_only_their_own_notifications()
    {
        var a = await UserIdAsync("diskominfo.pemalang");
        var b = await UserIdAsync("diskominfo.jombang");
        var key = $"tenant:{Guid.NewGuid():N}";
        Assert.Equal(2, await NotifyDirectlyAsync([a, b], key));
        Assert.Equal(0, await NotifyDirectlyAsync([a, b, a], key)); // repeat: nothing new
        await using var db = app.CreateDbContext();
        var aNote = await db.Notifications.SingleAsync(n => n.UserId == a && n.DedupKey == key);
        var bNote = await db.Notifications.SingleAsync(n => n.UserId == b && n.DedupKey == key);

        await using var userA = await app.AsAsync("diskominfo.pemalang");
        await using var userB = await app.AsAsync("diskominfo.jombang");
        var serviceB = userB.Get<NotificationService>();

        // B never sees A's notification and cannot mark it.
        Assert.DoesNotContain((await serviceB.ListAsync(1, 100)).Items, n => n.Id == aNote.Id);
        Assert.DoesNotContain((await serviceB.RecentAsync(100)).Items, n => n.Id == aNote.Id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => serviceB.MarkReadAsync(aNote.Id));
        Assert.Contains(app.Logs.Messages(), m => m.Contains("Access refused", StringComparison.Ordinal) && m.Contains($"notification {aNote.Id}", StringComparison.Ordinal));
        var unreadA = await userA.Get<NotificationService>().UnreadCountAsync();
        Assert.True(unreadA >= 1);

        // B marks all of B's: A's stays unread.
        Assert.True(await serviceB.MarkAllReadAsync() >= 1);
        Assert.Equal(0, await serviceB.UnreadCountAsync());
        Assert.Null((await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == aNote.Id)).ReadAt);
        Assert.NotNull((await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == bNote.Id)).ReadAt);
        Assert.Equal(unreadA, await userA.Get<NotificationService>().UnreadCountAsync());

        // A marks their own: once.
        Assert.True(await userA.Get<NotificationService>().MarkReadAsync(aNote.Id));
        Assert.False(await userA.Get<NotificationService>().MarkReadAsync(aNote.Id));
        Assert.Equal(unreadA - 1, await userA.Get<NotificationService>().UnreadCountAsync());
        var inbox = await userA.Get<NotificationService>().RecentAsync();
        Assert.Equal(unreadA - 1, inbox.Unread);
        Assert.Contains(inbox.Items, n => n.Id == aNote.Id && n.IsRead);

        // Anonymous visitors have no inbox.
        await using var anonymous = await app.AsAsync(null);
        Assert.Equal(0, await anonymous.Get<NotificationService>().UnreadCountAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<NotificationService>().ListAsync());
    }

    [Fact]
    public async Task The_due_job_notifies_once_per_period_even_when_two_instances_run_it_at_once_and_again_next_period()
    {
        var fresh = await QuickWinTestData.CreateFreshAsync(app, "Uji jatuh tempo", new DateTime(2026, 1, 1));
        var jobs = app.Services.GetRequiredService<IServiceScopeFactory>();
        async Task<IReadOnlyList<DueRun>> RunAsync()
        {
            await using var scope = jobs.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NotificationJobService>().RunDueAsync();
        }

        async Task<int> ExpectedAsync(string period, DateOnly periodEnd)
        {
            await using var db = app.CreateDbContext();
            var staff = Notifier.UsersInRoles(db, Roles.DiskominfoStaff);
            return await db.QuickWins.Where(q => !q.IsArchived && (q.Status == QuickWinStatus.Planned || q.Status == QuickWinStatus.Running) && q.StartDate <= periodEnd
                    && db.Regencies.Any(r => r.Id == q.RegencyId && r.IsActive && r.ReportingPeriod == ReportingPeriodKind.Monthly)
                    && !db.ProgressReports.Any(p => p.QuickWinId == q.Id && p.Period == period && (p.State == ReportState.Submitted || p.State == ReportState.Verified)))
                .SelectMany(q => staff.Where(u => u.RegencyId == q.RegencyId), (q, u) => q.Id)
                .CountAsync();
        }

        async Task<int> CountAsync(string period)
        {
            await using var db = app.CreateDbContext();
            return await db.Notifications.CountAsync(n => n.Kind == NotificationKind.ReportDue && n.Detail == period);
        }

        // 3 November 2026 (WIB): October has ended in every zone. Two instances wake up at the same moment.
        using (app.Clock.Pin(new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.FromHours(7))))
        {
            var both = await Task.WhenAll(RunAsync(), RunAsync());
            var runs = both.SelectMany(r => r).ToList();
            Assert.All(runs.Where(r => r.Job.EndsWith("-monthly", StringComparison.Ordinal)), r => Assert.Equal("2026-10", r.Period));
            foreach (var job in runs.GroupBy(r => r.Job))
            {
                Assert.Equal(1, job.Count(r => r.Claimed)); // one instance per (job, period)
            }

            var expected = await ExpectedAsync("2026-10", new DateOnly(2026, 10, 31));
            Assert.True(expected > 0);
            Assert.Equal(expected, await CountAsync("2026-10"));
            Assert.Equal(expected, runs.Where(r => r.Job.EndsWith("-monthly", StringComparison.Ordinal)).Sum(r => r.Created));
            var jepara = await OfAsync("diskominfo.jepara", NotificationKind.ReportDue);
            var due = Assert.Single(jepara, n => n.Url == $"/quick-wins/{fresh}");
            Assert.Equal(($"report-due:{fresh}:2026-10", "2026-10"), (due.DedupKey, due.Detail));

            // Later the same period: claimed already, nothing new.
            Assert.All(await RunAsync(), r => Assert.False(r.Claimed));
            Assert.Equal(expected, await CountAsync("2026-10"));
        }

        // The quick win reports November in time: no due notice for it; the others get one.
        await QuickWinTestData.SaveReportAsync(app, fresh, "2026-11", 40, submit: true);
        using (app.Clock.Pin(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7))))
        {
            var runs = (await RunAsync()).Where(r => r.Job.EndsWith("-monthly", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(runs);
            Assert.All(runs, r => Assert.True(r.Claimed && r.Period == "2026-11"));
            var expected = await ExpectedAsync("2026-11", new DateOnly(2026, 11, 30));
            Assert.Equal(expected, await CountAsync("2026-11"));
            Assert.DoesNotContain(await OfAsync("diskominfo.jepara", NotificationKind.ReportDue), n => n.DedupKey == $"report-due:{fresh}:2026-11");
        }

        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.JobRuns.CountAsync(j => j.Job == "report-due-wib-monthly" && j.Period == "2026-10"));
    }
}
