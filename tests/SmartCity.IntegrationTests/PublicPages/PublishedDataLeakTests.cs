using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Assessments;
using SmartCity.IntegrationTests.Masterplans;
using SmartCity.IntegrationTests.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Features.Masterplans;
using SmartCity.Web.Features.PublicPages;
using SmartCity.Web.Features.QuickWins;

namespace SmartCity.IntegrationTests.PublicPages;

/// <summary>
/// Public pages and the open-data API never show unpublished data: unverified reports do not count, drafts and an amendment's
/// working copy are absent (the approved version is shown), an unfinalised round is absent, and no person's data appears.
/// Every check is made on the page HTML and on the API JSON, as an anonymous visitor.
/// </summary>
public sealed partial class PublishedDataLeakTests(NationalApp app) : IClassFixture<NationalApp>
{
    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string Row(string html, int quickWinId)
    {
        var start = html.IndexOf($"data-id=\"{quickWinId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"Quick win {quickWinId} is not on the page.");
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);

        // What the row shows: its markup's attributes carry generated ids (GUIDs) whose digits say nothing about the data.
        return MarkupTag().Replace(html[start..end], " ");
    }

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex MarkupTag();

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Progress_counts_verified_reports_only_on_the_page_and_in_the_api()
    {
        var name = QuickWinTestData.Unique("Uji publik");
        var id = await QuickWinTestData.CreateAsync(app, QuickWinTestData.Input(
            await QuickWinTestData.DimensionIdAsync(app, "GOV"), name, new DateTime(2026, 1, 5), acronym: "Publikuji"));
        var (verified, _) = await QuickWinTestData.SaveReportAsync(app, id, "2026-01", 40, submit: true);
        MasterplanTestData.AssertSaved(await QuickWinTestData.VerifyAsync(app, verified));
        await QuickWinTestData.SaveReportAsync(app, id, "2026-02", 55, submit: true); // submitted, not verified
        var (returned, _) = await QuickWinTestData.SaveReportAsync(app, id, "2026-03", 66, submit: true);
        await using (var verifier = await app.AsAsync(QuickWinTestData.Verifier))
        {
            var reports = verifier.Get<ReportService>();
            var loaded = await reports.GetAsync(returned);
            MasterplanTestData.AssertSaved(await reports.ReturnAsync(returned, new ReturnInput { Reason = "Bukti kurang.", Version = loaded!.Version }));
        }

        await QuickWinTestData.SaveReportAsync(app, id, "2026-04", 77, submit: false); // draft

        // The one formula over the stored reports says 40 (the only verified one); the public data agrees.
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.ProgressReports.Where(r => r.QuickWinId == id).Select(r => new { r.Period, r.State, r.Percent }).ToListAsync();
            Assert.Equal(4, stored.Count);
            Assert.Equal(40, QuickWinProgress.Of(stored.Select(r => (r.Period, r.State, r.Percent))));
        }

