using Microsoft.Net.Http.Headers;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.QuickWins.Export;

namespace SmartCity.Web.Features.Exports;

/// <summary>How every download endpoint answers: 403 when the service refuses, 404 when there is nothing, else an attachment.</summary>
public static class FileDownload
{
    /// <summary>Loads the file through a service call and sends it, or 403/404.</summary>
    public static async Task SendAsync(HttpContext context, Func<Task<ExportFile?>> load, CancellationToken ct)
    {
        ExportFile? file;
        try
        {
            file = await load();
        }
        catch (AccessDeniedException)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        SetAttachment(context.Response, file.FileName, file.ContentType, file.Content.Length);
        await context.Response.Body.WriteAsync(file.Content, ct);
    }

    /// <summary>The headers of an attachment that no browser sniffs or caches.</summary>
    public static void SetAttachment(HttpResponse response, string fileName, string contentType, long length)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.ContentType = contentType;
        response.ContentLength = length;
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
    }
}
