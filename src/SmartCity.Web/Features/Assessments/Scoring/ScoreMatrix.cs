using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>What the self-assessment, scoring and reconciliation services share: the round's frame, the cell and evidence checks.</summary>
internal static class ScoreMatrix
{
    public const string StateField = ScoreMatrixFields.State;
    public const string CellField = ScoreMatrixFields.Cell;

    /// <summary>Today in WIB: round dates are national deadlines.</summary>
    public static DateOnly Today(ProgrammeClock time) => time.GetUtcNow().DateIn(IndonesianTimeZone.Wib);

    /// <summary>The round and regency with the instrument's criteria and the dimensions; null when the round or regency is unknown. Three SQL commands.</summary>
    public static async Task<MatrixFrame?> FrameAsync(SmartCityDbContext db, int roundId, int regencyId, DateOnly today, CancellationToken ct)
    {
        var round = await db.AssessmentRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.Year,
                r.Kind,
                r.State,
                r.SelfAssessmentOpensOn,
                r.ScoringOpensOn,
                r.ReconciliationOpensOn,
                r.FinalisesOn,
                r.Instrument!.ScaleMin,
                r.Instrument.ScaleMax,
                r.InstrumentId,
                Regency = db.Regencies.Where(g => g.Id == regencyId).Select(g => new { g.Code, g.Name }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (round?.Regency is null)
        {
            return null;
        }

        var english = Format.IsEnglish;
        var criteria = await db.Criteria.AsNoTracking().Where(c => c.InstrumentId == round.InstrumentId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new MatrixCriterion(c.Id, c.Code, english ? c.NameEn : c.NameId, c.Weight, c.PerDimension)).ToListAsync(ct);
        var dimensions = await db.Dimensions.AsNoTracking().OrderBy(d => d.SortOrder)
            .Select(d => new MatrixDimension(d.Id, d.Code, english ? d.NameEn : d.NameId)).ToListAsync(ct);
        var state = RoundCalendar.StateOn(round.State, round.SelfAssessmentOpensOn, round.ScoringOpensOn, round.ReconciliationOpensOn, today);
        var endsBefore = state switch
        {
            RoundState.SelfAssessment => round.ScoringOpensOn,
            RoundState.Scoring => round.ReconciliationOpensOn,
            RoundState.Reconciliation => round.FinalisesOn,
            _ => null,
        };
        return new MatrixFrame(
            round.Id, round.Name, round.Year, round.Kind, state, endsBefore, regencyId, round.Regency.Code, round.Regency.Name,
            round.ScaleMin, round.ScaleMax, criteria, dimensions);
    }

    /// <summary>The cell exists in the round's matrix: a criterion of its instrument, with a dimension exactly when scored per dimension.</summary>
    public static bool HasCell(MatrixFrame frame, int criterionId, int? dimensionId) =>
        frame.Criteria.FirstOrDefault(c => c.Id == criterionId) is { } criterion
        && (criterion.PerDimension ? dimensionId is { } d && frame.Dimensions.Any(x => x.Id == d) : dimensionId is null);

    /// <summary>The score lies within the instrument's scale.</summary>
    public static bool InScale(MatrixFrame frame, decimal score) => score >= frame.ScaleMin && score <= frame.ScaleMax;

    public static string ScaleMessage(IStringLocalizer<SharedResource> l, MatrixFrame frame) =>
        string.Format(CultureInfo.CurrentCulture, l["Scoring.OutOfScale"], Format.Number(frame.ScaleMin), Format.Number(frame.ScaleMax));

    /// <summary>The score is in the scale and the cell is the round's; the refusal when not.</summary>
    public static SaveResult? CheckCell(IStringLocalizer<SharedResource> l, MatrixFrame frame, int criterionId, int? dimensionId, decimal score)
    {
        if (!HasCell(frame, criterionId, dimensionId))
        {
            return SaveResult.Invalid(CellField, l["Scoring.UnknownCell"]);
        }

        return InScale(frame, score) ? null : SaveResult.Invalid(nameof(ScoreCellInput.Score), ScaleMessage(l, frame));
    }

    /// <summary>The cited file, quick win or masterplan block belongs to the regency; the refusal when not.</summary>
    public static async Task<SaveResult?> CheckEvidenceAsync(SmartCityDbContext db, IStringLocalizer<SharedResource> l, int regencyId, ScoreCellInput input, CancellationToken ct)
    {
        switch (input.EvidenceKind)
        {
            case EvidenceKind.File when !await db.EvidenceFiles.AnyAsync(f => f.Id == input.EvidenceFileId && f.RegencyId == regencyId, ct):
                return SaveResult.Invalid(nameof(ScoreCellInput.EvidenceFileId), l["Scoring.EvidenceOtherRegency"]);
            case EvidenceKind.QuickWin when !await db.QuickWins.AnyAsync(q => q.Id == input.EvidenceQuickWinId && q.RegencyId == regencyId, ct):
                return SaveResult.Invalid(nameof(ScoreCellInput.EvidenceQuickWinId), l["Scoring.EvidenceOtherRegency"]);
            case EvidenceKind.MasterplanBlock:
                var anchor = input.EvidenceMasterplanBlock ?? "";
                var ok = anchor.StartsWith("programme:", StringComparison.Ordinal)
                    ? int.TryParse(anchor["programme:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var programmeId)
                        && await db.Programmes.AnyAsync(p => p.Id == programmeId && p.RegencyId == regencyId, ct)
                    : MasterplanBlocks.IsAnchor(anchor) && await db.Masterplans.AnyAsync(m => m.RegencyId == regencyId, ct);
                return ok ? null : SaveResult.Invalid(nameof(ScoreCellInput.EvidenceMasterplanBlock), l["Scoring.NoMasterplan"]);
            default:
                return null;
        }
    }

    /// <summary>The regency's files (newest 200), quick wins and, when it has a masterplan, the masterplan's blocks. Three SQL commands.</summary>
    public static async Task<EvidenceChoices> EvidenceChoicesAsync(SmartCityDbContext db, int regencyId, CancellationToken ct)
    {
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.RegencyId == regencyId).OrderByDescending(f => f.UploadedAt).ThenByDescending(f => f.Id).Take(200)
            .Select(f => new EvidenceFileOption(f.Id, f.FileName, f.UploadedAt)).ToListAsync(ct);
        var quickWins = await db.QuickWins.AsNoTracking().Where(q => q.RegencyId == regencyId && !q.IsArchived).OrderBy(q => q.Name)
            .Select(q => new EvidenceQuickWinOption(q.Id, q.Acronym ?? q.Name)).ToListAsync(ct);
        var hasPlan = await db.Masterplans.AnyAsync(m => m.RegencyId == regencyId, ct);
        return new EvidenceChoices(files, quickWins, hasPlan ? MasterplanBlocks.All : []);
    }

    /// <summary>Writes the input's score and evidence into a row (only the chosen kind's fields are kept).</summary>
    public static void Apply(ScoreCell row, ScoreCellInput input, DateTimeOffset now)
    {
        row.Score = input.Score!.Value;
        row.EvidenceKind = input.EvidenceKind;
        row.EvidenceFileId = input.EvidenceKind == EvidenceKind.File ? input.EvidenceFileId : null;
        row.EvidenceQuickWinId = input.EvidenceKind == EvidenceKind.QuickWin ? input.EvidenceQuickWinId : null;
        row.EvidenceMasterplanBlock = input.EvidenceKind == EvidenceKind.MasterplanBlock ? input.EvidenceMasterplanBlock : null;
        var interview = input.EvidenceKind == EvidenceKind.Interview;
        row.InterviewDate = interview && input.InterviewDate is { } date ? DateOnly.FromDateTime(date) : null;
        row.IntervieweeName = interview ? Clean(input.IntervieweeName) : null;
        row.IntervieweePosition = interview ? Clean(input.IntervieweePosition) : null;
        row.InterviewText = interview ? Clean(input.InterviewText) : null;
        row.UpdatedAt = now;
    }

    /// <summary>A saved row as the matrix shows it.</summary>
    public static SavedCell Saved(ScoreCell s, string? text) => new(
        s.CriterionId, s.DimensionId, s.Score, text, s.EvidenceKind, s.EvidenceFileId, s.EvidenceQuickWinId, s.EvidenceMasterplanBlock,
        s.InterviewDate, s.IntervieweeName, s.IntervieweePosition, s.InterviewText, s.Version);

    /// <summary>What differs between the typed cell and the saved one, and who saved it.</summary>
    public static async Task<ConcurrencyConflict> ConflictAsync(
        SmartCityDbContext db, IStringLocalizer<SharedResource> l, string entity, ScoreCell? saved, string? savedText, string textLabel, ScoreCellInput yours, CancellationToken ct)
    {
        string? by = null;
        DateTimeOffset? at = null;
        if (saved is not null)
        {
            (by, at) = await db.LastChangeAsync(entity, saved.Id.ToString(CultureInfo.InvariantCulture), ct);
        }

        var differences = new Differences()
            .Add(l["Scoring.Score"], Format.Number(yours.Score), Format.Number(saved?.Score))
            .Add(textLabel, yours.Text, savedText)
            .Add(l["Scoring.Evidence"], EvidenceText(l, yours.EvidenceKind, yours.EvidenceFileId, yours.EvidenceQuickWinId, yours.EvidenceMasterplanBlock, yours.IntervieweeName, yours.InterviewText),
                saved is null ? null : EvidenceText(l, saved.EvidenceKind, saved.EvidenceFileId, saved.EvidenceQuickWinId, saved.EvidenceMasterplanBlock, saved.IntervieweeName, saved.InterviewText));
        return new ConcurrencyConflict(differences.Items, by, at, saved?.Version ?? 0);
    }

    private static string? EvidenceText(IStringLocalizer<SharedResource> l, EvidenceKind? kind, int? file, int? quickWin, string? block, string? interviewee, string? text) => kind switch
    {
        null => null,
        EvidenceKind.File => $"{l.Enum(kind.Value)} #{file}",
        EvidenceKind.QuickWin => $"{l.Enum(kind.Value)} #{quickWin}",
        EvidenceKind.MasterplanBlock => $"{l.Enum(kind.Value)}: {block}",
        _ => $"{l.Enum(kind.Value)}: {interviewee} – {text}",
    };

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
