using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Domain.Notifications;
using SmartCity.Web.Features.Notifications;
using SmartCity.Web.Resources;

namespace SmartCity.UnitTests.Web.Notifications;

/// <summary>Every kind of notification has its text in both languages; states in the detail are shown by their label.</summary>
public sealed class NotificationTextTests
{
    private static readonly StringLocalizer<SharedResource> L =
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static NotificationRow Row(NotificationKind kind, string subject, string? detail) =>
        new(1, kind, subject, detail, "/", DateTimeOffset.UnixEpoch, null);

    private static string In(string culture, Func<string> text)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return text();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    public void Every_kind_has_a_text_with_its_subject(string culture)
    {
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            var text = In(culture, () =>
            {
                Assert.False(L[$"Notification.{kind}"].ResourceNotFound, $"Notification.{kind}");
                return NotificationService.Text(L, Row(kind, "«Subjek»", "2026-10"));
            });
            Assert.Contains("«Subjek»", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_state_in_the_detail_is_shown_by_its_label_and_other_details_as_they_are()
    {
        Assert.Equal(
            "Masterplan Masterplan Jombang kini berstatus Disetujui.",
            In("id-ID", () => NotificationService.Text(L, Row(NotificationKind.MasterplanState, "Masterplan Jombang", "Approved"))));
        Assert.Equal(
            "The progress report of Satu Data for the period 2026-10 is due.",
            In("en-US", () => NotificationService.Text(L, Row(NotificationKind.ReportDue, "Satu Data", "2026-10"))));
    }
}
