using SmartCity.Domain.Common;

namespace SmartCity.Domain.Assessments;

public enum RoundState
{
    Draft,
    SelfAssessment,
    Scoring,
    Reconciliation,
    Finalised,
}

/// <summary>An evaluation round. State dates are calendar dates judged in WIB.</summary>
public class AssessmentRound
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public RoundKind Kind { get; set; }
    public int Year { get; set; }
    public RoundState State { get; set; }
    public int InstrumentId { get; set; }
    public Instrument? Instrument { get; set; }
    public DateOnly? SelfAssessmentOpensOn { get; set; }
    public DateOnly? ScoringOpensOn { get; set; }
    public DateOnly? ReconciliationOpensOn { get; set; }
    public DateOnly? FinalisesOn { get; set; }
    public DateTimeOffset? FinalisedAt { get; set; }

    /// <summary>Demonstration data, labelled as such wherever it is shown.</summary>
    public bool IsDemo { get; set; }
    public uint Version { get; set; }
    public List<RoundParticipant> Participants { get; set; } = [];
    public List<AssessorAssignment> Assignments { get; set; } = [];
}

/// <summary>A regency taking part in a round, with its self-assessment state and, once finalised, its published result.</summary>
public class RoundParticipant : IRegencyOwnedEntity
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int RegencyId { get; set; }
    public DateTimeOffset? SelfAssessmentSubmittedAt { get; set; }
    public string? SelfAssessmentSubmittedById { get; set; }
    public decimal? Index { get; set; }
    public string? Band { get; set; }
    public int? NationalRank { get; set; }
    public int? ProvincialRank { get; set; }
    public decimal? Change { get; set; }
    public string? LetterNumber { get; set; }
    public DateOnly? LetterDate { get; set; }
    public uint Version { get; set; }
}

public class AssessorAssignment : IRegencyOwnedEntity
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int RegencyId { get; set; }
    public required string AssessorId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
}

/// <summary>An assessor's declared conflict of interest with a regency; assignments to it are refused.</summary>
public class ConflictOfInterest : IRegencyOwnedEntity
{
    public int Id { get; set; }
    public required string AssessorId { get; set; }
    public int RegencyId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }
}
