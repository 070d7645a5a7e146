using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmartCity.Domain.Masterplans;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Masterplans;
using static SmartCity.IntegrationTests.Masterplans.MasterplanTestData;

namespace SmartCity.IntegrationTests.Masterplans;

/// <summary>
/// The workflow on real PostgreSQL: submit (refused while incomplete), revision requested with an anchored comment, answers and
/// resolution, resubmission, admin approval, amendment as version N+1, versions immutable in the database, and who may do what.
/// </summary>
public sealed class ReviewServiceTests(SmallApp app) : IClassFixture<SmallApp>
{
    private async Task<List<MasterplanVersion>> VersionsAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.MasterplanVersions.AsNoTracking().Where(v => v.MasterplanId == id).OrderBy(v => v.Number).ToListAsync();
    }

    [Fact]
    public async Task Submitting_an_incomplete_plan_is_refused_with_a_message_and_changes_nothing()
    {
        var (id, _) = await CreateAsync(app);
        var before = await RowAsync(app, id);
        var issues = (await DetailAsync(app, id)).Completeness.Count;
        await using var planner = await app.AsAsync(Planner);

        var result = await planner.Get<MasterplanReviewService>().SubmitAsync(id, before.Version);

        Assert.Equal($"Masterplan belum lengkap: {issues} hal pada panel kelengkapan harus diselesaikan sebelum diajukan.", Assert.Single(result.Errors[nameof(Masterplan.State)]));
        var after = await RowAsync(app, id);
        Assert.Equal((MasterplanState.Draft, 1, before.Version), (after.State, after.WorkingVersion, after.Version));
        Assert.Empty(await VersionsAsync(id));
    }

    [Fact]
    public async Task A_quick_win_starting_after_the_first_two_years_keeps_the_plan_from_being_submitted()
    {
        var (id, start) = await CreateAsync(app);
        await CompleteAsync(app, id);
        var programme = (await DetailAsync(app, id)).Programmes[0].Id;
        var late = await AddQuickWinAsync(app, programme, new DateOnly(start + 2, 1, 1));

        var detail = await DetailAsync(app, id);
        var issue = Assert.Single(detail.Completeness);
        Assert.Equal((CompletenessRule.QuickWinStartsLate, late), (issue.Rule, issue.SubjectId));
        await using var planner = await app.AsAsync(Planner);
        Assert.False((await planner.Get<MasterplanReviewService>().SubmitAsync(id, detail.Version)).Succeeded);
        Assert.Empty(await VersionsAsync(id));
    }

    [Fact]
    public async Task The_whole_workflow_from_draft_through_revision_to_approval_and_amendment()
    {
        var (id, _) = await CreateAsync(app);
        await CompleteAsync(app, id);
        var detail = await DetailAsync(app, id);
        Assert.Empty(detail.Completeness);
        await using var planner = await app.AsAsync(Planner);
        await using var assessor = await app.AsAsync("penilai1");
        await using var admin = await app.AsAsync("admin");
        var plannerReview = planner.Get<MasterplanReviewService>();

        // Submit: version 1 with the vision; editing is locked.
        var submitted = await plannerReview.SubmitAsync(id, detail.Version);
        AssertSaved(submitted);
        var row = await RowAsync(app, id);
        Assert.Equal((MasterplanState.Submitted, 1), (row.State, row.WorkingVersion));
        var v1 = Assert.Single(await VersionsAsync(id));
        Assert.Equal(1, v1.Number);
        Assert.Equal(detail.Vision, MasterplanSnapshot.FromJson(v1.Snapshot).Vision);
        Assert.Equal(6, MasterplanSnapshot.FromJson(v1.Snapshot).Programmes.Count);
        await Assert.ThrowsAsync<AccessDeniedException>(() => planner.Get<MasterplanBlockService>().SaveTextAsync(id, Vision(detail, "Diubah saat diajukan."), overwrite: true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => plannerReview.SubmitAsync(id, row.Version));
        var asReviewer = await DetailAsync(app, id, "penilai1");
        Assert.True(asReviewer.CanReview && !asReviewer.CanApprove && !asReviewer.CanEdit);
        Assert.True((await DetailAsync(app, id, "admin")).CanApprove);

        // Nobody but an admin approves; a planner cannot review.
        await Assert.ThrowsAsync<AccessDeniedException>(() => assessor.Get<MasterplanReviewService>().ApproveAsync(id, row.Version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => plannerReview.ApproveAsync(id, row.Version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => plannerReview.RequestRevisionAsync(id, row.Version, new CommentInput { Anchor = "vision", Text = "Sendiri." }));
        Assert.Equal(MasterplanState.Submitted, (await RowAsync(app, id)).State);

        // penilai1 requests a revision with a comment on the vision.
        var revision = await assessor.Get<MasterplanReviewService>().RequestRevisionAsync(id, row.Version, new CommentInput { Anchor = MasterplanBlocks.Vision, Text = "Visi belum menyebut layanan publik." });
        AssertSaved(revision);
        row = await RowAsync(app, id);
        Assert.Equal((MasterplanState.RevisionRequested, 2), (row.State, row.WorkingVersion));
        detail = await DetailAsync(app, id);
        var comment = Assert.Single(detail.Comments);
        Assert.Equal((MasterplanBlocks.Vision, 1, (int?)null, (DateTimeOffset?)null), (comment.Anchor, comment.VersionNumber, comment.ParentId, comment.ResolvedAt));

        // The planner answers and resolves; an answer cannot be resolved on its own.
        var answer = await plannerReview.CommentAsync(id, new CommentInput { Text = "Sudah kami tambahkan.", ParentId = comment.Id, Anchor = "roadmap" });
        AssertSaved(answer);
        Assert.False((await plannerReview.ResolveAsync(answer.Id!.Value, true)).Succeeded);
        AssertSaved(await plannerReview.ResolveAsync(comment.Id, true));
        detail = await DetailAsync(app, id);
        var thread = detail.Comments.Single(c => c.Id == answer.Id);
        Assert.Equal((comment.Id, MasterplanBlocks.Vision, 1), (thread.ParentId!.Value, thread.Anchor, thread.VersionNumber));
        Assert.NotNull(detail.Comments.Single(c => c.Id == comment.Id).ResolvedAt);

        // The planner edits and resubmits: version 2.
        AssertSaved(await planner.Get<MasterplanBlockService>().SaveTextAsync(id, Vision(detail, "Jombang cerdas dengan layanan publik terpadu.")));
        row = await RowAsync(app, id);
        AssertSaved(await plannerReview.SubmitAsync(id, row.Version));
        var versions = await VersionsAsync(id);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("Jombang cerdas dengan layanan publik terpadu.", MasterplanSnapshot.FromJson(versions[1].Snapshot).Vision);
        Assert.Equal(v1.Snapshot, versions[0].Snapshot);

        // The admin approves; a second approval with the old row version is refused.
        row = await RowAsync(app, id);
        AssertSaved(await admin.Get<MasterplanReviewService>().ApproveAsync(id, row.Version));
        var approved = await RowAsync(app, id);
        Assert.Equal((MasterplanState.Approved, 2, (int?)2), (approved.State, approved.WorkingVersion, approved.ApprovedVersion));
        versions = await VersionsAsync(id);
        Assert.NotNull(versions[1].ApprovedAt);
        Assert.NotNull(versions[1].ApprovedById);
        Assert.Null(versions[0].ApprovedAt);
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.Get<MasterplanReviewService>().ApproveAsync(id, row.Version));
        Assert.Equal(approved.Version, (await RowAsync(app, id)).Version);

        // Amendment: version 3 is drafted while version 2 stays the approved one; the stored versions are untouched.
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.Get<MasterplanReviewService>().AmendAsync(id, approved.Version));
        AssertSaved(await plannerReview.AmendAsync(id, approved.Version));
        var amended = await RowAsync(app, id);
        Assert.Equal((MasterplanState.Draft, 3, (int?)2), (amended.State, amended.WorkingVersion, amended.ApprovedVersion));
        var after = await VersionsAsync(id);
        Assert.Equal(versions.Select(v => (v.Number, v.Snapshot, v.SubmittedAt, v.ApprovedAt)), after.Select(v => (v.Number, v.Snapshot, v.SubmittedAt, v.ApprovedAt)));
        detail = await DetailAsync(app, id);
        Assert.True(detail.CanEdit && detail.CanSubmit && !detail.CanAmend);
        Assert.Equal([1, 2], detail.Versions.Select(v => v.Number));
        Assert.NotNull(detail.Versions[1].ApprovedBy);
    }

    [Fact]
    public async Task A_transition_made_on_a_plan_changed_since_it_was_loaded_is_refused()
    {
        var (id, _) = await CreateAsync(app);
        await CompleteAsync(app, id);
        var stale = (await RowAsync(app, id)).Version;
        await using var planner = await app.AsAsync(Planner);
        var loaded = await DetailAsync(app, id);
        AssertSaved(await planner.Get<MasterplanBlockService>().SaveTextAsync(id, Vision(loaded, "Visi terbaru.")));

        var result = await planner.Get<MasterplanReviewService>().SubmitAsync(id, stale);

        Assert.Equal("Masterplan telah diubah orang lain sejak Anda membukanya. Muat ulang lalu coba lagi.", Assert.Single(result.Errors[nameof(Masterplan.State)]));
        Assert.Equal(MasterplanState.Draft, (await RowAsync(app, id)).State);
        Assert.Empty(await VersionsAsync(id));
    }

    [Fact]
    public async Task A_stored_version_cannot_be_changed_in_the_database_but_its_approval_can_be_recorded()
    {
        var (id, _) = await CreateAsync(app);
        await CompleteAsync(app, id);
        await using (var planner = await app.AsAsync(Planner))
        {
            AssertSaved(await planner.Get<MasterplanReviewService>().SubmitAsync(id, (await RowAsync(app, id)).Version));
        }

        var version = Assert.Single(await VersionsAsync(id));
        await using var db = app.CreateDbContext();

        var snapshot = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"MasterplanVersions\" SET \"Snapshot\" = CAST({0} AS jsonb) WHERE \"Id\" = {1}", "{\"title\":\"dipalsukan\"}", version.Id));
        var number = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"MasterplanVersions\" SET \"Number\" = 7 WHERE \"Id\" = {0}", version.Id));
        var submitter = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"MasterplanVersions\" SET \"SubmittedById\" = NULL WHERE \"Id\" = {0}", version.Id));
        Assert.All([snapshot, number, submitter], e => Assert.Equal(PostgresErrorCodes.CheckViolation, e.SqlState));
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE \"MasterplanVersions\" SET \"ApprovedAt\" = now() WHERE \"Id\" = {0}", version.Id));

        var stored = Assert.Single(await VersionsAsync(id));
        Assert.Equal((version.Snapshot, version.Number, version.SubmittedById), (stored.Snapshot, stored.Number, stored.SubmittedById));
    }

    [Fact]
    public async Task Reviewers_comment_only_on_submitted_plans_and_only_the_regencys_planners_and_reviewers_answer()
    {
        var (id, _) = await CreateAsync(app);
        await CompleteAsync(app, id);
        await using var assessor = await app.AsAsync("penilai2");
        var review = assessor.Get<MasterplanReviewService>();

        var onDraft = await review.CommentAsync(id, new CommentInput { Anchor = MasterplanBlocks.Vision, Text = "Terlalu awal." });
        Assert.Equal("Komentar baru hanya dapat diberikan saat masterplan diajukan.", Assert.Single(onDraft.Errors[nameof(CommentInput.Text)]));

        await using (var planner = await app.AsAsync(Planner))
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => planner.Get<MasterplanReviewService>().CommentAsync(id, new CommentInput { Anchor = MasterplanBlocks.Vision, Text = "Komentar sendiri." }));
            AssertSaved(await planner.Get<MasterplanReviewService>().SubmitAsync(id, (await RowAsync(app, id)).Version));
        }

        var programme = (await DetailAsync(app, id)).Programmes[0].Id;
        var badAnchor = await review.CommentAsync(id, new CommentInput { Anchor = "bab-9", Text = "?" });
        Assert.NotEmpty(badAnchor.Errors[nameof(CommentInput.Anchor)]);
        var onProgramme = await review.CommentAsync(id, new CommentInput { Anchor = MasterplanBlocks.ProgrammeOf(programme), Text = "Anggaran program belum jelas." });
        AssertSaved(onProgramme);

        async Task<int> CountAsync() => (await DetailAsync(app, id)).Comments.Count;
        var comments = await CountAsync();
        foreach (var outsider in new[] { "bappeda.jepara", "diskominfo.jombang" })
        {
            await using var other = await app.AsAsync(outsider);
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<MasterplanReviewService>().CommentAsync(id, new CommentInput { Text = "Jawaban orang lain.", ParentId = onProgramme.Id }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<MasterplanReviewService>().ResolveAsync(onProgramme.Id!.Value, true));
        }

        Assert.Equal(comments, await CountAsync());
        await using (var anonymous = await app.AsAsync(null))
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<MasterplanReviewService>().CommentAsync(id, new CommentInput { Text = "Anonim.", ParentId = onProgramme.Id }));
        }

        await using (var planner = await app.AsAsync(Planner))
        {
            var answer = await planner.Get<MasterplanReviewService>().CommentAsync(id, new CommentInput { Text = "Rincian anggaran ditambahkan.", ParentId = onProgramme.Id });
            AssertSaved(answer);
            var reply = await review.CommentAsync(id, new CommentInput { Text = "Terima kasih.", ParentId = answer.Id });
            AssertSaved(reply);
            var row = (await DetailAsync(app, id)).Comments.Single(c => c.Id == reply.Id);
            Assert.Equal((onProgramme.Id, MasterplanBlocks.ProgrammeOf(programme)), (row.ParentId, row.Anchor)); // answers hang on the thread's first comment
        }

        Assert.Equal(comments + 2, await CountAsync());
    }
}
