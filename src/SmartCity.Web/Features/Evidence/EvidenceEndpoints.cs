using Microsoft.Net.Http.Headers;
using SmartCity.Web.Features.Exports;

namespace SmartCity.Web.Features.Evidence;

public static class EvidenceEndpoints
{
    /// <summary>
    /// <c>GET /evidence/{id}</c>: the file as an attachment, streamed from PostgreSQL with the content type detected at upload.
    /// Signed-in users only; the service checks that the user may read the file's regency (403 otherwise, 404 for unknown ids).
    /// </summary>
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/evidence/{id:int}", DownloadAsync).RequireAuthorization();
        return app;
    }

    private static async Task DownloadAsync(int id, EvidenceService evidence, HttpContext context, CancellationToken ct)
    {
        if (await FileDownload.LoadAsync(context, () => evidence.OpenDownloadAsync(id, ct)) is not { } file)
        {
            return;
        }

        var response = context.Response;
        FileDownload.SetAttachment(response, file.FileName, file.ContentType, file.SizeBytes);

        if (!await evidence.CopyContentAsync(file, response.Body, ct) && !response.HasStarted)
        {
            // Removed between the two reads: nothing was sent yet.
            response.Headers.Remove(HeaderNames.ContentDisposition);
            response.ContentLength = null;
            response.ContentType = null;
            response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
