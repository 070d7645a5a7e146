using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartCity.Testing;

namespace SmartCity.EndToEndTests;

/// <summary>
/// The real app on Kestrel (a loopback port) and Debian's Chromium driven by Playwright (no browser download).
/// </summary>
public class BrowserApp : SmartCityFactory
{
    private IPlaywright? _playwright;
    private int _disposed;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts", "screenshots")).FullName;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!LaunchesBrowser)
        {
            return;
        }

        // Two cores run two journeys, their servers and browsers at once: a grid reload may take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SMARTCITY_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A second instance only serves pages; the first one's browser visits it.</summary>
    protected virtual bool LaunchesBrowser => true;

    protected override void StartHost()
    {
        UseKestrel(0);
        StartServer();
    }

    private const int OpenContexts = 3;
    private readonly List<IBrowserContext> _contexts = [];

    public Task<IPage> NewPageAsync(int width = 1366, int height = 900) => NewPageAsync(BaseUrl, width, height);

    /// <summary>
    /// Opens a page in a fresh browser context. Contexts of earlier steps are closed (the newest few stay open, enough for
    /// the two or three browsers one journey uses at once): left open, their pages keep animating and their circuits keep
    /// running, and on two cores that starves the journeys that run in parallel.
    /// </summary>
    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1366, int height = 900)
    {
        IBrowserContext[] stale;
        lock (_contexts)
        {
            stale = _contexts.Count >= OpenContexts ? _contexts.Take(_contexts.Count - OpenContexts + 1).ToArray() : [];
            _contexts.RemoveRange(0, stale.Length);
        }

        foreach (var old in stale)
        {
            await old.CloseAsync();
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        context.SetDefaultTimeout(15_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInPageAsync(string user, int width = 1366, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-username").FillAsync(user);
        await page.GetByTestId("login-password").FillAsync(HttpSignIn.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits until the circuit is up (the layout renders data-interactive="true").</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Opens a MudSelect, chooses the option and waits until its list has closed (the choice reached the server).</summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await ChooseOpenOptionAsync(page, option);
    }

    /// <summary>
    /// Types into a MudAutocomplete, chooses the option and waits until the list has closed and the field shows the choice, so the next
    /// step (e.g. a save) is not handled before the server took the value.
    /// </summary>
    public static async Task PickAsync(IPage page, ILocator input, string search, string option)
    {
        await input.FillAsync(search);
        await ChooseOpenOptionAsync(page, option);
        await Assertions.Expect(input).ToHaveValueAsync(option);
    }

    private static async Task ChooseOpenOptionAsync(IPage page, string option)
    {
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Sets a CSV file once Blazor's InputFile has hooked the input (MudFileUpload adds a fresh input after each pick; the last is live),
    /// and waits until the page names it in <paramref name="fileNameTestId"/>.
    /// </summary>
    public static async Task UploadAsync(IPage page, string name, string csv, string fileNameTestId)
    {
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('input[type=file]')].at(-1)?._blazorInputFileNextFileId !== undefined");
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await Assertions.Expect(page.GetByTestId(fileNameTestId)).ToHaveTextAsync(name);
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>axe must report no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // A snackbar fading in is measured half-transparent; its settled colours meet AA. Let its animation finish first.
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().filter(a => a.effect?.target?.closest?.('.mud-snackbar')).every(a => a.playState !== 'running')",
            null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        // A snackbar can still appear between that wait and the scan (an autosave's "Tersimpan."); it is transient and was checked
        // settled, so the scan leaves the snackbar container out rather than measure a fade.
        AxeResult result = await page.RunAxe(new AxeRunContext { Exclude = [new AxeSelector(".mud-snackbar")] });
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(severe.Count == 0, "axe violations on " + page.Url + ":\n" + string.Join("\n", severe));
    }

    public override async ValueTask DisposeAsync()
    {
        // xunit may dispose a fixture twice (IAsyncLifetime, then IAsyncDisposable): close the browser and the driver once.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            if (LaunchesBrowser && Browser is not null)
            {
                await Browser.CloseAsync();
            }

            _playwright?.Dispose();
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
