using SmartCity.Domain.Assessments;

namespace SmartCity.Web.Features.Assessments;

/// <summary>The round a result belongs to; <c>State</c> is the effective state (RoundCalendar).</summary>
public sealed record ResultRound(
    int Id, string Name, RoundKind Kind, int Year, RoundState State, bool IsDemo, DateTimeOffset? FinalisedAt,
    decimal ScaleMin, decimal ScaleMax, decimal DivergenceThreshold);

public sealed record ResultCriterion(int Id, string Code, string NameId, string NameEn, decimal Weight, bool PerDimension, int SortOrder)
{
    public string Name(bool english) => english ? NameEn : NameId;
}

public sealed record ResultDimension(int Id, string Code, string NameId, string NameEn)
{
    public string Name(bool english) => english ? NameEn : NameId;
}

/// <summary>A cell: the assessors' scores, the reconciled score if any, and the final cell score (exact, shown rounded).</summary>
public sealed record CellResult(int CriterionId, int? DimensionId, IReadOnlyList<decimal> AssessorScores, decimal? Reconciled, decimal? Final, bool Divergent);

/// <summary>A criterion's score (rounded to two decimals; null while a cell is unscored) and its cells.</summary>
public sealed record CriterionResult(int CriterionId, decimal? Score, IReadOnlyList<CellResult> Cells);

/// <summary>A smart-city dimension's score (weight-normalised mean, rounded; null without per-dimension cells).</summary>
public sealed record DimensionResult(int DimensionId, string Code, decimal? Score);

/// <summary>One participating regency's result. <c>Index</c> is null while a cell is unscored.</summary>
public sealed record ParticipantResult(
    int RegencyId, string RegencyCode, string RegencyName, int ProvinceId, string ProvinceName,
    decimal? Index, string? Band, int? NationalRank, int? ProvincialRank, decimal? Change,
    IReadOnlyList<CriterionResult> Criteria, IReadOnlyList<DimensionResult> Dimensions,
    int MissingCells, int UnreconciledCells, string? LetterNumber, DateOnly? LetterDate);

/// <summary>
/// Results of a round: computed from the final cell scores while the round is open, read from the stored results
/// (index, band, ranks, change) once it is finalised. <c>Participants</c> holds only the rows the user may read.
/// </summary>
public sealed record RoundResults(
    ResultRound Round, IReadOnlyList<ResultCriterion> Criteria, IReadOnlyList<ResultDimension> Dimensions,
    IReadOnlyList<ParticipantResult> Participants, int TotalParticipants, string? PreviousRoundName)
{
    public bool IsFinalised => Round.State == RoundState.Finalised;
}

/// <summary>Sort columns of the results table.</summary>
public enum ResultSort
{
    NationalRank,
    Regency,
    Province,
    Index,
    Change,
}

/// <summary>A page of the results table: province filter, sort and paging on the server.</summary>
public sealed record ResultQuery(int? ProvinceId = null, ResultSort Sort = ResultSort.NationalRank, bool Descending = false, int Page = 0, int PageSize = 25, string? Search = null);

public sealed record ResultPage(RoundResults Results, IReadOnlyList<ParticipantResult> Rows, int Total, IReadOnlyList<(int Id, string Name)> Provinces);

/// <summary>A regency user's comment on a criterion.</summary>
public sealed record ResultCommentRow(int Id, int CriterionId, string Text, string? AuthorName, DateTimeOffset CreatedAt);
