using SmartCity.Web.Features.Exports;

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
            FileDownload.SendAsync(context, () => documents.LetterAsync(roundId, regencyCode, ct), ct)).RequireAuthorization();
        app.MapGet("/assessments/{roundId:int}/results.xlsx", (int roundId, ResultDocumentService documents, HttpContext context, CancellationToken ct) =>
            FileDownload.SendAsync(context, () => documents.ExportAsync(roundId, ct), ct)).RequireAuthorization();
        return app;
    }
}
