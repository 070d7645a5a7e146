namespace SmartCity.Web.Common;

/// <summary>One page of a list that grows, counted and paged in SQL.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
