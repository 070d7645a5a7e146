using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Masterplans;
using SmartCity.Web.Features.Masterplans.Versions;

namespace SmartCity.IntegrationTests.Masterplans;

public sealed class VersionServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private static int _nextStartYear = 2040;

    private static readonly string[] Headings =
    [
        "Analisis strategis", "Visi, misi dan sasaran", "Strategi per dimensi", "Program dan rencana aksi", "Peta jalan", "Quick win", "Komitmen bersama",
    ];

    /// <summary>
    /// A Jombang plan (own period) with readiness, goals, strategies, <paramref name="programmes"/> programmes with KPIs and signatories;
    /// version 1 is stored (approved when asked), then the working copy changes its vision and gains a programme and is stored as version 2;
    /// then the working copy changes again (version 3 being drafted).
    /// </summary>
    private async Task<int> PlanWithVersionsAsync(int programmes = 2, bool approveFirst = false)
    {
        await using var db = app.CreateDbContext();
        var start = Interlocked.Add(ref _nextStartYear, 12);
        var jombang = await db.Regencies.Where(r => r.Code == "35.17").Select(r => r.Id).SingleAsync();
        var dimensions = await db.Dimensions.OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Code, Element = d.Elements.OrderBy(e => e.SortOrder).Select(e => e.Id).First() }).ToListAsync();
        var unit = await db.GovernmentUnits.Where(u => u.RegencyId == jombang).Select(u => (int?)u.Id).FirstOrDefaultAsync();
        var planner = await db.Users.Where(u => u.UserName == "bappeda.jombang").Select(u => u.Id).SingleAsync();
        var now = TestNow.Start;
        var plan = new Masterplan
        {
            RegencyId = jombang,
            Title = $"Masterplan Smart City Kabupaten Jombang {start}–{start + 10}",
            StartYear = start,
            EndYear = start + 10,
            RpjmdTitle = "RPJMD Kabupaten Jombang",
            RpjmdStartYear = start,
            RpjmdEndYear = start + 5,
            State = MasterplanState.Submitted,
            Vision = "Jombang cerdas yang melayani warganya",
            Missions = "Layanan publik terpadu\nEkonomi desa kuat",
            GapAnalysis = "Data antar-OPD belum terhubung.",
            Strengths = "Komitmen Bupati",
            Weaknesses = "SDM TIK terbatas",
            Opportunities = "Dana desa",
            Threats = "Serangan siber",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Masterplans.Add(plan);
        await db.SaveChangesAsync();
        db.ReadinessRatings.AddRange(
            new ReadinessRating { RegencyId = jombang, MasterplanId = plan.Id, Component = ReadinessComponent.StrukturPeople, Grade = ReadinessGrade.Moderate, Notes = "Perlu pelatihan" },
            new ReadinessRating { RegencyId = jombang, MasterplanId = plan.Id, Component = ReadinessComponent.InfrastrukturDigital, Grade = ReadinessGrade.Good });
        var goal = new MasterplanGoal { RegencyId = jombang, MasterplanId = plan.Id, DimensionId = dimensions[0].Id, Text = "Perizinan daring", Indicator = "Izin daring", Baseline = 10, Target = 80 };
        db.MasterplanGoals.Add(goal);
        db.DimensionStrategies.AddRange(dimensions.Select(d => new DimensionStrategy { RegencyId = jombang, MasterplanId = plan.Id, DimensionId = d.Id, Text = $"Strategi {d.Code}." }));
        await db.SaveChangesAsync();
        for (var i = 0; i < programmes; i++)
        {
            var dimension = dimensions[i % dimensions.Count];
            db.Programmes.Add(new Programme
            {
                RegencyId = jombang,
                MasterplanId = plan.Id,
                Name = $"Program {i + 1:00}",
                DimensionId = dimension.Id,
                ElementId = dimension.Element,
                OwnerUnitId = unit,
                Horizon = Horizon.ShortTerm,
                StartYear = start + 1,
                EndYear = start + 2,
                BudgetEstimate = 1_500_000m * (i + 1),
                BudgetSource = "APBD",
                RpjmdReference = $"RPJMD 2.{i}",
                GoalId = i == 0 ? goal.Id : null,
                SortOrder = i,
                Kpis = [new ProgrammeKpi { RegencyId = jombang, Name = $"Indikator {i + 1}", Unit = "%", Baseline = 5, Target = 90 }],
            });
        }

        db.Signatories.Add(new Signatory { RegencyId = jombang, MasterplanId = plan.Id, Name = "Mundjidah Wahab", Position = "Bupati", Institution = "Pemerintah Kabupaten Jombang", SignedOn = new DateOnly(2019, 10, 8) });
        await db.SaveChangesAsync();

        await StoreVersionAsync(db, plan.Id, 1, planner, approveFirst ? now : null);
        await db.Masterplans.Where(m => m.Id == plan.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Vision, "Jombang cerdas yang melindungi warganya"));
        db.Programmes.Add(new Programme
        {
            RegencyId = jombang,
            MasterplanId = plan.Id,
            Name = "Jombang Sehat",
            DimensionId = dimensions[3].Id,
            Horizon = Horizon.MediumTerm,
            StartYear = start + 3,
            EndYear = start + 5,
            SortOrder = 99,
        });
        await db.SaveChangesAsync();
        await StoreVersionAsync(db, plan.Id, 2, planner, null);
        await db.Masterplans.Where(m => m.Id == plan.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Threats, "Serangan siber dan hoaks")
            .SetProperty(m => m.WorkingVersion, 3)
            .SetProperty(m => m.State, MasterplanState.Draft)
            .SetProperty(m => m.ApprovedVersion, approveFirst ? 1 : null));
        return plan.Id;
    }

    private static async Task StoreVersionAsync(SmartCityDbContext db, int planId, int number, string userId, DateTimeOffset? approvedAt)
    {
        var snapshot = await MasterplanSnapshots.LoadAsync(db, planId, CancellationToken.None);
        var regency = await db.Masterplans.Where(m => m.Id == planId).Select(m => m.RegencyId).SingleAsync();
        db.MasterplanVersions.Add(new MasterplanVersion
        {
            RegencyId = regency,
            MasterplanId = planId,
            Number = number,
            SubmittedAt = TestNow.Start,
            SubmittedById = userId,
            Snapshot = snapshot!.ToJson(),
            ApprovedAt = approvedAt,
            ApprovedById = approvedAt is null ? null : userId,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Versions_are_listed_and_read_as_stored_while_the_working_copy_moves_on()
    {
        var id = await PlanWithVersionsAsync();
        await using var planner = await app.AsAsync("bappeda.jombang");
        var versions = planner.Get<MasterplanVersionService>();

        var list = await versions.ListAsync(id);
        var first = await versions.SnapshotAsync(id, 1);
        var second = await versions.SnapshotAsync(id, 2);
        var working = await versions.SnapshotAsync(id, null);

        Assert.Equal([1, 2], list.Select(v => v.Number));
        Assert.All(list, v => Assert.False(string.IsNullOrEmpty(v.SubmittedBy)));
        Assert.Equal("Jombang cerdas yang melayani warganya", first!.Vision);
        Assert.Equal(2, first.Programmes.Count);
        Assert.Equal("Jombang cerdas yang melindungi warganya", second!.Vision);
        Assert.Equal(3, second.Programmes.Count);
        Assert.Equal("Serangan siber", second.Threats);
        Assert.Equal("Serangan siber dan hoaks", working!.Threats);
        Assert.Null(await versions.SnapshotAsync(id, 7));
        Assert.Null(await versions.SnapshotAsync(987654, null));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => versions.ListAsync(987654));
    }

    [Fact]
    public async Task Comparing_two_versions_or_a_version_with_the_working_copy_shows_the_changes_block_by_block()
    {
        var id = await PlanWithVersionsAsync();
        await using var assessor = await app.AsAsync("penilai1");
        var versions = assessor.Get<MasterplanVersionService>();

        var oneToTwo = await versions.CompareAsync(id, 1, 2);
        var twoToWorking = await versions.CompareAsync(id, 2, null);

        Assert.Equal([MasterplanDiff.Frame, .. MasterplanBlocks.All], oneToTwo.Select(b => b.Block));
        var vision = Assert.Single(oneToTwo.Single(b => b.Block == MasterplanBlocks.Vision).Sections, s => s.IsChanged);
        Assert.Contains(new DiffPiece(DiffKind.Deleted, "melayani"), vision.Pieces);
        Assert.Contains(new DiffPiece(DiffKind.Inserted, "melindungi"), vision.Pieces);
        var added = Assert.Single(oneToTwo.Single(b => b.Block == MasterplanBlocks.Programmes).Sections, s => s.IsChanged);
        Assert.Equal((SectionChange.Added, "Jombang Sehat"), (added.Change, added.Subject));
        Assert.Equal(1, oneToTwo.Single(b => b.Block == MasterplanBlocks.Roadmap).ChangedSections);
        Assert.Equal(0, oneToTwo.Single(b => b.Block == MasterplanBlocks.Analysis).ChangedSections);

        Assert.Equal(1, twoToWorking.Sum(b => b.ChangedSections));
        var threats = Assert.Single(twoToWorking.Single(b => b.Block == MasterplanBlocks.Analysis).Sections, s => s.IsChanged);
        Assert.Equal("Masterplan.Threats", threats.TitleKey);
        Assert.Equal([new DiffPiece(DiffKind.Inserted, " dan hoaks")], threats.Pieces.Where(p => p.Kind != DiffKind.Unchanged));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => versions.CompareAsync(id, 1, 9));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => versions.CompareAsync(id, 9, null));
    }

    [Fact]
    public async Task The_documents_of_the_working_copy_and_of_a_version_are_valid_with_the_blocks_in_order_and_the_programme_table()
    {
        var id = await PlanWithVersionsAsync(approveFirst: true);
        await using var planner = await app.AsAsync("bappeda.jombang");
        var versions = planner.Get<MasterplanVersionService>();
        await using var db = app.CreateDbContext();
        var ministry = await db.Settings.Where(s => s.Key == SettingKeys.MinistryName).Select(s => s.Value).SingleAsync();
        var plan = await db.Masterplans.SingleAsync(m => m.Id == id);

        var working = await versions.DocumentAsync(id, null);
        var first = await versions.DocumentAsync(id, 1);

        Assert.Equal($"Masterplan-35.17-{plan.StartYear}-{plan.EndYear}-v3.docx", working!.Value.FileName);
        Assert.Equal($"Masterplan-35.17-{plan.StartYear}-{plan.EndYear}-v1.docx", first!.Value.FileName);
        foreach (var (content, programmes, versionLine) in new[] { (working.Value.Content, 3, "Versi 3 (salinan kerja"), (first.Value.Content, 2, "Versi 1 · Disetujui ") })
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
            var errors = new OpenXmlValidator().Validate(document).ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));

            var body = document.MainDocumentPart!.Document.Body!;
            var paragraphs = body.Elements<Paragraph>().ToList();
            Assert.Equal(Headings, paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText));
            Assert.Contains(paragraphs, p => p.InnerText == ministry);
            Assert.Contains(paragraphs, p => p.InnerText == "Masterplan Smart City" && Style(p) == "Title");
            Assert.Contains(paragraphs, p => p.InnerText.StartsWith(versionLine, StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.InnerText == $"Periode {plan.StartYear}–{plan.EndYear}");
            var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
            Assert.Contains(styles, s => s.StyleId == "Heading1" && s.StyleParagraphProperties?.OutlineLevel?.Val?.Value == 0);
            Assert.Contains(styles, s => s.StyleId == "Heading2" && s.StyleParagraphProperties?.OutlineLevel?.Val?.Value == 1);

            var table = ProgrammeTable(body);
            var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(["No.", "Dimensi", "Program", "Elemen", "OPD pengampu", "Horizon", "Tahun", "Perkiraan anggaran", "Sumber anggaran", "Acuan RPJMD/Renstra", "KPI"], rows[0]);
            Assert.Equal(programmes, rows.Count - 1);
            Assert.Equal(["1", "Tata Kelola Pemerintahan Cerdas", "Program 01"], rows[1].Take(3));
            Assert.Equal(["Jangka pendek", $"{plan.StartYear + 1}–{plan.StartYear + 2}", "Rp1.500.000", "APBD", "RPJMD 2.0", "Indikator 1 (%): 5 → 90"], rows[1].Skip(5));
            Assert.Equal("Rp3.000.000", rows[2][7]);
            Assert.Equal(programmes == 3, rows.Any(r => r[2] == "Jombang Sehat" && r[1] == "Kehidupan Cerdas"));

            var signatories = body.Elements<Table>().Last().Elements<TableRow>().Skip(1).Single().Elements<TableCell>().Select(c => c.InnerText);
            Assert.Equal(["1", "Mundjidah Wahab", "Bupati", "Pemerintah Kabupaten Jombang", "08 Okt 2019"], signatories);
        }
    }

    private static string? Style(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    /// <summary>The first table after the "Program dan rencana aksi" heading.</summary>
    private static Table ProgrammeTable(Body body) =>
        body.Elements().SkipWhile(e => e is not Paragraph p || p.InnerText != "Program dan rencana aksi").OfType<Table>().First();

    [Fact]
    public async Task A_regency_user_of_another_regency_is_refused_and_anonymous_visitors_read_only_the_approved_version()
    {
        var id = await PlanWithVersionsAsync(approveFirst: true);
        await using var other = await app.AsAsync("diskominfo.jepara");
        var refused = other.Get<MasterplanVersionService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => refused.ListAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => refused.SnapshotAsync(id, 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => refused.CompareAsync(id, 1, 2));
        await Assert.ThrowsAsync<AccessDeniedException>(() => refused.DocumentAsync(id, 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => refused.DocumentAsync(id, null));

        await using var anonymous = await app.AsAsync(null);
        var visitor = anonymous.Get<MasterplanVersionService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => visitor.ListAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => visitor.SnapshotAsync(id, 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => visitor.SnapshotAsync(id, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => visitor.CompareAsync(id, 1, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => visitor.DocumentAsync(id, 1));

        // Version 1 is the approved one: anyone reads it, not version 2 nor the working copy.
        var approved = await visitor.ApprovedAsync(id);
        Assert.Equal("Jombang cerdas yang melayani warganya", approved!.Vision);
        Assert.Equal(2, approved.Programmes.Count);
        Assert.Equal("Jombang cerdas yang melayani warganya", (await refused.ApprovedAsync(id))!.Vision);

        var notApproved = await PlanWithVersionsAsync();
        Assert.Null(await visitor.ApprovedAsync(notApproved));
        Assert.Null(await visitor.ApprovedAsync(987654));
    }

    [Fact]
    public async Task The_download_endpoint_answers_the_docx_to_readers_403_to_others_and_404_for_unknown_versions()
    {
        var id = await PlanWithVersionsAsync();
        await using (var db = app.CreateDbContext())
        {
            var plan = await db.Masterplans.SingleAsync(m => m.Id == id);
            var own = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await HttpSignIn.SignInOrThrowAsync(own, "bappeda.jombang");
            using var response = await own.GetAsync(new Uri($"/masterplans/{id}/document?version=2", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(MasterplanDocument.ContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Contains($"Masterplan-35.17-{plan.StartYear}-{plan.EndYear}-v2.docx", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            Assert.Empty(new OpenXmlValidator().Validate(document));

            using var unknown = await own.GetAsync(new Uri($"/masterplans/{id}/document?version=9", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            using var unknownPlan = await own.GetAsync(new Uri("/masterplans/987654/document", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, unknownPlan.StatusCode);
        }

        var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(other, "bappeda.jepara");
        using (var response = await other.GetAsync(new Uri($"/masterplans/{id}/document", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.NotEqual(MasterplanDocument.ContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.False((await response.Content.ReadAsByteArrayAsync()).AsSpan().StartsWith("PK"u8), "a zip package was sent");
        }

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var response = await anonymous.GetAsync(new Uri($"/masterplans/{id}/document?version=1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_versions_page_lists_versions_and_shows_the_diff_of_the_requested_pair_to_readers_only()
    {
        var id = await PlanWithVersionsAsync();
        var own = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(own, "bappeda.jombang");

        var html = await own.GetStringAsync(new Uri($"/masterplans/{id}/versions?from=1&to=2", UriKind.Relative));

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "data-testid=\"version-row\""));
        Assert.Contains($"/masterplans/{id}/document?version=2", html, StringComparison.Ordinal);
        Assert.Contains("3 bagian berubah", html, StringComparison.Ordinal); // vision, the added programme, its dimension's roadmap
        Assert.Contains(">melindungi<", html, StringComparison.Ordinal);
        Assert.Matches("<del class=\"diff-del\"[^>]*><span class=\"visually-hidden\"[^>]*>\\[dihapus: </span>melayani", html);
        Assert.Matches("<details class=\"diff-section changed\" open[^>]*data-key=\"vision\"", html);
        Assert.Matches("<details class=\"diff-section \"[^>]*data-key=\"missions\"", html);

        var working = await own.GetStringAsync(new Uri($"/masterplans/{id}/versions?from=2", UriKind.Relative));
        Assert.Contains("1 bagian berubah", working, StringComparison.Ordinal);
        Assert.Contains("> dan hoaks<", working, StringComparison.Ordinal);

        var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(other, "bappeda.jepara");
        using var refused = await other.GetAsync(new Uri($"/masterplans/{id}/versions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("melayani", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_refuses_to_change_a_stored_snapshot_but_records_the_approval()
    {
        var id = await PlanWithVersionsAsync();
        await using var db = app.CreateDbContext();

        var change = await Assert.ThrowsAsync<PostgresException>(() => db.MasterplanVersions.Where(v => v.MasterplanId == id && v.Number == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Snapshot, "{\"title\":\"diubah\"}")));
        Assert.Equal(PostgresErrorCodes.CheckViolation, change.SqlState);

        var approvedAt = TestNow.Start;
        Assert.Equal(1, await db.MasterplanVersions.Where(v => v.MasterplanId == id && v.Number == 2).ExecuteUpdateAsync(s => s.SetProperty(v => v.ApprovedAt, approvedAt)));
        await using var planner = await app.AsAsync("bappeda.jombang");
        Assert.Equal("Jombang cerdas yang melayani warganya", (await planner.Get<MasterplanVersionService>().SnapshotAsync(id, 1))!.Vision);
    }

    [Fact]
    public async Task Comparing_costs_the_same_sql_commands_for_few_and_many_programmes()
    {
        var few = await PlanWithVersionsAsync(programmes: 2);
        var many = await PlanWithVersionsAsync(programmes: 40);
        await using var assessor = await app.AsAsync("penilai1");
        var versions = assessor.Get<MasterplanVersionService>();

        async Task<int> CountAsync(Func<Task> action)
        {
            app.Commands.Reset();
            await action();
            return app.Commands.Count;
        }

        var fewStored = await CountAsync(() => versions.CompareAsync(few, 1, 2));
        var manyStored = await CountAsync(() => versions.CompareAsync(many, 1, 2));
        var fewWorking = await CountAsync(() => versions.CompareAsync(few, 1, null));
        var manyWorking = await CountAsync(() => versions.CompareAsync(many, 1, null));
        var manyDocument = await CountAsync(() => versions.DocumentAsync(many, 2));

        Assert.Equal(1, fewStored);
        Assert.Equal(fewStored, manyStored);
        Assert.Equal(fewWorking, manyWorking);
        Assert.True(manyWorking <= 8, $"{manyWorking} SQL commands"); // the versions, then the working copy's own reads
        Assert.Equal(1, manyDocument);
    }
}
