using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartCity.Testing;

namespace SmartCity.IntegrationTests.Web;

public sealed class PageTests(NationalApp app) : IClassFixture<NationalApp>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string user = "admin")
    {
        var client = Client();
        await HttpSignIn.SignInOrThrowAsync(client, user);
        return client;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/regencies")]
    [InlineData("/regencies/33.20")]
    [InlineData("/quick-wins/overdue")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        using var response = await Client().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/about", "ODbL")]
    [InlineData("/account/login", "Masuk ke SmartCity")]
    [InlineData("/health", "Healthy")]
    public async Task Public_routes_answer_anonymous_visitors(string path, string expected)
    {
        using var response = await Client().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task About_carries_the_data_attribution()
    {
        var html = await Client().GetStringAsync(new Uri("/about", UriKind.Relative));

        Assert.Contains("Contains administrative area data from idn-area-data (https://github.com/fityannugroho/idn-area-data), available under the ODbL.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        using var response = await HttpSignIn.SignInAsync(Client(), "admin", "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nama pengguna atau kata sandi salah.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("SmartCity.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_empty_sign_in_form_shows_field_messages()
    {
        var client = Client();
        using var response = await HttpSignIn.SignInAsync(client, "", "");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(2, html.Split("Wajib diisi.").Length - 1);
    }

    [Fact]
    public async Task Beranda_shows_programme_counts()
    {
        var client = await SignedInAsync();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("data-testid=\"count-regencies\"", html, StringComparison.Ordinal);
        Assert.Contains(">514<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_regency_page_shows_profile_stages_units_and_quick_wins_with_progress()
    {
        var client = await SignedInAsync();
        var html = await client.GetStringAsync(new Uri("/regencies/33.20", UriKind.Relative));

        Assert.Contains("Kabupaten Jepara", html, StringComparison.Ordinal);
        Assert.Contains("17 Okt 2018", html, StringComparison.Ordinal);
        Assert.Contains("DPMPTSP", html, StringComparison.Ordinal);

        var quickWins = await client.GetStringAsync(new Uri("/regencies/33.20?tab=quick-wins", UriKind.Relative));
        Assert.Contains("JOSS", quickWins, StringComparison.Ordinal);
        Assert.Contains("Laporan 2021-10 terverifikasi", quickWins, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_regency_code_gets_a_friendly_404()
    {
        var client = await SignedInAsync();
        using var response = await client.GetAsync(new Uri("/regencies/99.99", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"not-found\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_is_available_through_the_language_switch()
    {
        var client = await SignedInAsync();
        using var switched = await client.GetAsync(new Uri("/culture?culture=en-US&returnUrl=%2Fregencies", UriKind.Relative));
        Assert.Equal("/regencies", switched.Headers.Location!.OriginalString);

        var html = await client.GetStringAsync(new Uri("/regencies/33.20", UriKind.Relative));
        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("17 Oct 2018", html, StringComparison.Ordinal);
        Assert.Contains("Programme stage history", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_site()
    {
        using var response = await Client().GetAsync(new Uri("/culture?culture=en-US&returnUrl=https%3A%2F%2Fevil.example", UriKind.Relative));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private static readonly DateTimeOffset OverdueDay = TestNow.DemoDay;

    [Fact]
    public async Task The_overdue_page_states_the_rule_with_the_grace_days_and_the_time_zone()
    {
        var client = await SignedInAsync("diskominfo.jepara"); // signed in now: the session rules judge real instants
        using var pin = app.Clock.Pin(OverdueDay);

        var html = await client.GetStringAsync(new Uri("/quick-wins/overdue", UriKind.Relative));

        Assert.Contains($"Periode {TestNow.DemoLatest} berakhir {TestNow.DemoLatest.LastDay.ToString("dd MMM yyyy", CultureInfo.GetCultureInfo("id-ID"))}; batas 10 hari (WIB)", html, StringComparison.Ordinal);
        Assert.Contains("Kabupaten Jepara", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"overdue-grid\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diskominfo.jombang", "/quick-wins/overdue?regency=33.20", HttpStatusCode.Forbidden, "data-testid=\"forbidden\"")]
    [InlineData("admin", "/quick-wins/overdue?regency=99.99", HttpStatusCode.NotFound, "data-testid=\"not-found\"")]
    [InlineData("penilai1", "/quick-wins/overdue", HttpStatusCode.OK, "data-testid=\"overdue-choose-regency\"")]
    [InlineData("penilai1", "/quick-wins/overdue?regency=35.17", HttpStatusCode.OK, "Kabupaten Jombang")]
    [InlineData("admin", "/quick-wins/overdue", HttpStatusCode.OK, "Semua daerah (nasional)")]
    public async Task The_overdue_page_answers_each_role(string user, string path, HttpStatusCode status, string expected)
    {
        var client = await SignedInAsync(user);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK, "data-testid=\"template-editor\"")]
    [InlineData("penilai1", HttpStatusCode.OK, "Instrumen Seleksi 2021")]
    [InlineData("bappeda.jepara", HttpStatusCode.Forbidden, "data-testid=\"forbidden\"")]
    public async Task Instrument_templates_are_for_national_roles(string user, HttpStatusCode status, string expected)
    {
        var client = await SignedInAsync(user);

        using var response = await client.GetAsync(new Uri("/assessments/instruments", UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The admin pages of bulk exchange and reference data answer 403 to every other role; the admin gets the page.</summary>
    [Theory]
    [InlineData("admin", "/admin/imports", HttpStatusCode.OK, "data-testid=\"import-kind\"")]
    [InlineData("diskominfo.jepara", "/admin/imports", HttpStatusCode.Forbidden, "data-testid=\"forbidden\"")]
    [InlineData("penilai1", "/admin/imports", HttpStatusCode.Forbidden, "data-testid=\"forbidden\"")]
    [InlineData("admin", "/admin/reference", HttpStatusCode.OK, "data-testid=\"regency-list\"")]
    [InlineData("bappeda.jombang", "/admin/reference", HttpStatusCode.Forbidden, "data-testid=\"forbidden\"")]
    [InlineData("penilai2", "/admin/reference", HttpStatusCode.Forbidden, "data-testid=\"forbidden\"")]
    public async Task Import_and_reference_pages_are_for_admins(string user, string path, HttpStatusCode status, string expected)
    {
        var client = await SignedInAsync(user);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (status == HttpStatusCode.Forbidden)
        {
            // The role check of the page sends other roles to the access-denied page, which answers 403.
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/forbidden", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            using var denied = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            html += await denied.Content.ReadAsStringAsync();
        }
        else
        {
            Assert.Equal(status, response.StatusCode);
        }

        Assert.Contains(expected, html, StringComparison.Ordinal);
        if (status == HttpStatusCode.Forbidden)
        {
            Assert.DoesNotContain("data-testid=\"regency-list\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"import-kind\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Beranda_of_Diskominfo_shows_overdue_and_returned_reports()
    {
        var client = await SignedInAsync("diskominfo.jepara"); // signed in now: the session rules judge real instants
        using var pin = app.Clock.Pin(OverdueDay);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Matches("data-testid=\"overdue-count\"[^>]*>3<", html);
        Assert.Contains("Nikah Keren", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/quick-wins/overdue\"", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"returned-count\"[^>]*>1<", html);
        Assert.Contains("Daftar program CSR triwulan III belum dilampirkan", html, StringComparison.Ordinal);
    }
}
