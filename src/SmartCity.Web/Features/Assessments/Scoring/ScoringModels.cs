using SmartCity.Domain.Assessments;

namespace SmartCity.Web.Features.Assessments;

/// <summary>The keys of refusals that are not a single input field (SaveResult.Errors).</summary>
public static class ScoreMatrixFields
{
    /// <summary>The round's state (or the submission) does not allow the write.</summary>
    public const string State = "State";

    /// <summary>The cell: not in the instrument, not divergent, or the matrix is incomplete.</summary>
    public const string Cell = "Cell";
}

/// <summary>A criterion of the round's instrument as the matrix shows it.</summary>
public sealed record MatrixCriterion(int Id, string Code, string Name, decimal Weight, bool PerDimension);

/// <summary>A smart-city dimension (a column of the matrix).</summary>
public sealed record MatrixDimension(int Id, string Code, string Name);

/// <summary>A regency file that may be cited as evidence.</summary>
public sealed record EvidenceFileOption(int Id, string FileName, DateTimeOffset UploadedAt);

/// <summary>A quick win of the regency that may be cited as evidence.</summary>
public sealed record EvidenceQuickWinOption(int Id, string Title);

/// <summary>What a cell may cite for the regency: its files, its quick wins, the blocks of its masterplan (none without one).</summary>
public sealed record EvidenceChoices(IReadOnlyList<EvidenceFileOption> Files, IReadOnlyList<EvidenceQuickWinOption> QuickWins, IReadOnlyList<string> MasterplanBlocks)
{
    public static readonly EvidenceChoices None = new([], [], []);
}

/// <summary>The round and regency a matrix belongs to, with the instrument's scale and the round's effective state.</summary>
public sealed record MatrixFrame(
    int RoundId, string RoundName, int Year, RoundKind Kind, RoundState State, DateOnly? StateEndsBefore,
    int RegencyId, string RegencyCode, string RegencyName, decimal ScaleMin, decimal ScaleMax,
    IReadOnlyList<MatrixCriterion> Criteria, IReadOnlyList<MatrixDimension> Dimensions)
{
    /// <summary>How many cells the matrix has: one per criterion scored once, six per criterion scored per dimension.</summary>
    public int CellCount => Criteria.Sum(c => c.PerDimension ? Dimensions.Count : 1);

    /// <summary>The whole steps of the scale (the score select offers them).</summary>
    public IReadOnlyList<decimal> Steps()
    {
        var steps = new List<decimal>();
        for (var s = Math.Ceiling(ScaleMin); s <= ScaleMax; s++)
        {
            steps.Add(s);
        }

        return steps;
    }
}

/// <summary>A saved cell: its score, text (justification or assessor's note) and evidence, with the row version.</summary>
public sealed record SavedCell(
    int CriterionId, int? DimensionId, decimal Score, string? Text, EvidenceKind? EvidenceKind, int? EvidenceFileId, int? EvidenceQuickWinId,
    string? EvidenceMasterplanBlock, DateOnly? InterviewDate, string? IntervieweeName, string? IntervieweePosition, string? InterviewText, uint Version)
{
    /// <summary>The cell as the editor edits it.</summary>
    public ScoreCellInput ToInput() => new()
    {
        CriterionId = CriterionId,
        DimensionId = DimensionId,
        Score = Score,
        Text = Text,
        EvidenceKind = EvidenceKind,
        EvidenceFileId = EvidenceFileId,
        EvidenceQuickWinId = EvidenceQuickWinId,
        EvidenceMasterplanBlock = EvidenceMasterplanBlock,
        InterviewDate = InterviewDate?.ToDateTime(TimeOnly.MinValue),
        IntervieweeName = IntervieweeName,
        IntervieweePosition = IntervieweePosition,
        InterviewText = InterviewText,
        Version = Version,
    };
}

/// <summary>The regency's self-assessment of a round: the matrix, its saved cells, and whether it may still be edited.</summary>
public sealed record SelfAssessmentMatrix(
    MatrixFrame Frame, IReadOnlyList<SavedCell> Cells, EvidenceChoices Evidence, DateTimeOffset? SubmittedAt, string? SubmittedBy, bool CanEdit)
{
    public int Filled => Cells.Count;
}

/// <summary>An assessor's matrix: their own saved cells and, beside each, the regency's self-assessment.</summary>
public sealed record ScoringMatrix(
    MatrixFrame Frame, IReadOnlyList<SavedCell> Cells, IReadOnlyList<SavedCell> SelfCells, EvidenceChoices Evidence, DateTimeOffset? SubmittedAt, bool CanEdit)
{
    public int Done => Cells.Count;
}

/// <summary>One of the assessor's assignments in a round in its scoring state, with progress.</summary>
public sealed record AssignmentRow(
    int RoundId, string RoundName, int Year, int RegencyId, string RegencyCode, string RegencyName, DateOnly? ScoringEndsBefore,
    int Done, int Total, DateTimeOffset? SubmittedAt);

/// <summary>One assessor's score of a divergent cell.</summary>
public sealed record AssessorCellScore(string AssessorId, string? AssessorName, decimal Score, string? Note);

/// <summary>A cell where the assessors differ by more than the instrument's threshold, with the agreed score when one was recorded.</summary>
public sealed record DivergentCell(
    int RegencyId, string RegencyCode, string RegencyName, int CriterionId, string CriterionCode, string CriterionName,
    int? DimensionId, string? DimensionCode, IReadOnlyList<AssessorCellScore> Scores, decimal? Reconciled, string? ReconciledNote,
    string? ReconciledBy, bool CanRecord);

/// <summary>The divergent cells of a round, with the scale and state.</summary>
public sealed record ReconciliationView(
    int RoundId, string RoundName, RoundState State, decimal ScaleMin, decimal ScaleMax, decimal Threshold, IReadOnlyList<DivergentCell> Cells);
