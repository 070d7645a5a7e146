using SmartCity.Domain.Regencies;
using SmartCity.Web.Features.QuickWins.Overdue;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.Web.Features.Dashboard;

/// <summary>Filters of the national dashboard (query string <c>province</c>, <c>cohort</c>, <c>kind</c>); they apply to every figure.</summary>
public sealed record DashboardFilter(string? Province = null, int? Cohort = null, RegencyKind? Kind = null);

/// <summary>The figures of the national dashboard that drill down to the regencies behind them.</summary>
public enum DashboardFigure
{
    /// <summary>Regencies in the programme; key <c>cohort|stage</c>, either part empty for "any" (stage <c>none</c>: no stage yet).</summary>
    Programme,

    /// <summary>Regencies with active quick wins of a dimension; key the dimension code; value the regency's mean progress.</summary>
    ProgressDimension,

    /// <summary>Regencies with active quick wins in a progress bucket; key 0–4; value how many of its quick wins are in it.</summary>
    ProgressBucket,

    /// <summary>Participants of the latest finalised round with a band; key the band name; value the index.</summary>
    Band,

    /// <summary>Participants of the latest finalised round with a dimension score; key the dimension code; value the score.</summary>
    ScoreDimension,

    /// <summary>Regencies with overdue reports; no key; value the number of overdue quick wins.</summary>
    Overdue,
}

/// <summary>How many regencies of a cohort are at a stage (<see cref="Stage"/> null: no stage recorded yet).</summary>
public sealed record CohortStageCount(int CohortYear, ProgrammeStage? Stage, int Regencies);

/// <summary>A dimension's mean (progress in percent, or score) over <see cref="Count"/> quick wins or regencies; null without any.</summary>
public sealed record DimensionFigure(string Code, decimal? Mean, int Count);

/// <summary>Active quick wins whose progress lies in a bucket: 0 = [0, 20), 1 = [20, 40), 2 = [40, 60), 3 = [60, 80), 4 = [80, 100].</summary>
public sealed record BucketFigure(int Bucket, int QuickWins)
{
    public const int Width = 20;

    public int From => Bucket * Width;

    public int To => (Bucket + 1) * Width;
}

/// <summary>A band of the latest finalised round's instrument, with the participants in it (in the filter).</summary>
public sealed record BandFigure(string Band, int SortOrder, int Regencies);

/// <summary>The latest finalised (published) evaluation round.</summary>
public sealed record LatestRound(int Id, string Name, int Year, bool IsDemo, decimal ScaleMax);

/// <summary>A regency with overdue reports and how many of its quick wins are overdue.</summary>
public sealed record OverdueRegency(string Code, string Name, int QuickWins, int MaxDaysOverdue);

/// <summary>
/// The national dashboard under a filter: programme counts by cohort and stage, quick-win progress per dimension and its
/// distribution, the latest finalised round (bands, mean dimension scores) and regencies with overdue reports.
/// Computed live in SQL at <see cref="ComputedAt"/>.
/// </summary>
public sealed record NationalDashboard(
    DashboardFilter Filter,
    int Regencies,
    int InProgramme,
    int ActiveQuickWins,
    IReadOnlyList<CohortStageCount> Programme,
    IReadOnlyList<DimensionFigure> Progress,
    IReadOnlyList<BucketFigure> Buckets,
    LatestRound? Round,
    IReadOnlyList<BandFigure> Bands,
    IReadOnlyList<DimensionFigure> Scores,
    int OverdueRegencies,
    int OverdueQuickWins,
    IReadOnlyList<OverdueRegency> Overdue,
    IReadOnlyList<ProvinceOption> Provinces,
    IReadOnlyList<int> Cohorts,
    DateTimeOffset ComputedAt);

/// <summary>A regency behind a figure, with the figure's value for it (see <see cref="DashboardFigure"/>).</summary>
public sealed record DrillRow(int Id, string Code, string Name, string ProvinceName, RegencyKind Kind, int? CohortYear, ProgrammeStage? Stage, decimal? Value);

/// <summary>A dated stage of the regency's programme history.</summary>
public sealed record StageStep(ProgrammeStage Stage, DateOnly Date, string? Note);

/// <summary>The regency's current masterplan: its state, versions, completeness findings (localised) and open review comments.</summary>
public sealed record MasterplanStatus(
    int Id, string Title, int StartYear, int EndYear, Domain.Masterplans.MasterplanState State, int WorkingVersion, int? ApprovedVersion,
    IReadOnlyList<string> Completeness, int OpenComments);

/// <summary>An open (unresolved, top-level) review comment on one of the regency's masterplans.</summary>
public sealed record OpenComment(int Id, int MasterplanId, string Anchor, string Text, string? Author, DateTimeOffset CreatedAt);

/// <summary>A dimension's score of the regency in a round against the mean of all the round's participants.</summary>
public sealed record ScoreComparison(string Code, decimal? Regency, decimal? National);

/// <summary>
/// The dashboard of one regency: stage and history, masterplan status and completeness, quick-win progress per dimension,
/// overdue reports (first five), latest finalised scores against the national mean, open review comments.
/// </summary>
public sealed record RegencyDashboard(
    int Id,
    string Code,
    string Name,
    string ProvinceName,
    RegencyKind Kind,
    int? CohortYear,
    ProgrammeStage? Stage,
    Domain.Common.IndonesianTimeZone TimeZone,
    IReadOnlyList<StageStep> Stages,
    MasterplanStatus? Masterplan,
    IReadOnlyList<DimensionProgress> Progress,
    int OverdueTotal,
    IReadOnlyList<OverdueRow> Overdue,
    LatestRound? Round,
    decimal? RoundIndex,
    string? RoundBand,
    int? RoundRank,
    IReadOnlyList<ScoreComparison> Scores,
    int OpenCommentsTotal,
    IReadOnlyList<OpenComment> OpenComments);
