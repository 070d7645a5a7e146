using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using SmartCity.Domain.Assessments;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>
/// Assessors score the regencies assigned to them while the round is in its scoring state: one row per assessor and cell, so two
/// assessors never overwrite each other; each cell saves on its own against its row version; every score cites evidence.
/// </summary>
public sealed class ScoringService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, AssessorCellValidator validator,
    IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    /// <summary>The signed-in assessor's assignments in rounds whose effective state is scoring, with cells done of total. Two SQL commands.</summary>
    public async Task<IReadOnlyList<AssignmentRow>> MyAssignmentsAsync(CancellationToken ct = default)
    {
        access.EnsureAllowed(access.IsAssessor, "list assessor assignments", "assessment rounds");
        var me = access.UserId!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dimensions = await db.Dimensions.CountAsync(ct);
        var rows = await (
            from a in db.AssessorAssignments.AsNoTracking()
            join r in db.AssessmentRounds on a.RoundId equals r.Id
            join g in db.Regencies on a.RegencyId equals g.Id
            where a.AssessorId == me && r.State != RoundState.Draft && r.State != RoundState.Finalised
            orderby r.Year descending, r.Id, g.Code
            select new
            {
                r.Id,
                r.Name,
                r.Year,
                r.State,
                r.SelfAssessmentOpensOn,
                r.ScoringOpensOn,
                r.ReconciliationOpensOn,
                RegencyId = g.Id,
                g.Code,
                RegencyName = g.Name,
                a.SubmittedAt,
                Done = db.AssessorScores.Count(s => s.RoundId == a.RoundId && s.RegencyId == a.RegencyId && s.AssessorId == me),
                PerDimension = db.Criteria.Count(c => c.InstrumentId == r.InstrumentId && c.PerDimension),
                Once = db.Criteria.Count(c => c.InstrumentId == r.InstrumentId && !c.PerDimension),
            }).ToListAsync(ct);
        var today = ScoreMatrix.Today(clock);
        return rows
            .Where(r => RoundCalendar.StateOn(r.State, r.SelfAssessmentOpensOn, r.ScoringOpensOn, r.ReconciliationOpensOn, today) == RoundState.Scoring)
            .Select(r => new AssignmentRow(r.Id, r.Name, r.Year, r.RegencyId, r.Code, r.RegencyName, r.ReconciliationOpensOn, r.Done, (r.PerDimension * dimensions) + r.Once, r.SubmittedAt))
            .ToList();
    }

    /// <summary>The assessor's own matrix of an assigned regency, with the regency's self-score beside each cell; null when unknown.</summary>
    public async Task<ScoringMatrix?> GetMatrixAsync(int roundId, int regencyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await AssignmentAsync(db, roundId, regencyId, ct);
        access.EnsureAllowed(assignment is not null, "score", $"round {roundId} of regency {regencyId} (not assigned)");
        var frame = await ScoreMatrix.FrameAsync(db, roundId, regencyId, ScoreMatrix.Today(clock), ct);
        if (frame is null)
        {
            return null;
        }

        var me = access.UserId;
        var own = (await db.AssessorScores.AsNoTracking().Where(s => s.RoundId == roundId && s.RegencyId == regencyId && s.AssessorId == me).ToListAsync(ct))
            .Select(s => ScoreMatrix.Saved(s, s.Note)).ToList();
        var self = (await db.SelfAssessmentScores.AsNoTracking().Where(s => s.RoundId == roundId && s.RegencyId == regencyId).ToListAsync(ct))
            .Select(s => ScoreMatrix.Saved(s, s.Justification)).ToList();
        var evidence = await ScoreMatrix.EvidenceChoicesAsync(db, regencyId, ct);
        return new ScoringMatrix(frame, own, self, evidence, assignment!.SubmittedAt, frame.State == RoundState.Scoring && assignment.SubmittedAt is null);
    }

    /// <summary>The same matrix for a regency named by its code (the page's route); null when the code is unknown.</summary>
    public async Task<ScoringMatrix?> GetMatrixAsync(int roundId, string regencyCode, CancellationToken ct = default)
    {
        int? regencyId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            regencyId = await db.Regencies.Where(r => r.Code == regencyCode).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        }

        return regencyId is { } id ? await GetMatrixAsync(roundId, id, ct) : null;
    }

    /// <summary>
    /// Saves one of the assessor's cells. Refused and logged when the regency is not assigned to them; refused with a message when the round
    /// is not in its scoring state, they submitted, the score is outside the scale, evidence is missing or not the regency's, or an interview
    /// note lacks its date, interviewee or a sentence of text. A save against an older row version is a conflict that keeps the typed values.
    /// </summary>
    public async Task<SaveResult> SaveCellAsync(int roundId, int regencyId, ScoreCellInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (frame, refused) = await CheckWritableAsync(db, roundId, regencyId, ct);
        if (refused is not null)
        {
            return refused;
        }

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        if (ScoreMatrix.CheckCell(l, frame!, input.CriterionId, input.DimensionId, input.Score!.Value) is { } badCell)
        {
            return badCell;
        }

        if (await ScoreMatrix.CheckEvidenceAsync(db, l, regencyId, input, ct) is { } badEvidence)
        {
            return badEvidence;
        }

        var me = access.UserId!;
        var row = await db.AssessorScores.SingleOrDefaultAsync(
            s => s.RoundId == roundId && s.RegencyId == regencyId && s.CriterionId == input.CriterionId && s.DimensionId == input.DimensionId && s.AssessorId == me, ct);
        if (row is null)
        {
            if (input.Version != 0)
            {
                return SaveResult.Conflicted(await ConflictAsync(db, null, input, ct));
            }

            row = new AssessorScore { RoundId = roundId, RegencyId = regencyId, CriterionId = input.CriterionId, DimensionId = input.DimensionId, AssessorId = me };
            db.AssessorScores.Add(row);
        }
        else if (row.Version != input.Version)
        {
            return SaveResult.Conflicted(await ConflictAsync(db, row, input, ct));
        }
        else
        {
            db.Entry(row).Property(s => s.Version).OriginalValue = input.Version;
        }

        ScoreMatrix.Apply(row, input, clock.GetUtcNow());
        row.Note = ScoreMatrix.Clean(input.Text);
        try
        {
            if (await db.SaveOrConflictAsync(dbFactory, async fresh => await ConflictAsync(fresh, await FindAsync(fresh, roundId, regencyId, me, input, ct), input, ct), ct) is { } conflict)
            {
                return conflict;
            }
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same assessor saved the first score of this cell in another tab at the same moment.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return SaveResult.Conflicted(await ConflictAsync(fresh, await FindAsync(fresh, roundId, regencyId, me, input, ct), input, ct));
        }

        return SaveResult.Saved(row.Id, row.Version);
    }

    /// <summary>The assessor submits their scores of the regency once every cell is scored; afterwards their matrix is read-only.</summary>
    public async Task<SaveResult> SubmitAsync(int roundId, int regencyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (frame, refused) = await CheckWritableAsync(db, roundId, regencyId, ct);
        if (refused is not null)
        {
            return refused;
        }

        var me = access.UserId!;
        var done = await db.AssessorScores.CountAsync(s => s.RoundId == roundId && s.RegencyId == regencyId && s.AssessorId == me, ct);
        if (done < frame!.CellCount)
        {
            return SaveResult.Invalid(ScoreMatrix.CellField, string.Format(CultureInfo.CurrentCulture, l["Scoring.Incomplete"], done, frame.CellCount));
        }

        var assignment = await db.AssessorAssignments.SingleAsync(a => a.RoundId == roundId && a.RegencyId == regencyId && a.AssessorId == me, ct);
        assignment.SubmittedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(assignment.Id, 0);
    }

    private Task<AssessorAssignment?> AssignmentAsync(SmartCityDbContext db, int roundId, int regencyId, CancellationToken ct)
    {
        var me = access.UserId;
        return access.IsAssessor && me is not null
            ? db.AssessorAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.RoundId == roundId && a.RegencyId == regencyId && a.AssessorId == me, ct)
            : Task.FromResult<AssessorAssignment?>(null);
    }

    /// <summary>Assigned (else refused and logged); the round in its scoring state and the assessor not yet submitted (else a message).</summary>
    private async Task<(MatrixFrame? Frame, SaveResult? Refused)> CheckWritableAsync(SmartCityDbContext db, int roundId, int regencyId, CancellationToken ct)
    {
        var assignment = await AssignmentAsync(db, roundId, regencyId, ct);
        access.EnsureAllowed(assignment is not null, "score", $"round {roundId} of regency {regencyId} (not assigned)");
        var frame = await ScoreMatrix.FrameAsync(db, roundId, regencyId, ScoreMatrix.Today(clock), ct) ?? throw new KeyNotFoundException($"Round {roundId}");
        if (frame.State != RoundState.Scoring)
        {
            return (frame, SaveResult.Invalid(ScoreMatrix.StateField, string.Format(CultureInfo.CurrentCulture, l["Scoring.NotOpen"], l.Enum(frame.State))));
        }

        return assignment!.SubmittedAt is not null ? (frame, SaveResult.Invalid(ScoreMatrix.StateField, l["Scoring.AlreadySubmitted"])) : (frame, null);
    }

    private static Task<AssessorScore?> FindAsync(SmartCityDbContext db, int roundId, int regencyId, string me, ScoreCellInput input, CancellationToken ct) =>
        db.AssessorScores.AsNoTracking().SingleOrDefaultAsync(
            s => s.RoundId == roundId && s.RegencyId == regencyId && s.CriterionId == input.CriterionId && s.DimensionId == input.DimensionId && s.AssessorId == me, ct);

    private Task<ConcurrencyConflict> ConflictAsync(SmartCityDbContext db, AssessorScore? saved, ScoreCellInput input, CancellationToken ct) =>
        ScoreMatrix.ConflictAsync(db, l, nameof(AssessorScore), saved, saved?.Note, l["Scoring.Note"], input, ct);
}
