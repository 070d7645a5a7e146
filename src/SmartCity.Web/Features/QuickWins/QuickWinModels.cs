using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.Web.Features.QuickWins;

public enum QuickWinSort
{
    Start,
    Name,
    Target,
    Budget,
    Progress,
    Status,
}

/// <summary>The register's filters: one regency (null: the user's own, or every regency for national roles) and the grid's choices.</summary>
public sealed record QuickWinQuery(
    int? RegencyId = null, string? Search = null, string? DimensionCode = null, QuickWinStatus? Status = null, int? OwnerUnitId = null,
    int? Year = null, bool? Delayed = null, bool Archived = false, QuickWinSort Sort = QuickWinSort.Start, bool Descending = false,
    int Page = 1, int PageSize = 25);

/// <summary>A register row; progress by the one formula with the terms it comes from.</summary>
public sealed record QuickWinListRow(
    int Id, string RegencyCode, string RegencyName, string Name, string? Acronym, string DimensionCode, string? OwnerUnit,
    DateOnly StartDate, DateOnly TargetDate, decimal Budget, QuickWinStatus Status, bool IsArchived,
    decimal Progress, string? ProgressPeriod, DateTimeOffset? ProgressVerifiedAt, bool IsDelayed)
{
    public string Title => Acronym ?? Name;
}

/// <summary>The register page's frame: which regency (null for the national register), its OPDs for the filter, and progress per dimension.</summary>
public sealed record RegisterFrame(
    int? RegencyId, string? RegencyCode, string? RegencyName, IndonesianTimeZone TimeZone, bool CanWrite,
    IReadOnlyList<OptionRow> Units, IReadOnlyList<DimensionProgress> Dimensions);

public sealed record OptionRow(int Id, string Name);

public sealed record ElementOption(int Id, int DimensionId, string Name);

public sealed record DimensionOption(int Id, string Code, IReadOnlyList<ElementOption> Elements);

/// <summary>What the quick-win form chooses from: dimensions with their elements, the regency's active OPDs and its masterplan programmes.</summary>
/// <summary>The choices of the quick-win form, and today in the regency's zone (the programme clock) for a new quick win's dates.</summary>
public sealed record QuickWinOptions(IReadOnlyList<DimensionOption> Dimensions, IReadOnlyList<OptionRow> Units, IReadOnlyList<OptionRow> Programmes, DateOnly Today);

/// <summary>The terms of a quick win's progress: which verified report gives the percent, and when it was verified (null: none yet, 0 %).</summary>
public sealed record ProgressTerms(decimal Percent, int? ReportId, string? Period, DateTimeOffset? VerifiedAt, string? VerifiedBy);

public sealed record MilestoneRow(int Id, string Name, decimal Weight, DateOnly? DueDate, DateOnly? DoneDate, uint Version)
{
    public bool IsDone => DoneDate is not null;
}

public sealed record KpiRow(int Id, string Name, string Unit, decimal Baseline, decimal Target, decimal? LatestActual, uint Version);

public sealed record ReportRow(
    int Id, string Period, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Percent, ReportState State, ReportSource Source, string? Author,
    DateTimeOffset? SubmittedAt, string? Verifier, DateTimeOffset? VerifiedAt, string? ReturnReason, int EvidenceCount);

/// <summary>Traceability from a quick win: the masterplan (id, title, period) of the programme it serves, and that programme's goal.</summary>
public sealed record ProgrammeTrace(int MasterplanId, string MasterplanTitle, int StartYear, int EndYear, string? Goal);

/// <summary>One quick win with everything its page shows.</summary>
public sealed record QuickWinDetail(
    int Id, int RegencyId, string RegencyCode, string RegencyName, IndonesianTimeZone TimeZone, ReportingPeriodKind PeriodKind,
    string Name, string? Acronym, string? Description, int DimensionId, string DimensionCode, int? ElementId, string? ElementName,
    int? OwnerUnitId, string? OwnerUnit, int? ProgrammeId, string? ProgrammeName, DateOnly StartDate, DateOnly TargetDate,
    decimal Budget, string? BudgetSource, QuickWinKind Kind, QuickWinStatus Status, bool IsArchived, uint Version,
    ProgressTerms Progress, decimal MilestoneCompletion, bool IsDelayed,
    IReadOnlyList<MilestoneRow> Milestones, IReadOnlyList<KpiRow> Kpis, IReadOnlyList<ReportRow> Reports,
    bool CanWrite)
{
    public string Title => Acronym ?? Name;

    /// <summary>The masterplan programme the quick win serves, its goal and its plan (null when not linked).</summary>
    public ProgrammeTrace? Trace { get; init; }

    public QuickWinInput ToInput() => new()
    {
        Name = Name,
        Acronym = Acronym,
        Description = Description,
        DimensionId = DimensionId,
        ElementId = ElementId,
        OwnerUnitId = OwnerUnitId,
        ProgrammeId = ProgrammeId,
        StartDate = StartDate.ToDateTime(TimeOnly.MinValue),
        TargetDate = TargetDate.ToDateTime(TimeOnly.MinValue),
        Budget = Budget,
        BudgetSource = BudgetSource,
        Kind = Kind,
        Status = Status,
        Version = Version,
    };
}
