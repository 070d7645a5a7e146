using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Features.Evidence;
using static SmartCity.IntegrationTests.Evidence.EvidenceTestData;

namespace SmartCity.IntegrationTests.Evidence;

/// <summary>The panel as the server renders it (prerendering) with the app's real services and data.</summary>
public sealed class EvidencePanelTests(NationalApp app) : IClassFixture<NationalApp>
{
    private static async Task<string> RenderAsync(ActingUser user, int reportId, bool canEdit)
    {
        if (user.Get<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
        {
            navigation.Initialize("http://localhost/", $"http://localhost/reports/{reportId}");
        }

        await using var renderer = new HtmlRenderer(user.Services, user.Get<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(EvidencePanel.ReportId)] = reportId,
                [nameof(EvidencePanel.CanEdit)] = canEdit,
            });
            return (await renderer.RenderComponentAsync<EvidencePanel>(parameters)).ToHtmlString();
        });
    }

    [Fact]
    public async Task Lists_files_with_download_links_and_phone_labels_and_offers_upload_only_to_editors()
    {
        var reportId = await CreateReportAsync(app, Jepara, ReportState.Draft);
        var fileId = await CreateFileAsync(app, reportId);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en-US");
        await using var staff = await app.AsAsync("diskominfo.jepara");

        var editable = await RenderAsync(staff, reportId, canEdit: true);

        Assert.Contains($"href=\"/evidence/{fileId}\"", editable, StringComparison.Ordinal);
        Assert.Contains("download=\"stored.pdf\"", editable, StringComparison.Ordinal);
        Assert.Contains("stack-on-phones", editable, StringComparison.Ordinal);
        Assert.Contains("data-label=\"File name\"", editable, StringComparison.Ordinal);
        Assert.Contains(">PDF<", editable, StringComparison.Ordinal);
        Assert.Contains("accept=\".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx\"", editable, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*aria-label=\"Upload an evidence file\"[^>]*type=\"file\"", editable);
        Assert.Contains(">Upload an evidence file</span></button>", editable, StringComparison.Ordinal);
        Assert.Contains("at most 10 MB", editable, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Remove stored.pdf\"", editable, StringComparison.Ordinal);

        await using var planner = await app.AsAsync("bappeda.jepara");
        var readOnly = await RenderAsync(planner, reportId, canEdit: false);

        Assert.Contains($"href=\"/evidence/{fileId}\"", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"file\"", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Remove stored.pdf", readOnly, StringComparison.Ordinal);
    }
}
