using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartCity.IntegrationTests.Web;

namespace SmartCity.IntegrationTests.PublicPages;

/// <summary>The read endpoints of /api/v1 as an anonymous client: envelope, filters, paging limits, problem details.</summary>
public sealed partial class PublishedDataApiTests(NationalApp app) : IClassFixture<NationalApp>
{
    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> GetAsync(string path)
    {
        var response = await Anonymous().GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task Regencies_come_in_a_paged_envelope_with_code_and_name()
    {
        var (status, media, body) = await GetAsync("/api/v1/regencies");
        Assert.Equal((HttpStatusCode.OK, "application/json"), (status, media));
        Assert.Equal(["items", "page", "pageSize", "total"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal((1, 50, 514), (body.GetProperty("page").GetInt32(), body.GetProperty("pageSize").GetInt32(), body.GetProperty("total").GetInt32()));
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(50, items.Count);
        Assert.All(items, i => Assert.Matches(@"^\d{2}\.\d{2}$", i.GetProperty("code").GetString()));
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("name").GetString())));

        var (_, _, last) = await GetAsync("/api/v1/regencies?page=3&pageSize=200");
        Assert.Equal(114, last.GetProperty("items").GetArrayLength());
        var (_, _, beyond) = await GetAsync("/api/v1/regencies?page=2147483647&pageSize=200");
        Assert.Equal((0, 514), (beyond.GetProperty("items").GetArrayLength(), beyond.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task Regencies_filter_by_province_and_kind()
    {
        var (_, _, body) = await GetAsync("/api/v1/regencies?province=33&kind=kota&pageSize=200");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(6, body.GetProperty("total").GetInt32()); // Jawa Tengah: Magelang, Surakarta, Salatiga, Semarang, Pekalongan, Tegal
        Assert.All(items, i => Assert.Equal(("33", "kota"), (i.GetProperty("provinceCode").GetString(), i.GetProperty("kind").GetString())));

        var (_, _, jepara) = await GetAsync("/api/v1/regencies?search=jepara");
        var row = Assert.Single(jepara.GetProperty("items").EnumerateArray());
        Assert.Equal(("33.20", "Kabupaten Jepara", "kabupaten", 2018), (row.GetProperty("code").GetString(), row.GetProperty("name").GetString(), row.GetProperty("kind").GetString(), row.GetProperty("cohortYear").GetInt32()));
    }

    [Theory]
    [InlineData("/api/v1/regencies?pageSize=201", "pageSize")]
    [InlineData("/api/v1/regencies?pageSize=0", "pageSize")]
    [InlineData("/api/v1/regencies?page=0", "page")]
    [InlineData("/api/v1/regencies?page=abc", "page")]
    [InlineData("/api/v1/regencies?pageSize=99999999999", "pageSize")]
    [InlineData("/api/v1/regencies?kind=desa", "kind")]
    [InlineData("/api/v1/regencies?kind=1", "kind")]
    [InlineData("/api/v1/regencies?province=jawa", "province")]
    [InlineData("/api/v1/regencies/33.20/quick-wins?pageSize=201", "pageSize")]
    [InlineData("/api/v1/regencies/33.20/quick-wins?page=-1", "page")]
    [InlineData("/api/v1/rounds/1/results?pageSize=500", "pageSize")]
    public async Task Out_of_range_or_malformed_input_is_a_400_problem_with_a_field_error(string path, string field)
    {
        var (status, media, body) = await GetAsync(path);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (status, media));
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.NotEmpty(body.GetProperty("errors").GetProperty(field).EnumerateArray());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/regencies/99.99")]
    [InlineData("/api/v1/regencies/%27%3B--")]
    [InlineData("/api/v1/regencies/99.99/quick-wins")]
    [InlineData("/api/v1/rounds/2147483647/results")]
    [InlineData("/api/v1/rounds/abc/results")]
    public async Task Unknown_codes_and_ids_are_404_problems(string path)
    {
        var (status, media, body) = await GetAsync(path);
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (status, media));
        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_regency_has_its_profile_and_approved_masterplan()
    {
        var (status, _, body) = await GetAsync("/api/v1/regencies/33.20");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("33.20", "Kabupaten Jepara", "33", "evaluation"), (body.GetProperty("code").GetString(), body.GetProperty("name").GetString(), body.GetProperty("provinceCode").GetString(), body.GetProperty("stage").GetString()));
        var plan = body.GetProperty("masterplan");
        Assert.Equal("2018-10-17", plan.GetProperty("approvedOn").GetString());
        Assert.Equal(8, plan.GetProperty("programmes").GetArrayLength());
        Assert.DoesNotContain("signator", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Quick_wins_carry_an_integer_id_and_their_progress()
    {
        var (status, _, body) = await GetAsync("/api/v1/regencies/33.20/quick-wins?pageSize=5&page=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, 5), (body.GetProperty("page").GetInt32(), body.GetProperty("pageSize").GetInt32()));
        var total = body.GetProperty("total").GetInt32();
        Assert.True(total >= 9, $"Jepara has the 9 demo quick wins, got {total}.");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Math.Min(5, total - 5), items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal(JsonValueKind.Number, i.GetProperty("id").ValueKind);
            Assert.True(i.GetProperty("id").TryGetInt32(out _));
            Assert.InRange(i.GetProperty("progressPercent").GetDecimal(), 0, 100);
        });

        var (_, _, all) = await GetAsync("/api/v1/regencies/33.20/quick-wins?pageSize=200");
        var siangsa = Assert.Single(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("acronym").GetString() == "Siangsa");
        Assert.Equal((100m, "completed"), (siangsa.GetProperty("progressPercent").GetDecimal(), siangsa.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Finalised_rounds_and_their_results_with_two_decimal_indices_and_ranks()
    {
        var (status, _, rounds) = await GetAsync("/api/v1/rounds");
        Assert.Equal(HttpStatusCode.OK, status);
        var demo = rounds.EnumerateArray().ToList();
        Assert.Contains(demo, r => r.GetProperty("name").GetString() == "Evaluasi Tahunan 2025 (data demo)");
        var id = demo.First(r => r.GetProperty("year").GetInt32() == 2025).GetProperty("id").GetInt32();

        var response = await Anonymous().GetAsync(new Uri($"/api/v1/rounds/{id}/results?pageSize=2", UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(raw).RootElement;
        Assert.Equal((1, 2, 3), (body.GetProperty("page").GetInt32(), body.GetProperty("pageSize").GetInt32(), body.GetProperty("total").GetInt32()));
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(2, TwoDecimalIndex().Count(raw));
        Assert.All(items, i =>
        {
            Assert.Matches(@"^\d{2}\.\d{2}$", i.GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(i.GetProperty("band").GetString()));
            Assert.True(i.GetProperty("nationalRank").GetInt32() >= 1);
            Assert.True(i.GetProperty("provincialRank").GetInt32() >= 1);
        });
        Assert.True(items[0].GetProperty("nationalRank").GetInt32() <= items[1].GetProperty("nationalRank").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_read_with_schemas_for_each_status()
    {
        var (status, _, doc) = await GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var paths = doc.GetProperty("paths");
        foreach (var (path, codes) in new[]
        {
            ("/api/v1/regencies", new[] { "200", "400", "429" }),
            ("/api/v1/regencies/{code}", new[] { "200", "404", "429" }),
            ("/api/v1/regencies/{code}/quick-wins", new[] { "200", "400", "404", "429" }),
            ("/api/v1/rounds", new[] { "200", "429" }),
            ("/api/v1/rounds/{id}/results", new[] { "200", "400", "404", "429" }),
        })
        {
            var responses = paths.GetProperty(path).GetProperty("get").GetProperty("responses");
            foreach (var code in codes)
            {
                var content = responses.GetProperty(code).GetProperty("content");
                Assert.True(content.EnumerateObject().Single().Value.TryGetProperty("schema", out _), $"{path} {code} has no schema.");
            }
        }
    }

    [GeneratedRegex(@"""index"":\d+\.\d{2}[,}]")]
    private static partial Regex TwoDecimalIndex();
}
