using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartCity.Web.Features.Admin.ApiKeys;
using Xunit.Abstractions;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>The API's documentation page (Scalar, third-party) and the admin's API keys page.</summary>
public sealed class ApiJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task The_Scalar_reference_lists_the_API_from_the_app_alone_under_the_portal_CSP(string device, int width, int height)
    {
        var page = await app.NewPageAsync(width, height);
        var external = new List<string>();
        var problems = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" or "ws" or "wss" && url.Host is not ("127.0.0.1" or "localhost"))
            {
                lock (external)
                {
                    external.Add(route.Request.Url);
                }

                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        page.Console += (_, message) =>
        {
            if (message.Type is "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (problems)
                {
                    problems.Add($"{message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add($"page error: {error}");
            }
        };

        var response = await page.GotoAsync("/scalar");
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        var csp = await response.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);

        // The operations of the document are listed (Scalar renders an operation's section lazily, its entry in the list at once).
        var operations = page.GetByRole(AriaRole.List, new() { Name = "SmartCity endpoints" });
        await Assertions.Expect(operations.GetByRole(AriaRole.Link, new() { Name = "post /api/v1/regencies/{code}/quick-wins/{id}/reports" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(operations.GetByRole(AriaRole.Link, new() { Name = "get /api/v1", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What the API publishes, under which licence" })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserApp.ScreenshotAsync(page, $"scalar-{device}");

        Assert.True(external.Count == 0, "requests outside the app: " + string.Join(", ", external.Distinct()));
        Assert.True(problems.Count == 0, "console errors: " + string.Join("\n", problems));

        // Scalar is third-party: its axe findings are reported here (and in the report to the lead) rather than hidden.
        AxeResult axe = await page.RunAxe();
        var severe = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var known = severe.Where(IsKnownScalarIssue).ToList();
        foreach (var violation in known)
        {
            output.WriteLine($"known Scalar issue, not fixable here: {violation.Id} ({violation.Impact}) on {violation.Nodes.Length} node(s)");
        }

        severe = severe.Except(known).ToList();
        foreach (var violation in severe)
        {
            output.WriteLine($"axe {device}: {violation.Id} ({violation.Impact}): {violation.Help} — {violation.Nodes.Length} nodes");
            foreach (var node in violation.Nodes)
            {
                output.WriteLine($"   {node.Target}: {node.Html}");
            }
        }

        Assert.True(severe.Count == 0, "axe on /scalar: " + string.Join("; ", severe.Select(v => $"{v.Id} ({v.Impact}, {v.Nodes.Length} nodes): {v.Nodes.FirstOrDefault()?.Html}")));
    }

    /// <summary>
    /// Scalar 2.19's authentication panel renders the header-name field as <c>role="combobox"</c> (a contenteditable with
    /// suggestions) without <c>aria-expanded</c>/<c>aria-controls</c>: axe aria-required-attr (critical). It is inside Scalar's
    /// bundle; claiming a fixed aria-expanded from outside would be wrong whenever its suggestion list is open. Only exactly
    /// this finding is tolerated; anything else fails the test.
    /// </summary>
    private static bool IsKnownScalarIssue(AxeResultItem violation) =>
        violation.Id == "aria-required-attr"
        && violation.Nodes.All(n => n.Html.Contains("code-input-lite__editor", StringComparison.Ordinal) && n.Html.Contains("role=\"combobox\"", StringComparison.Ordinal));

    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task An_admin_issues_a_key_sees_it_once_and_revokes_it(string device, int width, int height)
    {
        var page = await app.SignedInPageAsync("admin", width, height);
        await page.GotoAsync("/admin/api-keys");
        await BrowserApp.WaitInteractiveAsync(page);
        var name = $"Angkutan sampah {device} {Guid.NewGuid():N}"[..30];

        await page.GetByTestId("api-key-issue").ClickAsync();
        await page.GetByTestId("api-key-create").ClickAsync();
        await Assertions.Expect(page.GetByTestId("api-key-dialog").GetByText("Wajib diisi.").First).ToBeVisibleAsync();
        await BrowserApp.PickAsync(page, page.Locator("#api-key-regency"), "Jepara", "Kabupaten Jepara (33.20)");
        await Assertions.Expect(page.GetByTestId("api-key-dialog").GetByText("Wajib diisi.")).ToHaveCountAsync(1);
        await page.Locator("#api-key-name").FillAsync(name);
        await page.GetByTestId("api-key-create").ClickAsync();

        await Assertions.Expect(page.GetByTestId("api-key-once")).ToBeVisibleAsync();
        var key = await page.Locator("#api-key-plain").InputValueAsync();
        Assert.True(ApiKeyService.LooksLikeKey(key), key);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Salin kunci" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, $"api-key-issued-{device}");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByTestId("api-key-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("api-key-dialog")).ToHaveCountAsync(0);

        await page.Locator("#api-key-search").FillAsync(key[..ApiKeyService.PrefixLength]);
        await Assertions.Expect(page.GetByTestId("api-key-name")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("api-key-name")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByTestId("api-key-prefix")).ToHaveTextAsync(key[..ApiKeyService.PrefixLength] + "…");
        await Assertions.Expect(page.GetByTestId("api-key-last-used")).ToHaveTextAsync("Belum pernah");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, $"api-keys-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByTestId("api-key-revoke").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync(name);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cabut" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("api-key-status")).ToHaveTextAsync("Dicabut");
        await Assertions.Expect(page.GetByTestId("api-key-revoke")).ToHaveCountAsync(0);

        await using var db = app.CreateDbContext();
        var row = await db.ApiKeys.SingleAsync(k => k.Name == name);
        Assert.Equal(ApiKeyService.HashOf(key), row.Hash);
        Assert.NotNull(row.RevokedAt);
    }

    [Fact]
    public async Task Regency_staff_are_not_permitted_on_the_api_keys_page()
    {
        var page = await app.SignedInPageAsync("diskominfo.jepara");
        await page.GotoAsync("/admin/api-keys");

        await Assertions.Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
    }
}
