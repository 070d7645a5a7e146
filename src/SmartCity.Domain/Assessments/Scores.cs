using SmartCity.Domain.Common;

namespace SmartCity.Domain.Assessments;

public enum EvidenceKind
{
    File,
    QuickWin,
    MasterplanBlock,
    Interview,
}

/// <summary>A cell of the matrix: a criterion, and a dimension when the criterion is scored per dimension.</summary>
public abstract class ScoreCell : IRegencyOwnedEntity
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int RegencyId { get; set; }
    public int CriterionId { get; set; }
    public int? DimensionId { get; set; }
    public decimal Score { get; set; }

    // The evidence cited: a regency file, a quick win, a masterplan block, or an interview note.
    public EvidenceKind? EvidenceKind { get; set; }
    public int? EvidenceFileId { get; set; }
    public int? EvidenceQuickWinId { get; set; }
    public string? EvidenceMasterplanBlock { get; set; }
    public DateOnly? InterviewDate { get; set; }
    public string? IntervieweeName { get; set; }
    public string? IntervieweePosition { get; set; }
    public string? InterviewText { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>The regency's own score for a cell, with a justification.</summary>
public class SelfAssessmentScore : ScoreCell
{
    public string? Justification { get; set; }
    public string? AuthorId { get; set; }
}

/// <summary>One assessor's score for a cell: one row per assessor and cell, so assessors never overwrite each other.</summary>
public class AssessorScore : ScoreCell
{
    public required string AssessorId { get; set; }
    public string? Note { get; set; }
}

/// <summary>The agreed score of a divergent cell, recorded by an assessor with a note.</summary>
public class ReconciledScore : ScoreCell
{
    public required string RecordedById { get; set; }
    public required string Note { get; set; }
}

/// <summary>A regency user's comment on a criterion's result before finalisation.</summary>
public class ResultComment : IRegencyOwnedEntity
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int RegencyId { get; set; }
    public int CriterionId { get; set; }
    public required string Text { get; set; }
    public string? AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
