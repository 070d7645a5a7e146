using Microsoft.Net.Http.Headers;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.QuickWins.Export;

namespace SmartCity.Web.Features.Assessments;

public static class ResultEndpoints
{
    /// <summary>
    /// <c>GET /assessments/{roundId}/letters/{regencyCode}</c>: a regency's result letter (.docx) of a finalised round (regency users
    /// their own only); <c>GET /assessments/{roundId}/results.xlsx</c>: the results (national roles). 403 when refused, 404 when absent.
    /// </summary>
    public static IEndpointRouteBuilder MapResultEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assessments/{roundId:int}/letters/{regencyCode}", (int roundId, string regencyCode, ResultDocumentService documents, HttpContext context, CancellationToken ct) =>
            SendAsync(context, () => documents.LetterAsync(roundId, regencyCode, ct), ct)).RequireAuthorization();
        app.MapGet("/assessments/{roundId:int}/results.xlsx", (int roundId, ResultDocumentService documents, HttpContext context, CancellationToken ct) =>
            SendAsync(context, () => documents.ExportAsync(roundId, ct), ct)).RequireAuthorization();
        return app;
    }

    private static async Task SendAsync(HttpContext context, Func<Task<ExportFile?>> load, CancellationToken ct)
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

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        var response = context.Response;
        response.ContentType = file.ContentType;
        response.ContentLength = file.Content.Length;
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        await response.Body.WriteAsync(file.Content, ct);
    }
}
