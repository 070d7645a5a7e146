using SmartCity.Domain.Assessments;

namespace SmartCity.Web.Features.Assessments;

/// <summary>A line of the rounds list: the effective state is judged on today's WIB date.</summary>
public sealed record RoundRow(int Id, string Name, RoundKind Kind, int Year, RoundState State, int Participants, bool IsDemo);

/// <summary>A round as its page shows it, with what the signed-in user may do.</summary>
public sealed record RoundDetail(
    int Id,
    string Name,
    RoundKind Kind,
    int Year,
    RoundState StoredState,
    RoundState State,
    DateOnly? SelfAssessmentOpensOn,
    DateOnly? ScoringOpensOn,
    DateOnly? ReconciliationOpensOn,
    DateOnly? FinalisesOn,
    bool IsDemo,
    uint Version,
    InstrumentDetail Instrument,
    IReadOnlyList<ParticipantRow> Participants,
    bool CanEdit,
    bool CanOpen)
{
    /// <summary>Only the admin edits, and only while the stored state is Draft.</summary>
    public bool IsDraft => StoredState == RoundState.Draft;
}

/// <summary>A regency taking part, with its assigned assessors.</summary>
public sealed record ParticipantRow(int RegencyId, string Code, string Name, string Province, IReadOnlyList<AssignedAssessor> Assessors);

/// <summary>An assessor assigned to a participant; <see cref="HasConflict"/> flags a conflict declared after the assignment.</summary>
public sealed record AssignedAssessor(int AssignmentId, string AssessorId, string Name, bool HasStarted, bool HasConflict);

/// <summary>An instrument (template or a round's copy) with its criteria and bands.</summary>
public sealed record InstrumentDetail(
    int Id,
    string Name,
    RoundKind Kind,
    int VersionNumber,
    bool IsTemplate,
    int? SourceInstrumentId,
    decimal ScaleMin,
    decimal ScaleMax,
    decimal DivergenceThreshold,
    uint Version,
    IReadOnlyList<CriterionRow> Criteria,
    IReadOnlyList<BandRow> Bands)
{
    public decimal TotalWeight => Criteria.Sum(c => c.Weight);
}

public sealed record CriterionRow(int Id, string Code, string NameId, string NameEn, decimal Weight, bool PerDimension, int SortOrder);

public sealed record BandRow(int Id, string Name, decimal MinInclusive, decimal? MaxExclusive, int SortOrder);

/// <summary>A template in the list the admin copies from.</summary>
public sealed record TemplateRow(int Id, string Name, RoundKind Kind, int VersionNumber, int Criteria, decimal TotalWeight, bool IsLatest);

/// <summary>A user holding the assessor role, for the assign dialog.</summary>
public sealed record AssessorOption(string Id, string UserName, string Name);

/// <summary>A declared conflict of interest.</summary>
public sealed record ConflictRow(int Id, string AssessorId, string AssessorName, int RegencyId, string RegencyCode, string RegencyName, string Reason, DateTimeOffset DeclaredAt);

/// <summary>How the admin picks participants: by cohort year, by province code, or by a list of regency codes.</summary>
public sealed record ParticipantSelection(int? CohortYear = null, string? ProvinceCode = null, IReadOnlyList<string>? RegencyCodes = null);

/// <summary>The outcome of adding participants: how many were added, and the codes that were not found.</summary>
public sealed record ParticipantsAdded(int Added, int AlreadyIn, IReadOnlyList<string> Unknown);
