using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartCity.Domain.Notifications;
using SmartCity.Web.Features.Notifications;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>Issue 7: a regency user sees the bell's unread count, opens it, marks one and then all read, and pages the full list.</summary>
public sealed class NotificationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string User = "diskominfo.pemalang";

    /// <summary>The user's inbox starts with exactly three unread notifications (older ones marked read).</summary>
    private async Task SeedAsync(string device)
    {
        await using var db = app.CreateDbContext();
        var me = await db.Users.Where(u => u.UserName == User).Select(u => u.Id).SingleAsync();
        var regency = await db.Users.Where(u => u.UserName == User).Select(u => u.RegencyId).SingleAsync();
        await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, app.Clock.GetUtcNow()));
        var now = app.Clock.GetUtcNow();
        await Notifier.NotifyAsync(db, [me], NotificationKind.ReportDue, "Pemalang Satu Data", "2026-10", "/quick-wins", regency, $"e2e-due-{device}", now.AddMinutes(-30));
        await Notifier.NotifyAsync(db, [me], NotificationKind.ReportReturned, "Sistem Informasi Layanan Kependudukan Terpadu Kabupaten", "2026-09", "/quick-wins", regency, $"e2e-returned-{device}", now.AddMinutes(-20));
        await Notifier.NotifyAsync(db, [me], NotificationKind.RoundState, "Evaluasi Tahunan 2026", "Scoring", "/assessments", null, $"e2e-round-{device}", now.AddMinutes(-10));
    }

    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task A_regency_user_sees_the_count_opens_the_bell_and_marks_all_read(string device, int width, int height)
    {
        await SeedAsync(device);
        var page = await app.SignedInPageAsync(User, width, height);
        await page.GotoAsync("/");
        await BrowserApp.WaitInteractiveAsync(page);
        var bell = page.GetByTestId("notification-bell");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifikasi, 3 belum dibaca");
        await Assertions.Expect(page.GetByTestId("notification-badge")).ToHaveTextAsync("3");

        await bell.ClickAsync();
        var panel = page.GetByTestId("notification-panel");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(panel.GetByTestId("notification-unread")).ToHaveCountAsync(3);
        var first = panel.GetByTestId("notification-item").First;
        await Assertions.Expect(first.GetByTestId("notification-link")).ToHaveTextAsync("Putaran penilaian Evaluasi Tahunan 2026 kini pada tahap Penilaian.");
        await BrowserApp.ScreenshotAsync(page, $"notifications-bell-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        // One read: the count follows; the item keeps its place, now without the unread label.
        await first.GetByTestId("notification-mark-read").ClickAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifikasi, 2 belum dibaca");
        await Assertions.Expect(panel.GetByTestId("notification-item").First).ToHaveAttributeAsync("data-read", "true");

        await panel.GetByTestId("notification-mark-all").ClickAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifikasi");
        await Assertions.Expect(page.GetByTestId("notification-badge")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.GetByTestId("notification-unread")).ToHaveCountAsync(0);

        // The full list.
        await panel.GetByTestId("notification-show-all").ClickAsync();
        await page.WaitForURLAsync("**/notifications");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("notification-page-list").GetByTestId("notification-item").First).ToContainTextAsync("Evaluasi Tahunan 2026");
        await Assertions.Expect(page.GetByTestId("notification-page-mark-all")).ToBeDisabledAsync();
        await BrowserApp.ScreenshotAsync(page, $"notifications-page-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await using var db = app.CreateDbContext();
        var me = await db.Users.Where(u => u.UserName == User).Select(u => u.Id).SingleAsync();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null));
    }
}
