using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Masterplans;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Masterplans;
using static SmartCity.IntegrationTests.Masterplans.MasterplanTestData;

namespace SmartCity.IntegrationTests.Masterplans;

/// <summary>
/// Creating a plan, its frame, text blocks with autosaved drafts (one audit entry per applied block), block-scoped conflicts
/// of two planners, the readiness grid, goals and signatories, and the editor's SQL budget — on real PostgreSQL.
/// </summary>
public sealed class MasterplanServiceTests(SmallApp app) : IClassFixture<SmallApp>
{
    private int RefusalCount => app.Logs.Messages().Count(m => m.StartsWith("Access refused", StringComparison.Ordinal));

    private void AssertRefusalLogged(string user, int before)
    {
        var refusals = app.Logs.Messages().Where(m => m.StartsWith("Access refused", StringComparison.Ordinal)).ToList();
        Assert.True(refusals.Count > before, "the refusal was not logged");
        Assert.Contains(user, refusals[^1], StringComparison.Ordinal);
        Assert.Matches(@"\(correlation ""?[0-9a-f]{16,}""?\)", refusals[^1]);
    }

    private async Task<int> PlanCountAsync(int regencyId)
    {
        await using var db = app.CreateDbContext();
        return await db.Masterplans.CountAsync(m => m.RegencyId == regencyId);
    }

    /// <summary>The dashboards' one-command completeness gives exactly the editor's findings, for every plan in the database.</summary>
    [Fact]
    public async Task The_one_query_completeness_is_the_editors_for_every_plan()
    {
        static string Signature(IEnumerable<CompletenessIssue> issues) => string.Join("\n", issues.Select(i =>
            $"{i.Rule}|{i.Subject}|{i.SubjectId}|{string.Join(',', i.Arguments)}|{string.Join(',', i.Components)}"));
        await using var admin = await app.AsAsync("admin");
        await using var db = app.CreateDbContext();
        var ids = await db.Masterplans.Select(m => m.Id).ToListAsync();
        Assert.NotEmpty(ids);

        foreach (var id in ids)
        {
            var detail = (await admin.Get<MasterplanService>().GetAsync(id))!;
            Assert.Equal(Signature(detail.Completeness), Signature((await MasterplanService.CompletenessAsync(db, id, CancellationToken.None))!));
        }

        Assert.Null(await MasterplanService.CompletenessAsync(db, 987_654, CancellationToken.None));
    }

