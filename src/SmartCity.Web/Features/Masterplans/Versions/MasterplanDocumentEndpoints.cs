using SmartCity.Web.Features.Exports;
using SmartCity.Web.Features.QuickWins.Export;

namespace SmartCity.Web.Features.Masterplans.Versions;

public static class MasterplanDocumentEndpoints
{
    /// <summary>
    /// <c>GET /masterplans/{id}/document?version=N</c>: the official .docx of version N, or of the working copy without
    /// <c>version</c>, as an attachment. Signed-in users only; the service checks that the user may read the plan's regency
    /// (403 otherwise, 404 for an unknown plan or version).
    /// </summary>
    public static IEndpointRouteBuilder MapMasterplanDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/masterplans/{id:int}/document", DownloadAsync).RequireAuthorization();
        return app;
    }

    private static Task DownloadAsync(int id, int? version, MasterplanVersionService versions, HttpContext context, CancellationToken ct) =>
        FileDownload.SendAsync(context, async () => await versions.DocumentAsync(id, version, ct) is { } document
            ? new ExportFile(document.FileName, MasterplanDocument.ContentType, document.Content)
            : null, ct);
}