        var client = Anonymous();
        var html = await client.GetStringAsync(new Uri($"/public/regencies/{QuickWinTestData.Jepara}", UriKind.Relative));
        var row = Row(html, id).Replace(name, "", StringComparison.Ordinal); // the name's random suffix may contain "55"
        Assert.Contains("40 %", row, StringComparison.Ordinal);
        Assert.Contains("2026-01", row, StringComparison.Ordinal);
        foreach (var unpublished in new[] { "55", "66", "77", "2026-02", "2026-03", "2026-04" })
        {
            Assert.DoesNotContain(unpublished, row, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Bukti kurang.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kemajuan 2026-0", html, StringComparison.Ordinal); // report narratives are not published

        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var json = await JsonAsync(client, $"/api/v1/regencies/{QuickWinTestData.Jepara}/quick-wins?pageSize=200&page={page}");
            items.AddRange(json.GetProperty("items").EnumerateArray());
            if (items.Count >= json.GetProperty("total").GetInt32())
            {
                break;
            }
        }

        var item = Assert.Single(items, i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal(40m, item.GetProperty("progressPercent").GetDecimal());
        Assert.Equal("2026-01", item.GetProperty("progressPeriod").GetString());
        Assert.DoesNotContain("Bukti kurang.", item.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_and_an_amendments_working_copy_are_absent_and_the_approved_version_is_shown()
    {
        // Jepara: amend the approved 2018–2028 plan and change the working copy's vision.
        int planId;
        await using (var db = app.CreateDbContext())
        {
            var jepara = await QuickWinTestData.RegencyIdAsync(app, MasterplanTestData.Jepara);
            planId = await db.Masterplans.Where(m => m.RegencyId == jepara && m.ApprovedVersion != null).Select(m => m.Id).SingleAsync();
        }

        var approvedVision = (await app.WithScopeAsync(s => s.GetRequiredService<MasterplanVersionService>().ApprovedAsync(planId)))!.Vision!;
        var marker = QuickWinTestData.Unique("Visi perubahan rahasia");
        await using (var planner = await app.AsAsync(MasterplanTestData.JeparaPlanner))
        {
            MasterplanTestData.AssertSaved(await planner.Get<MasterplanReviewService>().AmendAsync(planId, (await MasterplanTestData.RowAsync(app, planId)).Version));
            var loaded = await MasterplanTestData.DetailAsync(app, planId, MasterplanTestData.JeparaPlanner);
            MasterplanTestData.AssertSaved(await planner.Get<MasterplanBlockService>().SaveTextAsync(planId, MasterplanTestData.Vision(loaded, marker)));
        }

        // Jombang: only drafts (the demo 2020–2030 draft and a fresh one with a recognisable title).
        var (draftId, _) = await MasterplanTestData.CreateAsync(app);
        var draftTitle = (await MasterplanTestData.RowAsync(app, draftId)).Title;

        var client = Anonymous();
        var jeparaHtml = await client.GetStringAsync(new Uri("/public/regencies/33.20", UriKind.Relative));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(approvedVision), jeparaHtml, StringComparison.Ordinal);
        Assert.Contains("2018–2028", jeparaHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, jeparaHtml, StringComparison.Ordinal);
        var jeparaJson = await JsonAsync(client, "/api/v1/regencies/33.20");
        var plan = jeparaJson.GetProperty("masterplan");
        Assert.Equal(approvedVision, plan.GetProperty("vision").GetString());
        Assert.Equal((2018, 2028, 1), (plan.GetProperty("startYear").GetInt32(), plan.GetProperty("endYear").GetInt32(), plan.GetProperty("version").GetInt32()));
        Assert.DoesNotContain(marker, jeparaJson.GetRawText(), StringComparison.Ordinal);

        var jombangHtml = await client.GetStringAsync(new Uri("/public/regencies/35.17", UriKind.Relative));
        Assert.Contains("data-testid=\"public-no-masterplan\"", jombangHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(draftTitle, jombangHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("2020–2030", jombangHtml, StringComparison.Ordinal);
        var jombangJson = await JsonAsync(client, "/api/v1/regencies/35.17");
        Assert.Equal(JsonValueKind.Null, jombangJson.GetProperty("masterplan").ValueKind);
    }

    [Fact]
    public async Task An_unfinalised_round_with_scores_is_absent_from_rounds_results_and_pages()
    {
        var round = await AssessmentTestData.CreateRoundAsync(app, [AssessmentTestData.Jepara, AssessmentTestData.Jombang], ["penilai1"], RoundState.Reconciliation);
        await using (var db = app.CreateDbContext())
        {
            // Scores and even stored-looking results: still not published while the round is not finalised.
            var participants = await db.RoundParticipants.Where(p => p.RoundId == round.Id).ToListAsync();
            foreach (var p in participants)
            {
                (p.Index, p.Band, p.NationalRank, p.ProvincialRank) = (4.44m, "Sangat baik", 1, 1);
            }

            var assessor = await AssessmentTestData.UserIdAsync(app, "penilai1");
            db.AssessorScores.AddRange(participants.Select(p => new AssessorScore
            {
                RoundId = round.Id,
                RegencyId = p.RegencyId,
                CriterionId = round.OnceCriterionId,
                AssessorId = assessor,
                Score = 4.44m,
                UpdatedAt = TestNow.Start,
            }));
            await db.SaveChangesAsync();
        }

        string roundName;
        await using (var db = app.CreateDbContext())
        {
            roundName = await db.AssessmentRounds.Where(r => r.Id == round.Id).Select(r => r.Name).SingleAsync();
        }

        var client = Anonymous();
        var rounds = await JsonAsync(client, "/api/v1/rounds");
        Assert.NotEmpty(rounds.EnumerateArray());
        Assert.DoesNotContain(rounds.EnumerateArray(), r => r.GetProperty("id").GetInt32() == round.Id);
        Assert.All(rounds.EnumerateArray(), r => Assert.NotEqual(roundName, r.GetProperty("name").GetString()));

        var results = await client.GetAsync(new Uri($"/api/v1/rounds/{round.Id}/results", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, results.StatusCode);
        Assert.Equal("application/problem+json", results.Content.Headers.ContentType?.MediaType);

        var html = await client.GetStringAsync(new Uri("/public/regencies/33.20", UriKind.Relative));
        Assert.DoesNotContain(roundName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("4,44", html, StringComparison.Ordinal);
        Assert.Contains("(data demo)", html, StringComparison.Ordinal); // the finalised demo rounds are there

        var page = await app.WithScopeAsync(s => s.GetRequiredService<PublishedDataService>().RegencyPageAsync("33.20"));
        Assert.DoesNotContain(page!.Results, r => r.RoundId == round.Id);
        Assert.All(page.Results, r => Assert.NotNull(r.Index));
    }

    [Fact]
    public async Task No_personal_data_appears_on_the_pages_or_in_the_api()
    {
        List<string> people;
        await using (var db = app.CreateDbContext())
        {
            var users = await db.Users.Select(u => new { u.FullName, u.Email, u.UserName }).ToListAsync();
            people = [.. users.SelectMany(u => new[] { u.FullName, u.Email, u.UserName }).OfType<string>().Where(s => s.Length > 5)];
            var interviewees = await db.AssessorScores.Where(s => s.IntervieweeName != null).Select(s => s.IntervieweeName!).Distinct().ToListAsync();
            people.AddRange(interviewees);
            var files = await db.EvidenceFiles.Select(f => f.FileName).Distinct().Take(50).ToListAsync();
            people.AddRange(files);
        }

        Assert.Contains("diskominfo.jepara", people);
        var client = Anonymous();
        var outputs = new List<string>
        {
            await client.GetStringAsync(new Uri("/public/regencies?q=jepara", UriKind.Relative)),
            await client.GetStringAsync(new Uri("/public/regencies/33.20", UriKind.Relative)),
            await client.GetStringAsync(new Uri("/public/regencies/35.17", UriKind.Relative)),
            await client.GetStringAsync(new Uri("/api/v1/regencies/33.20", UriKind.Relative)),
            await client.GetStringAsync(new Uri("/api/v1/regencies/33.20/quick-wins?pageSize=200", UriKind.Relative)),
            await client.GetStringAsync(new Uri("/api/v1/rounds", UriKind.Relative)),
        };
        var rounds = JsonDocument.Parse(outputs[^1]).RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.NotEmpty(rounds);
        foreach (var id in rounds)
        {
            outputs.Add(await client.GetStringAsync(new Uri($"/api/v1/rounds/{id}/results?pageSize=200", UriKind.Relative)));
        }

        foreach (var output in outputs)
        {
            foreach (var person in people)
            {
                Assert.DoesNotContain(person, output, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain("/evidence/", output, StringComparison.Ordinal);
        }
    }
}
