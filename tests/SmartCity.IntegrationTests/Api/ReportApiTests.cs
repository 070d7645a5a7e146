using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Features.Admin.ApiKeys;
using SmartCity.Web.Features.QuickWins;

namespace SmartCity.IntegrationTests.Api;

/// <summary>
/// <c>POST /api/v1/regencies/{code}/quick-wins/{id}/reports</c>: key scoping (Jepara's key never reaches Pemalang or Jombang),
/// authentication before the body is read, problem details for every refusal, and the report following verification.
/// </summary>
[Collection(ApiFixtureGroup.Name)]
public sealed class ReportApiTests(ApiApp app)
{
    private const string Jepara = "33.20";
    private const string Pemalang = "33.27";
    private const string Jombang = "35.17";

    [Fact]
    public async Task A_Jepara_key_submits_a_report_for_a_Jepara_quick_win_which_arrives_submitted_audited_and_verifiable()
    {
        var key = await app.IssueKeyAsync(Jepara);
        var quickWinId = await app.QuickWinOfAsync(Jepara);
        var period = await app.FreePeriodAsync(quickWinId);
        int kpiId;
        await using (var db = app.CreateDbContext())
        {
            kpiId = await db.Kpis.Where(k => k.QuickWinId == quickWinId).OrderBy(k => k.Id).Select(k => k.Id).FirstAsync();
        }

        using var response = await app.Client().SendAsync(ApiApp.Post(
            ApiApp.ReportsPath(Jepara, quickWinId), key.PlainKey, ApiApp.ReportJson(period, 55.5m, kpiActuals: new[] { new { kpiId, value = 12.5m } })));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var receipt = JsonDocument.Parse(body).RootElement;
        Assert.Equal("submitted", receipt.GetProperty("state").GetString());
        Assert.Equal("api", receipt.GetProperty("source").GetString());
        Assert.Equal(period, receipt.GetProperty("period").GetString());
        var reportId = receipt.GetProperty("id").GetInt32();

        await using (var db = app.CreateDbContext())
        {
            var report = await db.ProgressReports.Include(r => r.KpiActuals).SingleAsync(r => r.Id == reportId);
            Assert.Equal(ReportState.Submitted, report.State);
            Assert.Equal(ReportSource.Api, report.Source);
            Assert.Equal(quickWinId, report.QuickWinId);
            Assert.Equal(55.5m, report.Percent);
            Assert.Null(report.AuthorId);
            Assert.Equal(12.5m, Assert.Single(report.KpiActuals).Value);
            var audit = await db.AuditEntries.Where(a => a.Entity == nameof(ProgressReport) && a.EntityKey == reportId.ToString(System.Globalization.CultureInfo.InvariantCulture)).SingleAsync();
            Assert.Equal($"api-key:{key.Key!.Prefix}", audit.UserName);
            Assert.Null(audit.UserId);
            Assert.NotNull(await db.ApiKeys.Where(k => k.Id == key.Key.Id).Select(k => k.LastUsedAt).SingleAsync());
        }

        // It follows verification like a report from the form.
        await using var verifier = await app.AsAsync("verifikator.jepara");
        var reports = verifier.Get<ReportService>();
        var detail = await reports.GetAsync(reportId);
        Assert.NotNull(detail);
        Assert.True(detail.CanVerify);
        var verified = await reports.VerifyAsync(reportId, detail.Version);
        Assert.True(verified.Succeeded);
    }

