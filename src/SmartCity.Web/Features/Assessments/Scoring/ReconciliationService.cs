using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>
/// Reconciliation (DOMAIN.md): cells where the assessors differ by more than the instrument's threshold are flagged; an assessor assigned
/// to the regency records the agreed score with a note while the round is in its reconciliation state. Otherwise the final score is the mean.
/// </summary>
public sealed class ReconciliationService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    public const string NoteField = "Note";
    public const string ScoreField = "Score";

    /// <summary>The round's divergent cells with each assessor's score and the agreed score when recorded; national roles read them. Four SQL commands.</summary>
    public async Task<ReconciliationView?> DivergentCellsAsync(int roundId, CancellationToken ct = default)
    {
        access.EnsureNational($"the reconciliation of round {roundId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AssessmentRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.Id, r.Name, r.State, r.SelfAssessmentOpensOn, r.ScoringOpensOn, r.ReconciliationOpensOn, r.Instrument!.ScaleMin, r.Instrument.ScaleMax, r.Instrument.DivergenceThreshold, r.InstrumentId })
            .FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return null;
        }

        var state = RoundCalendar.StateOn(round.State, round.SelfAssessmentOpensOn, round.ScoringOpensOn, round.ReconciliationOpensOn, ScoreMatrix.Today(clock));
        var english = Format.IsEnglish;
        var scores = await (
            from s in db.AssessorScores.AsNoTracking()
            where s.RoundId == roundId
            join g in db.Regencies on s.RegencyId equals g.Id
            join c in db.Criteria on s.CriterionId equals c.Id
            select new
            {
                s.RegencyId,
                g.Code,
                RegencyName = g.Name,
                s.CriterionId,
                CriterionCode = c.Code,
                CriterionName = english ? c.NameEn : c.NameId,
                c.SortOrder,
                s.DimensionId,
                DimensionCode = db.Dimensions.Where(d => d.Id == s.DimensionId).Select(d => d.Code).FirstOrDefault(),
                DimensionOrder = db.Dimensions.Where(d => d.Id == s.DimensionId).Select(d => d.SortOrder).FirstOrDefault(),
                s.AssessorId,
                AssessorName = db.Users.Where(u => u.Id == s.AssessorId).Select(u => u.UserName).FirstOrDefault(),
                s.Score,
                s.Note,
            }).ToListAsync(ct);
        var reconciled = await db.ReconciledScores.AsNoTracking().Where(s => s.RoundId == roundId)
            .Select(s => new { s.RegencyId, s.CriterionId, s.DimensionId, s.Score, s.Note, By = db.Users.Where(u => u.Id == s.RecordedById).Select(u => u.UserName).FirstOrDefault() })
            .ToListAsync(ct);
        var me = access.UserId;
        var mine = access.IsAssessor && me is not null
            ? (await db.AssessorAssignments.AsNoTracking().Where(a => a.RoundId == roundId && a.AssessorId == me).Select(a => a.RegencyId).ToListAsync(ct)).ToHashSet()
            : [];
        var cells = scores
            .GroupBy(s => (s.RegencyId, s.CriterionId, s.DimensionId))
            .Where(g => Scoring.Diverges(g.Select(s => s.Score).ToList(), round.DivergenceThreshold))
            .Select(g =>
            {
                var first = g.First();
                var agreed = reconciled.FirstOrDefault(r => r.RegencyId == first.RegencyId && r.CriterionId == first.CriterionId && r.DimensionId == first.DimensionId);
                return new
                {
                    first.Code,
                    first.SortOrder,
                    first.DimensionOrder,
                    Cell = new DivergentCell(
                        first.RegencyId, first.Code, first.RegencyName, first.CriterionId, first.CriterionCode, first.CriterionName, first.DimensionId, first.DimensionCode,
                        g.OrderBy(s => s.AssessorName, StringComparer.Ordinal).Select(s => new AssessorCellScore(s.AssessorId, s.AssessorName, s.Score, s.Note)).ToList(),
                        agreed?.Score, agreed?.Note, agreed?.By, state == RoundState.Reconciliation && mine.Contains(first.RegencyId)),
                };
            })
            .OrderBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.SortOrder).ThenBy(c => c.DimensionOrder)
            .Select(c => c.Cell).ToList();
        return new ReconciliationView(round.Id, round.Name, state, round.ScaleMin, round.ScaleMax, round.DivergenceThreshold, cells);
    }

    /// <summary>
    /// Records (or replaces) the agreed score of a divergent cell. Refused and logged unless the assessor is assigned to the regency; refused
    /// with a message outside the reconciliation state, without a note, outside the scale, or for a cell that does not diverge.
    /// </summary>
    public async Task<SaveResult> RecordAsync(int roundId, int regencyId, int criterionId, int? dimensionId, decimal score, string? note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = access.UserId;
        var assigned = access.IsAssessor && me is not null
            && await db.AssessorAssignments.AnyAsync(a => a.RoundId == roundId && a.RegencyId == regencyId && a.AssessorId == me, ct);
        access.EnsureAllowed(assigned, "reconcile", $"round {roundId} of regency {regencyId} (not assigned)");
        var frame = await ScoreMatrix.FrameAsync(db, roundId, regencyId, ScoreMatrix.Today(clock), ct) ?? throw new KeyNotFoundException($"Round {roundId}");
        if (frame.State != RoundState.Reconciliation)
        {
            return SaveResult.Invalid(ScoreMatrix.StateField, string.Format(CultureInfo.CurrentCulture, l["Reconcile.NotOpen"], l.Enum(frame.State)));
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return SaveResult.Invalid(NoteField, l["Reconcile.NoteRequired"]);
        }

        if (note.Trim().Length > TextLimits.Note)
        {
            return SaveResult.Invalid(NoteField, QuickWinInputValidator.MaxLength(l, TextLimits.Note));
        }

        if (!ScoreMatrix.HasCell(frame, criterionId, dimensionId))
        {
            return SaveResult.Invalid(ScoreMatrix.CellField, l["Scoring.UnknownCell"]);
        }

        if (!ScoreMatrix.InScale(frame, score) || decimal.Round(score, 2) != score)
        {
            return SaveResult.Invalid(ScoreField, ScoreMatrix.ScaleMessage(l, frame));
        }

        var threshold = await db.AssessmentRounds.Where(r => r.Id == roundId).Select(r => r.Instrument!.DivergenceThreshold).SingleAsync(ct);
        var scores = await db.AssessorScores.Where(s => s.RoundId == roundId && s.RegencyId == regencyId && s.CriterionId == criterionId && s.DimensionId == dimensionId)
            .Select(s => s.Score).ToListAsync(ct);
        if (!Scoring.Diverges(scores, threshold))
        {
            return SaveResult.Invalid(ScoreMatrix.CellField, l["Reconcile.NotDivergent"]);
        }

        var row = await db.ReconciledScores.SingleOrDefaultAsync(s => s.RoundId == roundId && s.RegencyId == regencyId && s.CriterionId == criterionId && s.DimensionId == dimensionId, ct);
        if (row is null)
        {
            row = new ReconciledScore { RoundId = roundId, RegencyId = regencyId, CriterionId = criterionId, DimensionId = dimensionId, RecordedById = me!, Note = "" };
            db.ReconciledScores.Add(row);
        }

        row.Score = score;
        row.Note = note.Trim();
        row.RecordedById = me!;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The other assessor changed the agreed score at the same moment: theirs stands; this one reloads and sees it.
            return SaveResult.Invalid(ScoreMatrix.CellField, l["Reconcile.RecordedMeanwhile"]);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SaveResult.Invalid(ScoreMatrix.CellField, l["Reconcile.RecordedMeanwhile"]);
        }

        return SaveResult.Saved(row.Id, row.Version);
    }
}
