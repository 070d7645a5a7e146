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
        if (await LoadAsync(context, load) is not { } file)
        {
            return;
        }

        SetAttachment(context.Response, file.FileName, file.ContentType, file.Content.Length);
        await context.Response.Body.WriteAsync(file.Content, ct);
    }

    /// <summary>Runs a service load; when the service refuses (403) or finds nothing (404) it answers so and returns null.</summary>
    public static async Task<T?> LoadAsync<T>(HttpContext context, Func<Task<T?>> load)
        where T : class
    {
        try
        {
            var file = await load();
            if (file is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return file;
        }
        catch (AccessDeniedException)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }
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