    [Theory]
    [InlineData(Pemalang, Jepara)]
    [InlineData(Jombang, Jombang)]
    [InlineData(Jepara, Jombang)]
    public async Task A_Jepara_key_is_refused_for_another_regency_and_nothing_changes(string pathCode, string quickWinRegency)
    {
        var key = await app.IssueKeyAsync(Jepara);
        var quickWinId = await app.QuickWinOfAsync(quickWinRegency);
        var period = await app.FreePeriodAsync(quickWinId);
        var (reports, audits) = await CountsAsync();

        using var response = await app.Client().SendAsync(ApiApp.Post(ApiApp.ReportsPath(pathCode, quickWinId), key.PlainKey, ApiApp.ReportJson(period)));

        // Another regency's code: 403. Own code with another regency's quick win: 404 (the id is not Jepara's).
        await Problems.AssertProblemAsync(response, pathCode == Jepara ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
        Assert.Equal((reports, audits), await CountsAsync());
    }

    [Fact]
    public async Task No_key_a_wrong_key_a_malformed_key_and_a_revoked_key_get_401_problems_and_nothing_changes()
    {
        var quickWinId = await app.QuickWinOfAsync(Jepara);
        var period = await app.FreePeriodAsync(quickWinId);
        var revoked = await app.IssueKeyAsync(Jepara, "Dicabut");
        await using (var admin = await app.AsAsync("admin"))
        {
            Assert.True((await admin.Get<ApiKeyService>().RevokeAsync(revoked.Key!.Id, revoked.Key.Version)).Succeeded);
        }

        var (reports, audits) = await CountsAsync();
        foreach (var key in new[] { null, ApiKeyService.Generate(), "sck_short", revoked.PlainKey })
        {
            using var response = await app.Client().SendAsync(ApiApp.Post(ApiApp.ReportsPath(Jepara, quickWinId), key, ApiApp.ReportJson(period)));
            var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            if (key == revoked.PlainKey)
            {
                Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }

        Assert.Equal((reports, audits), await CountsAsync());
    }

    [Fact]
    public async Task Without_a_valid_key_the_body_is_never_read_even_when_it_is_malformed()
    {
        var key = await app.IssueKeyAsync(Jepara);
        var quickWinId = await app.QuickWinOfAsync(Jepara);
        const string Malformed = "{ \"period\": \"2026-01\", \"percent\": ";

        using var anonymous = await app.Client().SendAsync(ApiApp.Post(ApiApp.ReportsPath(Jepara, quickWinId), null, Malformed, tag: "anonymous"));
        using var wrong = await app.Client().SendAsync(ApiApp.Post(ApiApp.ReportsPath(Jepara, quickWinId), ApiKeyService.Generate(), Malformed, tag: "wrong"));
        using var valid = await app.Client().SendAsync(ApiApp.Post(ApiApp.ReportsPath(Jepara, quickWinId), key.PlainKey, Malformed, tag: "valid"));

        await Problems.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.False(app.BodyRead["anonymous"], "the body of a request without a key was read");
        Assert.False(app.BodyRead["wrong"], "the body of a request with a wrong key was read");

        // The control: with a valid key the same body is read, and refused as malformed JSON.
        await Problems.AssertValidationProblemAsync(valid);
        Assert.True(app.BodyRead["valid"], "the probe did not see the body being read");
    }

    [Fact]
    public async Task The_key_is_also_accepted_as_a_bearer_token()
    {
        var key = await app.IssueKeyAsync(Jepara);
        var quickWinId = await app.QuickWinOfAsync(Jepara, skip: 1);
        var period = await app.FreePeriodAsync(quickWinId);
        using var request = ApiApp.Post(ApiApp.ReportsPath(Jepara, quickWinId), null, ApiApp.ReportJson(period));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.PlainKey);

        using var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_400_problems_with_field_errors_and_never_500()
    {
        var key = await app.IssueKeyAsync(Jepara);
        var quickWinId = await app.QuickWinOfAsync(Jepara, skip: 2);
        var period = await app.FreePeriodAsync(quickWinId);
        var path = ApiApp.ReportsPath(Jepara, quickWinId);
        var client = app.Client();
        var (reports, _) = await CountsAsync();

        async Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json") =>
            await client.SendAsync(ApiApp.Post(path, key.PlainKey, body, contentType: contentType));

        var malformed = await Problems.AssertValidationProblemAsync(await PostAsync("{\"period\": \"2026-01\", \"percent\": 4"));
        Assert.Equal("Malformed JSON", malformed.GetProperty("title").GetString());
        await Problems.AssertValidationProblemAsync(await PostAsync("{\"period\": \"2026-01\", \"percent\": \"lots\"}"), "$.percent");
        await Problems.AssertValidationProblemAsync(await PostAsync("{\"period\": \"2026-01\", \"percent\": \"40\"}"), "$.percent"); // numbers are numbers, as documented
        await Problems.AssertValidationProblemAsync(await PostAsync("{\"periode\": \"2026-01\"}"), "$.periode");
        await Problems.AssertValidationProblemAsync(await PostAsync("[]"), "$");
        await Problems.AssertValidationProblemAsync(await PostAsync("null"), "$");
        await Problems.AssertValidationProblemAsync(await PostAsync(ApiApp.ReportJson(period, percent: 150, narrative: null)), "percent", "narrative");
        await Problems.AssertValidationProblemAsync(await PostAsync(ApiApp.ReportJson(period, percent: 10.555m)), "percent");
        await Problems.AssertValidationProblemAsync(await PostAsync(ApiApp.ReportJson("2026/01")), "period");
        await Problems.AssertValidationProblemAsync(await PostAsync(ApiApp.ReportJson("2999-01")), "period");
        await Problems.AssertValidationProblemAsync(await PostAsync(ApiApp.ReportJson(period, kpiActuals: new[] { new { kpiId = 999_999, value = 1m } })), "kpiActuals[0].kpiId");
        await Problems.AssertProblemAsync(await PostAsync(ApiApp.ReportJson(period), "text/plain"), HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(reports, (await CountsAsync()).Reports);
    }

    [Fact]
    public async Task Unknown_regency_code_and_quick_win_get_404_problems()
    {
        var key = await app.IssueKeyAsync(Jepara);
        var quickWinId = await app.QuickWinOfAsync(Jepara);
        var client = app.Client();

        await Problems.AssertProblemAsync(await client.SendAsync(ApiApp.Post(ApiApp.ReportsPath("99.99", quickWinId), key.PlainKey, ApiApp.ReportJson("2026-01"))), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await client.SendAsync(ApiApp.Post(ApiApp.ReportsPath(Jepara, 987_654), key.PlainKey, ApiApp.ReportJson("2026-01"))), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await client.SendAsync(ApiApp.Post($"/api/v1/regencies/{Jepara}/quick-wins/abc/reports", key.PlainKey, "{}")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_second_report_for_the_same_period_gets_409_and_the_first_stays()
    {
        var key = await app.IssueKeyAsync(Jepara);
        var quickWinId = await app.QuickWinOfAsync(Jepara, skip: 3);
        var period = await app.FreePeriodAsync(quickWinId);
        var client = app.Client();

        using var first = await client.SendAsync(ApiApp.Post(ApiApp.ReportsPath(Jepara, quickWinId), key.PlainKey, ApiApp.ReportJson(period, 30)));
        using var second = await client.SendAsync(ApiApp.Post(ApiApp.ReportsPath(Jepara, quickWinId), key.PlainKey, ApiApp.ReportJson(period, 90)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Problems.AssertProblemAsync(second, HttpStatusCode.Conflict);
        await using var db = app.CreateDbContext();
        Assert.Equal(30m, await db.ProgressReports.Where(r => r.QuickWinId == quickWinId && r.Period == period).Select(r => r.Percent).SingleAsync());
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute()
    {
        var key = await app.IssueKeyAsync(Jepara);
        var client = app.Client();
        var path = ApiApp.ReportsPath("99.99", 1); // authenticated, then 404: no report is needed to use the key

        using (app.Clock.Pin(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero)))
        {
            (await client.SendAsync(ApiApp.Post(path, key.PlainKey, "{}"))).Dispose();
        }

        using (app.Clock.Pin(new DateTimeOffset(2026, 3, 2, 1, 0, 40, TimeSpan.Zero)))
        {
            (await client.SendAsync(ApiApp.Post(path, key.PlainKey, "{}"))).Dispose();
        }

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), await LastUsedAsync(key.Key!.Id));
        using (app.Clock.Pin(new DateTimeOffset(2026, 3, 2, 1, 1, 5, TimeSpan.Zero)))
        {
            (await client.SendAsync(ApiApp.Post(path, key.PlainKey, "{}"))).Dispose();
        }

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 1, 5, TimeSpan.Zero), await LastUsedAsync(key.Key.Id));
    }

    private async Task<DateTimeOffset?> LastUsedAsync(int keyId)
    {
        await using var db = app.CreateDbContext();
        return await db.ApiKeys.Where(k => k.Id == keyId).Select(k => k.LastUsedAt).SingleAsync();
    }

    private async Task<(int Reports, int Audits)> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.ProgressReports.CountAsync(), await db.AuditEntries.CountAsync(a => a.Entity != nameof(SmartCity.Domain.Regencies.ApiKey)));
    }
}
