using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>
/// One cell as the editor saves it: the score, the text (the regency's justification in a self-assessment, the assessor's note in
/// scoring) and the evidence cited. The scale belongs to the round's instrument and is checked by the services.
/// </summary>
public sealed class ScoreCellInput
{
    public int CriterionId { get; set; }
    public int? DimensionId { get; set; }
    public decimal? Score { get; set; }
    public string? Text { get; set; }
    public EvidenceKind? EvidenceKind { get; set; }
    public int? EvidenceFileId { get; set; }
    public int? EvidenceQuickWinId { get; set; }
    public string? EvidenceMasterplanBlock { get; set; }
    public DateTime? InterviewDate { get; set; }
    public string? IntervieweeName { get; set; }
    public string? IntervieweePosition { get; set; }
    public string? InterviewText { get; set; }

    /// <summary>The row version the user loaded (0 for a cell not saved yet).</summary>
    public uint Version { get; set; }
}

/// <summary>The rules of an interview note (DOMAIN.md: "at least a sentence of text").</summary>
public static class InterviewNote
{
    public const int MinSentenceLength = 20;
    public const int MinSentenceWords = 3;

    /// <summary>
    /// "A sentence" is, for the portal, a text of at least <see cref="MinSentenceLength"/> characters (trimmed) and at least
    /// <see cref="MinSentenceWords"/> words separated by white space.
    /// </summary>
    public static bool IsSentence(string? text) =>
        text is not null && text.Trim().Length >= MinSentenceLength
        && text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= MinSentenceWords;
}

/// <summary>What both kinds of cells share: a score with at most two decimals, text lengths, and the evidence kind's own fields.</summary>
public abstract class ScoreCellValidatorBase : AbstractValidator<ScoreCellInput>
{
    protected ScoreCellValidatorBase(IStringLocalizer<SharedResource> l, bool evidenceRequired, bool interviewAllowed)
    {
        RuleFor(x => x.Score).NotNull().WithMessage(l["Validation.Required"])
            .Must(s => s is null || decimal.Round(s.Value, 2) == s.Value).WithMessage(l["Scoring.ScoreDecimals"]);
        RuleFor(x => x.Text).MaximumLength(TextLimits.Note).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Note));
        if (evidenceRequired)
        {
            RuleFor(x => x.EvidenceKind).NotNull().WithMessage(l["Scoring.EvidenceRequired"]);
        }

        if (!interviewAllowed)
        {
            RuleFor(x => x.EvidenceKind).NotEqual(EvidenceKind.Interview).WithMessage(l["SelfAssessment.NoInterview"]);
        }

        RuleFor(x => x.EvidenceFileId).NotNull().When(x => x.EvidenceKind == EvidenceKind.File).WithMessage(l["Scoring.ChooseFile"]);
        RuleFor(x => x.EvidenceQuickWinId).NotNull().When(x => x.EvidenceKind == EvidenceKind.QuickWin).WithMessage(l["Scoring.ChooseQuickWin"]);
        RuleFor(x => x.EvidenceMasterplanBlock).NotEmpty().When(x => x.EvidenceKind == EvidenceKind.MasterplanBlock).WithMessage(l["Scoring.ChooseBlock"])
            .Must(MasterplanBlocks.IsAnchor).When(x => x.EvidenceKind == EvidenceKind.MasterplanBlock && !string.IsNullOrEmpty(x.EvidenceMasterplanBlock), ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Scoring.ChooseBlock"]);
        When(x => x.EvidenceKind == EvidenceKind.Interview, () =>
        {
            RuleFor(x => x.InterviewDate).NotNull().WithMessage(l["Scoring.InterviewDateRequired"]);
            RuleFor(x => x.IntervieweeName).NotEmpty().WithMessage(l["Scoring.IntervieweeNameRequired"])
                .MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
            RuleFor(x => x.IntervieweePosition).NotEmpty().WithMessage(l["Scoring.IntervieweePositionRequired"])
                .MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
            RuleFor(x => x.InterviewText).Must(InterviewNote.IsSentence).WithMessage(l["Scoring.InterviewSentence"])
                .MaximumLength(TextLimits.Note).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Note));
        });
    }
}

/// <summary>
/// A self-assessment cell: a justification is required; evidence is optional (the assessors verify it), but when cited it is a regency
/// file, a quick win or a masterplan block — an interview note is the assessors' own kind of evidence.
/// </summary>
public sealed class SelfAssessmentCellValidator : ScoreCellValidatorBase
{
    public SelfAssessmentCellValidator(IStringLocalizer<SharedResource> l)
        : base(l, evidenceRequired: false, interviewAllowed: false) =>
        RuleFor(x => x.Text).NotEmpty().WithMessage(l["SelfAssessment.JustificationRequired"]);
}

/// <summary>An assessor's cell: every score cites evidence (DOMAIN.md); the note is optional.</summary>
public sealed class AssessorCellValidator : ScoreCellValidatorBase
{
    public AssessorCellValidator(IStringLocalizer<SharedResource> l)
        : base(l, evidenceRequired: true, interviewAllowed: true)
    {
    }
}