    [Fact]
    public async Task A_planner_creates_Jombangs_plan_and_it_is_listed_editable_and_audited()
    {
        var jombang = await RegencyIdAsync(app, Jombang);
        var start = await FreeStartAsync(app, jombang, 10);
        await using var planner = await app.AsAsync(Planner);
        var plans = planner.Get<MasterplanService>();

        var created = await plans.CreateAsync(jombang, Frame(start, 10, title: "  Masterplan Smart City Jombang  "));

        AssertSaved(created);
        var detail = (await plans.GetAsync(created.Id!.Value))!;
        Assert.Equal(("Masterplan Smart City Jombang", start, start + 10, MasterplanState.Draft, 1, (int?)null), (detail.Title, detail.StartYear, detail.EndYear, detail.State, detail.WorkingVersion, detail.ApprovedVersion));
        Assert.Equal((Jombang, "RPJMD Kabupaten 2025–2030", start - 1, start + 4), (detail.RegencyCode, detail.RpjmdTitle, detail.RpjmdStartYear, detail.RpjmdEndYear));
        Assert.True(detail.CanEdit && detail.CanSubmit && detail.CanDiscuss);
        Assert.False(detail.CanApprove || detail.CanReview || detail.CanAmend);
        Assert.Equal(9, detail.Readiness.Count);
        Assert.Equal(6, detail.Dimensions.Count);
        Assert.Contains(detail.Completeness, i => i.Rule == CompletenessRule.EmptyVision);
        Assert.Contains(created.Id.Value, (await plans.ListAsync(jombang, null, null, 1, 50)).Items.Select(r => r.Id));
        Assert.Equal(1, await AuditCountAsync(app, nameof(Masterplan), created.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True((await plans.FrameAsync(null))!.CanCreate);
    }

    [Fact]
    public async Task Periods_of_4_or_11_years_an_overlapping_period_and_a_duplicate_are_refused_and_nothing_is_saved()
    {
        var jombang = await RegencyIdAsync(app, Jombang);
        var (_, start) = await CreateAsync(app);
        await using var planner = await app.AsAsync(Planner);
        var plans = planner.Get<MasterplanService>();
        var count = await PlanCountAsync(jombang);
        var audits = await AuditCountAsync(app, nameof(Masterplan));

        var four = await plans.CreateAsync(jombang, Frame(start + 20, 4));
        var eleven = await plans.CreateAsync(jombang, Frame(start + 20, 11));
        var overlapping = await plans.CreateAsync(jombang, Frame(start + 2, 5));
        var enclosing = await plans.CreateAsync(jombang, Frame(start - 1, 7));
        var duplicate = await plans.CreateAsync(jombang, Frame(start, 5));

        Assert.Equal("Masa berlaku masterplan harus 5 sampai 10 tahun (tahun akhir − tahun awal).", Assert.Single(four.Errors[nameof(MasterplanInput.EndYear)]));
        Assert.NotEmpty(eleven.Errors[nameof(MasterplanInput.EndYear)]);
        Assert.Equal($"Periode ini bertumpang tindih dengan masterplan {start}–{start + 5}.", Assert.Single(overlapping.Errors[nameof(MasterplanInput.StartYear)]));
        Assert.NotEmpty(enclosing.Errors[nameof(MasterplanInput.StartYear)]);
        Assert.NotEmpty(duplicate.Errors[nameof(MasterplanInput.StartYear)]);
        Assert.Equal(count, await PlanCountAsync(jombang));
        Assert.Equal(audits, await AuditCountAsync(app, nameof(Masterplan)));
    }

    [Fact]
    public async Task The_frame_is_edited_with_a_conflict_when_someone_saved_first_and_cannot_overlap_another_plan()
    {
        var (id, start) = await CreateAsync(app);
        var (_, other) = await CreateAsync(app);
        var loaded = await RowAsync(app, id);
        await using var planner = await app.AsAsync(Planner);
        var plans = planner.Get<MasterplanService>();

        var first = Frame(start, 5, "Judul pertama");
        first.Version = loaded.Version;
        AssertSaved(await plans.UpdateFrameAsync(id, first));
        var stale = Frame(start, 5, "Judul kedua");
        stale.Version = loaded.Version;
        var conflict = await plans.UpdateFrameAsync(id, stale);
        var overlapping = Frame(other, 5, "Judul ketiga");
        overlapping.Version = (await RowAsync(app, id)).Version;
        var overlap = await plans.UpdateFrameAsync(id, overlapping);

        Assert.NotNull(conflict.Conflict);
        Assert.Contains(conflict.Conflict!.Differences, d => d.Yours == "Judul kedua" && d.Saved == "Judul pertama");
        Assert.NotEmpty(overlap.Errors[nameof(MasterplanInput.StartYear)]);
        var row = await RowAsync(app, id);
        Assert.Equal(("Judul pertama", start + 5, loaded.Version != row.Version), (row.Title, row.EndYear, true));
    }

    public static TheoryData<string> Outsiders => new() { "diskominfo.jombang", "bappeda.jepara", "penilai1", "admin" };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Only_Jombangs_planners_create_and_edit_its_plan(string user)
    {
        var jombang = await RegencyIdAsync(app, Jombang);
        var (id, start) = await CreateAsync(app);
        var loaded = await DetailAsync(app, id);
        int goalId, signatoryId;
        await using (var planner = await app.AsAsync(Planner))
        {
            var blocks = planner.Get<MasterplanBlockService>();
            AssertSaved(await blocks.SaveTextAsync(id, Vision(loaded, "Visi asli.")));
            goalId = (await blocks.SaveGoalAsync(id, null, new GoalInput { DimensionId = loaded.Dimensions[0].Id, Text = "Sasaran", Indicator = "Indikator", Target = 1 })).Id!.Value;
            signatoryId = (await blocks.SaveSignatoryAsync(id, null, new SignatoryInput { Name = "Bupati", Position = "Bupati Jombang" })).Id!.Value;
            AssertSaved(await blocks.SaveDraftAsync(id, Vision(loaded, "Draf perencana.")));
        }

        loaded = await DetailAsync(app, id);
        var before = await RowAsync(app, id);
        var count = await PlanCountAsync(jombang);
        var audits = await AuditCountAsync(app, nameof(Masterplan));
        await using var actor = await app.AsAsync(user);
        var plans = actor.Get<MasterplanService>();
        var blocks2 = actor.Get<MasterplanBlockService>();
        var refusals = RefusalCount;
        var frame = Frame(start, 6, "Diubah orang lain");
        frame.Version = before.Version;

        await Assert.ThrowsAsync<AccessDeniedException>(() => plans.CreateAsync(jombang, Frame(start + 30, 5)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => plans.UpdateFrameAsync(id, frame));
        await Assert.ThrowsAsync<AccessDeniedException>(() => blocks2.SaveTextAsync(id, Vision(loaded, "Visi orang lain."), overwrite: true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => blocks2.SaveDraftAsync(id, Vision(loaded, "Draf orang lain.")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => blocks2.DiscardDraftAsync(id, MasterplanBlocks.Vision));
        await Assert.ThrowsAsync<AccessDeniedException>(() => blocks2.SaveReadinessAsync(id, new ReadinessInput { Cells = [new() { Component = ReadinessComponent.StrukturPeople, Grade = ReadinessGrade.Poor }] }, overwrite: true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => blocks2.SaveGoalAsync(id, goalId, new GoalInput { DimensionId = loaded.Dimensions[0].Id, Text = "Diubah", Indicator = "X", Target = 2 }, overwrite: true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => blocks2.DeleteGoalAsync(id, goalId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => blocks2.SaveSignatoryAsync(id, null, new SignatoryInput { Name = "Orang lain", Position = "X" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => blocks2.DeleteSignatoryAsync(id, signatoryId));

        AssertRefusalLogged(user, refusals);
        Assert.Equal(refusals + 10, RefusalCount);
        var after = await RowAsync(app, id);
        Assert.Equal((before.Title, before.EndYear, before.Vision, before.Version), (after.Title, after.EndYear, after.Vision, after.Version));
        Assert.Equal(count, await PlanCountAsync(jombang));
        Assert.Equal(audits, await AuditCountAsync(app, nameof(Masterplan)));
        var detail = await DetailAsync(app, id);
        Assert.Equal(loaded.Readiness, detail.Readiness);
        Assert.Equal(loaded.Goals, detail.Goals);
        Assert.Equal(loaded.Signatories, detail.Signatories);
        Assert.Equal("{\"vision\":\"Draf perencana.\",\"missions\":null}".Length > 0, Assert.Single(detail.MyDrafts).Content.Contains("Draf perencana.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Autosaved_drafts_belong_to_their_author_and_applying_one_makes_a_single_audit_entry()
    {
        await EnsureSecondPlannerAsync(app);
        var (id, _) = await CreateAsync(app);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var loaded = await DetailAsync(app, id);
        var audits = await AuditCountAsync(app, nameof(Masterplan), key);
        var draftAudits = await AuditCountAsync(app, nameof(MasterplanDraft));
        await using var planner = await app.AsAsync(Planner);
        var blocks = planner.Get<MasterplanBlockService>();

        foreach (var text in new[] { "J", "Jomb", "Jombang", "Jombang cer", "Jombang cerdas." })
        {
            AssertSaved(await blocks.SaveDraftAsync(id, Vision(loaded, text)));
        }

        await using (var second = await app.AsAsync(SecondPlanner))
        {
            AssertSaved(await second.Get<MasterplanBlockService>().SaveDraftAsync(id, Vision(loaded, "Teks perencana kedua.")));
        }

        var mine = Assert.Single((await DetailAsync(app, id)).MyDrafts);
        Assert.Equal((MasterplanBlocks.Vision, loaded.Version), (mine.Block, mine.BaseVersion));
        Assert.Contains("Jombang cerdas.", mine.Content, StringComparison.Ordinal);
        Assert.Contains("Teks perencana kedua.", Assert.Single((await DetailAsync(app, id, SecondPlanner)).MyDrafts).Content, StringComparison.Ordinal);
        Assert.Empty((await DetailAsync(app, id, "admin")).MyDrafts);
        Assert.Empty((await DetailAsync(app, id, "diskominfo.jombang")).MyDrafts);
        Assert.Equal(audits, await AuditCountAsync(app, nameof(Masterplan), key));

        AssertSaved(await blocks.SaveTextAsync(id, Vision(loaded, "Jombang cerdas.")));

        Assert.Equal(audits + 1, await AuditCountAsync(app, nameof(Masterplan), key));
        Assert.Equal(draftAudits, await AuditCountAsync(app, nameof(MasterplanDraft)));
        var detail = await DetailAsync(app, id);
        Assert.Equal("Jombang cerdas.", detail.Vision);
        Assert.Empty(detail.MyDrafts);
        Assert.Single((await DetailAsync(app, id, SecondPlanner)).MyDrafts); // the other planner's typing is theirs to apply or discard
        await using (var second = await app.AsAsync(SecondPlanner))
        {
            await second.Get<MasterplanBlockService>().DiscardDraftAsync(id, MasterplanBlocks.Vision);
        }

        Assert.Empty((await DetailAsync(app, id, SecondPlanner)).MyDrafts);
        await using var db = app.CreateDbContext();
        Assert.False(await db.MasterplanDrafts.AnyAsync(d => d.MasterplanId == id));
        var entry = await db.AuditEntries.Where(a => a.Entity == nameof(Masterplan) && a.EntityKey == key).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("Jombang cerdas.", entry.Changes, StringComparison.Ordinal);
        Assert.Equal(Planner, entry.UserName);
    }

    [Fact]
    public async Task A_draft_or_text_of_an_unknown_block_or_too_long_is_refused_and_nothing_is_saved()
    {
        var (id, _) = await CreateAsync(app, Jepara, JeparaPlanner);
        var loaded = await DetailAsync(app, id, JeparaPlanner);
        await using var planner = await app.AsAsync(JeparaPlanner);
        var blocks = planner.Get<MasterplanBlockService>();

        var unknown = await blocks.SaveDraftAsync(id, new TextBlockInput { Block = "programmes", Fields = new() { ["Vision"] = "x" } });
        var tooLong = await blocks.SaveTextAsync(id, Vision(loaded, new string('v', 8001)));

        Assert.NotEmpty(unknown.Errors[nameof(TextBlockInput.Block)]);
        Assert.NotEmpty(tooLong.Errors[TextBlocks.Vision]);
        var detail = await DetailAsync(app, id, JeparaPlanner);
        Assert.Null(detail.Vision);
        Assert.Empty(detail.MyDrafts);
    }

    [Fact]
    public async Task A_block_saved_with_only_some_of_its_fields_keeps_the_others()
    {
        var (id, _) = await CreateAsync(app, Jepara, JeparaPlanner);
        var loaded = await DetailAsync(app, id, JeparaPlanner);
        await using var planner = await app.AsAsync(JeparaPlanner);
        var blocks = planner.Get<MasterplanBlockService>();
        AssertSaved(await blocks.SaveTextAsync(id, Vision(loaded, "Visi.", "Misi.")));
        loaded = await DetailAsync(app, id, JeparaPlanner);

        AssertSaved(await blocks.SaveTextAsync(id, new TextBlockInput
        {
            Block = MasterplanBlocks.Vision,
            Fields = new() { [TextBlocks.Vision] = "Visi baru." },
            Base = new() { [TextBlocks.Vision] = loaded.Vision },
            Version = loaded.Version,
        }));

        var detail = await DetailAsync(app, id, JeparaPlanner);
        Assert.Equal(("Visi baru.", "Misi."), (detail.Vision, detail.Missions));
    }

    [Fact]
    public async Task Two_planners_conflict_only_on_the_block_someone_else_changed_and_may_overwrite_deliberately()
    {
        await EnsureSecondPlannerAsync(app);
        var (id, _) = await CreateAsync(app);
        var loaded = await DetailAsync(app, id);
        await using var a = await app.AsAsync(Planner);
        await using var b = await app.AsAsync(SecondPlanner);
        var blocksA = a.Get<MasterplanBlockService>();
        var blocksB = b.Get<MasterplanBlockService>();

        AssertSaved(await blocksA.SaveTextAsync(id, Vision(loaded, "Visi A.")));
        var gap = await blocksB.SaveTextAsync(id, Analysis(loaded, "Analisis kesenjangan B."));
        var vision = await blocksB.SaveTextAsync(id, Vision(loaded, "Visi B."));

        AssertSaved(gap);
        Assert.NotNull(vision.Conflict);
        var difference = Assert.Single(vision.Conflict!.Differences);
        Assert.Equal(("Visi", "Visi B.", "Visi A."), (difference.Field, difference.Yours, difference.Saved));
        Assert.Equal(Planner, vision.Conflict.ChangedBy); // who changed the vision, not B's own save of the analysis
        var afterConflict = await DetailAsync(app, id);
        Assert.Equal(("Visi A.", "Analisis kesenjangan B."), (afterConflict.Vision, afterConflict.GapAnalysis));

        AssertSaved(await blocksB.SaveTextAsync(id, Vision(loaded, "Visi B."), overwrite: true));
        Assert.Equal(("Visi B.", "Analisis kesenjangan B."), ((await DetailAsync(app, id)).Vision, (await DetailAsync(app, id)).GapAnalysis));

        // One dimension's strategy: the same rule per dimension.
        AssertSaved(await blocksA.SaveTextAsync(id, Strategy(loaded, "GOV", "Strategi tata kelola A.")));
        var otherDimension = await blocksB.SaveTextAsync(id, Strategy(loaded, "ECO", "Strategi ekonomi B."));
        var sameDimension = await blocksB.SaveTextAsync(id, Strategy(loaded, "GOV", "Strategi tata kelola B."));

        AssertSaved(otherDimension);
        var strategy = Assert.Single(sameDimension.Conflict!.Differences);
        Assert.Equal(("Strategi pengembangan", "Strategi tata kelola B.", "Strategi tata kelola A."), (strategy.Field, strategy.Yours, strategy.Saved));
        Assert.Equal("Strategi tata kelola A.", (await DetailAsync(app, id)).Dimensions.Single(d => d.Code == "GOV").Strategy);

        AssertSaved(await blocksB.SaveTextAsync(id, Strategy(loaded, "GOV", "Strategi tata kelola B."), overwrite: true));
        var final = await DetailAsync(app, id);
        Assert.Equal("Strategi tata kelola B.", final.Dimensions.Single(d => d.Code == "GOV").Strategy);
        Assert.Equal("Strategi ekonomi B.", final.Dimensions.Single(d => d.Code == "ECO").Strategy);

        // Saving the strategy again from what one just saved is no conflict.
        AssertSaved(await blocksB.SaveTextAsync(id, Strategy(final, "GOV", "Strategi tata kelola B, diperbaiki.")));
    }

    [Fact]
    public async Task The_readiness_grid_conflicts_only_on_components_someone_else_changed()
    {
        await EnsureSecondPlannerAsync(app);
        var (id, _) = await CreateAsync(app);
        var loaded = await DetailAsync(app, id);
        await using var a = await app.AsAsync(Planner);
        await using var b = await app.AsAsync(SecondPlanner);

        var cellsA = Cells(loaded);
        cellsA.Single(c => c.Component == ReadinessComponent.StrukturPeople).Grade = ReadinessGrade.Good;
        AssertSaved(await a.Get<MasterplanBlockService>().SaveReadinessAsync(id, new ReadinessInput { Cells = cellsA, Base = Cells(loaded) }));

        var cellsB = Cells(loaded);
        cellsB.Single(c => c.Component == ReadinessComponent.StrukturBudget).Grade = ReadinessGrade.Poor;
        cellsB.Single(c => c.Component == ReadinessComponent.StrukturPeople).Grade = ReadinessGrade.Poor;
        var conflict = await b.Get<MasterplanBlockService>().SaveReadinessAsync(id, new ReadinessInput { Cells = cellsB, Base = Cells(loaded) });

        var difference = Assert.Single(conflict.Conflict!.Differences);
        Assert.Equal(("Kurang", "Baik"), (difference.Yours, difference.Saved));
        var grid = (await DetailAsync(app, id)).Readiness;
        Assert.Equal(ReadinessGrade.Good, grid.Single(r => r.Component == ReadinessComponent.StrukturPeople).Grade);
        Assert.Null(grid.Single(r => r.Component == ReadinessComponent.StrukturBudget).Grade);

        // Only the components B changed, from the loaded grid: no conflict on A's component.
        var onlyBudget = await b.Get<MasterplanBlockService>().SaveReadinessAsync(id, new ReadinessInput
        {
            Cells = [new() { Component = ReadinessComponent.StrukturBudget, Grade = ReadinessGrade.Poor, Notes = "Anggaran kecil." }],
            Base = Cells(loaded),
        });
        AssertSaved(onlyBudget);
        AssertSaved(await b.Get<MasterplanBlockService>().SaveReadinessAsync(id, new ReadinessInput { Cells = cellsB, Base = Cells(loaded) }, overwrite: true));
        grid = (await DetailAsync(app, id)).Readiness;
        Assert.Equal(ReadinessGrade.Poor, grid.Single(r => r.Component == ReadinessComponent.StrukturPeople).Grade);
        Assert.Equal(ReadinessGrade.Poor, grid.Single(r => r.Component == ReadinessComponent.StrukturBudget).Grade);

        // B sends the whole grid but changed only the budget while A changed people: neither a conflict nor a revert of A's change.
        var reloaded = await DetailAsync(app, id);
        var peopleByA = Cells(reloaded);
        peopleByA.Single(c => c.Component == ReadinessComponent.StrukturPeople).Grade = ReadinessGrade.Moderate;
        AssertSaved(await a.Get<MasterplanBlockService>().SaveReadinessAsync(id, new ReadinessInput { Cells = peopleByA, Base = Cells(reloaded) }));
        var wholeGrid = Cells(reloaded);
        wholeGrid.Single(c => c.Component == ReadinessComponent.StrukturBudget).Grade = ReadinessGrade.Good;
        AssertSaved(await b.Get<MasterplanBlockService>().SaveReadinessAsync(id, new ReadinessInput { Cells = wholeGrid, Base = Cells(reloaded) }));
        grid = (await DetailAsync(app, id)).Readiness;
        Assert.Equal(ReadinessGrade.Moderate, grid.Single(r => r.Component == ReadinessComponent.StrukturPeople).Grade);
        Assert.Equal(ReadinessGrade.Good, grid.Single(r => r.Component == ReadinessComponent.StrukturBudget).Grade);
    }

    [Fact]
    public async Task Goals_and_signatories_conflict_when_someone_saved_first_and_a_served_goal_cannot_be_deleted()
    {
        var (id, _) = await CreateAsync(app, Jepara, JeparaPlanner);
        var dimensions = await DimensionsAsync(app);
        await using var a = await app.AsAsync(JeparaPlanner);
        await using var b = await app.AsAsync(JeparaPlanner);
        var blocksA = a.Get<MasterplanBlockService>();
        var blocksB = b.Get<MasterplanBlockService>();
        var goal = await blocksA.SaveGoalAsync(id, null, new GoalInput { DimensionId = dimensions["GOV"], Text = "Perizinan daring", Indicator = "Jenis izin", Baseline = 0, Target = 74 });
        var spare = await blocksA.SaveGoalAsync(id, null, new GoalInput { DimensionId = dimensions["ECO"], Text = "UMKM daring", Indicator = "UMKM", Target = 100 });
        var signatory = await blocksA.SaveSignatoryAsync(id, null, new SignatoryInput { Name = "Mundjidah Wahab", Position = "Bupati" });
        var second = await blocksA.SaveSignatoryAsync(id, null, new SignatoryInput { Name = "Sumrambah", Position = "Wakil Bupati" });
        AssertSaved(goal);
        AssertSaved(signatory);
        Assert.Equal([1, 2], (await DetailAsync(app, id, JeparaPlanner)).Signatories.Select(s => s.SortOrder));

        AssertSaved(await blocksA.SaveGoalAsync(id, goal.Id, new GoalInput { DimensionId = dimensions["GOV"], Text = "Perizinan daring A", Indicator = "Jenis izin", Baseline = 0, Target = 80, Version = goal.Version }));
        var goalConflict = await blocksB.SaveGoalAsync(id, goal.Id, new GoalInput { DimensionId = dimensions["GOV"], Text = "Perizinan daring B", Indicator = "Jenis izin", Baseline = 0, Target = 90, Version = goal.Version });
        Assert.Contains(goalConflict.Conflict!.Differences, d => d.Yours == "Perizinan daring B" && d.Saved == "Perizinan daring A");
        Assert.Equal("Perizinan daring A", (await DetailAsync(app, id, JeparaPlanner)).Goals.Single(g => g.Id == goal.Id).Text);
        AssertSaved(await blocksB.SaveGoalAsync(id, goal.Id, new GoalInput { DimensionId = dimensions["GOV"], Text = "Perizinan daring B", Indicator = "Jenis izin", Baseline = 0, Target = 90, Version = goal.Version }, overwrite: true));
        Assert.Equal(90m, (await DetailAsync(app, id, JeparaPlanner)).Goals.Single(g => g.Id == goal.Id).Target);

        AssertSaved(await blocksA.SaveSignatoryAsync(id, signatory.Id, new SignatoryInput { Name = "Hj. Mundjidah Wahab", Position = "Bupati Jombang", SignedOn = new DateTime(2019, 10, 8), Version = signatory.Version }));
        var signatoryConflict = await blocksB.SaveSignatoryAsync(id, signatory.Id, new SignatoryInput { Name = "Mundjidah W.", Position = "Bupati", Version = signatory.Version });
        Assert.Contains(signatoryConflict.Conflict!.Differences, d => d.Yours == "Mundjidah W." && d.Saved == "Hj. Mundjidah Wahab");
        Assert.Equal("Hj. Mundjidah Wahab", (await DetailAsync(app, id, JeparaPlanner)).Signatories[0].Name);

        await AddProgrammesAsync(app, id, [("GOV", "Perizinan non-OSS daring", 2030, 2031)], goalId: goal.Id);
        var refused = await blocksA.DeleteGoalAsync(id, goal.Id!.Value);
        Assert.Equal("Sasaran ini masih dipakai oleh program: Perizinan non-OSS daring.", Assert.Single(refused.Errors[nameof(GoalInput.Text)]));
        AssertSaved(await blocksA.DeleteGoalAsync(id, spare.Id!.Value));
        AssertSaved(await blocksA.DeleteSignatoryAsync(id, second.Id!.Value));
        var detail = await DetailAsync(app, id, JeparaPlanner);
        Assert.Equal([goal.Id.Value], detail.Goals.Select(g => g.Id));
        Assert.Equal([signatory.Id!.Value], detail.Signatories.Select(s => s.Id));
    }

    [Fact]
    public async Task A_goal_of_an_unknown_dimension_a_future_signature_and_another_plans_goal_are_refused()
    {
        var (id, _) = await CreateAsync(app, Jepara, JeparaPlanner);
        var (otherId, _) = await CreateAsync(app, Jepara, JeparaPlanner);
        var dimensions = await DimensionsAsync(app);
        await using var planner = await app.AsAsync(JeparaPlanner);
        var blocks = planner.Get<MasterplanBlockService>();
        var otherGoal = await blocks.SaveGoalAsync(otherId, null, new GoalInput { DimensionId = dimensions["GOV"], Text = "Sasaran lain", Indicator = "X", Target = 1 });

        var unknown = await blocks.SaveGoalAsync(id, null, new GoalInput { DimensionId = 9999, Text = "Sasaran", Indicator = "X", Target = 1 });
        var future = await blocks.SaveSignatoryAsync(id, null, new SignatoryInput { Name = "Bupati", Position = "Bupati", SignedOn = app.Clock.GetUtcNow().UtcDateTime.AddDays(3) });

        Assert.NotEmpty(unknown.Errors[nameof(GoalInput.DimensionId)]);
        Assert.NotEmpty(future.Errors[nameof(SignatoryInput.SignedOn)]);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => blocks.SaveGoalAsync(id, otherGoal.Id, new GoalInput { DimensionId = dimensions["GOV"], Text = "Übernommen", Indicator = "X", Target = 1 }, overwrite: true));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => blocks.DeleteGoalAsync(id, otherGoal.Id!.Value));
        var detail = await DetailAsync(app, id, JeparaPlanner);
        Assert.Empty(detail.Goals);
        Assert.Empty(detail.Signatories);
        Assert.Equal("Sasaran lain", Assert.Single((await DetailAsync(app, otherId, JeparaPlanner)).Goals).Text);
    }

    [Fact]
    public async Task The_editor_loads_in_at_most_8_SQL_commands_for_6_and_for_60_programmes()
    {
        async Task<(int Count, MasterplanDetail Detail)> MeasureAsync(int programmesPerDimension)
        {
            var (id, start) = await CreateAsync(app, Jepara, JeparaPlanner);
            var codes = (await DimensionsAsync(app)).Keys.ToList();
            var programmes = await AddProgrammesAsync(
                app, id,
                codes.SelectMany(c => Enumerable.Range(1, programmesPerDimension).Select(i => (c, $"Program {c} {i}", start, start + 1))),
                kpis: 2);
            foreach (var programmeId in programmes.Take(programmes.Count / 3))
            {
                await AddQuickWinAsync(app, programmeId, new DateOnly(start, 3, 1), percent: 40);
            }

            await using var planner = await app.AsAsync(JeparaPlanner);
            var plans = planner.Get<MasterplanService>();
            await plans.GetAsync(id); // warm-up: compiled queries
            app.Commands.Reset();
            var detail = (await plans.GetAsync(id))!;
            return (app.Commands.Count, detail);
        }

        var (few, small) = await MeasureAsync(1);
        var (many, large) = await MeasureAsync(10);

        Assert.Equal(6, small.Programmes.Count);
        Assert.Equal(60, large.Programmes.Count);
        Assert.All(large.Programmes, p => Assert.Equal(2, p.Kpis.Count));
        Assert.Equal(20, large.Programmes.Sum(p => p.QuickWins.Count));
        Assert.All(large.Programmes.SelectMany(p => p.QuickWins), q => Assert.Equal(40m, q.Progress));
        Assert.Equal(few, many);
        Assert.InRange(many, 1, 8);
    }
}
