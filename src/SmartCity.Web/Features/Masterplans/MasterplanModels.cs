using System.Text.Json.Serialization;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;

namespace SmartCity.Web.Features.Masterplans;

/// <summary>A row of the masterplan list.</summary>
public sealed record MasterplanListRow(
    int Id, string RegencyCode, string RegencyName, string Title, int StartYear, int EndYear, MasterplanState State, int WorkingVersion,
    int? ApprovedVersion, DateTimeOffset UpdatedAt, int OpenComments);

/// <summary>The list's frame: whose plans, and whether the user may start one.</summary>
public sealed record MasterplanListFrame(int? RegencyId, string? RegencyCode, string? RegencyName, bool CanCreate);

/// <summary>What the editor page shows of one plan: the working copy, block by block, and what the user may do with it.</summary>
public sealed record MasterplanDetail
{
    public int Id { get; init; }
    public int RegencyId { get; init; }
    public required string RegencyCode { get; init; }
    public required string RegencyName { get; init; }
    public IndonesianTimeZone TimeZone { get; init; }
    public required string Title { get; init; }
    public int StartYear { get; init; }
    public int EndYear { get; init; }
    public string? RpjmdTitle { get; init; }
    public int RpjmdStartYear { get; init; }
    public int RpjmdEndYear { get; init; }
    public MasterplanState State { get; init; }
    public int WorkingVersion { get; init; }
    public int? ApprovedVersion { get; init; }
    public uint Version { get; init; }
    public string? GapAnalysis { get; init; }
    public string? Strengths { get; init; }
    public string? Weaknesses { get; init; }
    public string? Opportunities { get; init; }
    public string? Threats { get; init; }
    public string? Vision { get; init; }
    public string? Missions { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public required HorizonSpans Horizons { get; init; }

    /// <summary>All nine components, graded or not, in enum order.</summary>
    public IReadOnlyList<ReadinessRow> Readiness { get; init; } = [];

    /// <summary>The six dimensions in official order, each with its strategy.</summary>
    public IReadOnlyList<DimensionBlock> Dimensions { get; init; } = [];
    public IReadOnlyList<GoalRow> Goals { get; init; } = [];
    public IReadOnlyList<ProgrammeRow> Programmes { get; init; } = [];
    public IReadOnlyList<SignatoryRow> Signatories { get; init; } = [];
    public IReadOnlyList<CommentRow> Comments { get; init; } = [];
    public IReadOnlyList<VersionRow> Versions { get; init; } = [];

    /// <summary>The signed-in planner's autosaved, not yet applied texts, by block.</summary>
    public IReadOnlyList<DraftRow> MyDrafts { get; init; } = [];

    /// <summary>What the completeness panel lists, computed from the rows above (not serialised with the page state).</summary>
    [JsonIgnore]
    public IReadOnlyList<CompletenessIssue> Completeness => _completeness ??= MasterplanService.Completeness(this);

    private IReadOnlyList<CompletenessIssue>? _completeness;

    /// <summary>A planner of the regency, in a state that allows editing.</summary>
    public bool CanEdit { get; init; }
    public bool CanSubmit { get; init; }

    /// <summary>Assessors and admins while the plan is submitted: comment and request a revision.</summary>
    public bool CanReview { get; init; }
    public bool CanApprove { get; init; }
    public bool CanAmend { get; init; }

    /// <summary>Planners of the regency and reviewers answer and resolve comments.</summary>
    public bool CanDiscuss { get; init; }
}

public sealed record ReadinessRow(ReadinessComponent Component, ReadinessGrade? Grade, string? Notes)
{
    public ReadinessAspect Aspect => ReadinessRating.AspectOf(Component);
}

public sealed record DimensionBlock(int Id, string Code, string Name, int? StrategyId, string? Strategy, uint StrategyVersion);

public sealed record GoalRow(int Id, int DimensionId, string DimensionCode, string Text, string? Indicator, decimal? Baseline, decimal? Target, uint Version);

/// <summary>A programme with what the editor, the roadmap and traceability need.</summary>
public sealed record ProgrammeRow(
    int Id, string Name, int DimensionId, string DimensionCode, int? ElementId, string? Element, int? OwnerUnitId, string? Owner,
    Horizon Horizon, int StartYear, int EndYear, decimal? BudgetEstimate, string? BudgetSource, string? RpjmdReference, int? GoalId,
    int SortOrder, uint Version, IReadOnlyList<ProgrammeKpiRow> Kpis)
{
    /// <summary>Quick wins made from or linked to this programme, with their progress (the one formula).</summary>
    public IReadOnlyList<LinkedQuickWin> QuickWins { get; init; } = [];
}

public sealed record ProgrammeKpiRow(int Id, string Name, string? Unit, decimal? Baseline, decimal? Target);

/// <summary>A quick win of a programme, with its progress: the percent of its latest verified report (0 before any).</summary>
public sealed record LinkedQuickWin(int Id, int ProgrammeId, string Name, string? Acronym, DateOnly StartDate, DateOnly TargetDate, decimal Progress, bool IsArchived);

public sealed record SignatoryRow(int Id, string Name, string Position, string? Institution, DateOnly? SignedOn, int SortOrder, uint Version);

public sealed record CommentRow(
    int Id, int VersionNumber, string Anchor, string Text, int? ParentId, string? Author, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy, uint Version);

public sealed record VersionRow(int Number, DateTimeOffset SubmittedAt, string? SubmittedBy, DateTimeOffset? ApprovedAt, string? ApprovedBy);

public sealed record DraftRow(string Block, string Content, uint BaseVersion, DateTimeOffset SavedAt);
