using SmartCity.Domain.QuickWins;

namespace SmartCity.Web.Features.QuickWins;

/// <summary>The register's filter row as the user set it.</summary>
public sealed record QuickWinFilter(
    string? Search = null, string? DimensionCode = null, QuickWinStatus? Status = null, int? OwnerUnitId = null, int? Year = null,
    bool? Delayed = null, bool Archived = false)
{
    public QuickWinQuery ToQuery(int? regencyId, QuickWinSort sort, bool descending, int page, int pageSize) =>
        new(regencyId, Search, DimensionCode, Status, OwnerUnitId, Year, Delayed, Archived, sort, descending, page, pageSize);
}
