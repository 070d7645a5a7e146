using Microsoft.Net.Http.Headers;
using SmartCity.Web.Features.Accounts;

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

    private static async Task DownloadAsync(int id, int? version, MasterplanVersionService versions, HttpContext context, CancellationToken ct)
    {
        (string FileName, byte[] Content)? file;
        try
        {
            file = await versions.DocumentAsync(id, version, ct);
        }
        catch (AccessDeniedException)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (file is not { } document)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(document.FileName);
        var response = context.Response;
        response.ContentType = MasterplanDocument.ContentType;
        response.ContentLength = document.Content.Length;
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        await response.Body.WriteAsync(document.Content, ct);
    }
}
