using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using SmartCity.Domain.Assessments;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>
/// The regency's self-assessment: its Diskominfo and Bappeda users fill a score, a justification and (optionally) evidence per cell while
/// the round is in its self-assessment state, and submit once every cell is filled; afterwards it is read-only.
/// </summary>
public sealed class SelfAssessmentService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, SelfAssessmentCellValidator validator,
    IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    /// <summary>The matrix with the regency's cells; regency users of the regency and national roles read it. Null when unknown or not participating.</summary>
    public async Task<SelfAssessmentMatrix?> GetAsync(int roundId, int regencyId, CancellationToken ct = default)
    {
        access.EnsureCanRead(regencyId, $"the self-assessment of round {roundId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var frame = await ScoreMatrix.FrameAsync(db, roundId, regencyId, ScoreMatrix.Today(clock), ct);
        var participant = frame is null ? null : await db.RoundParticipants.AsNoTracking().Where(p => p.RoundId == roundId && p.RegencyId == regencyId)
            .Select(p => new { p.SelfAssessmentSubmittedAt, By = db.Users.Where(u => u.Id == p.SelfAssessmentSubmittedById).Select(u => u.UserName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (frame is null || participant is null || frame.State == RoundState.Draft)
        {
            return null;
        }

        var cells = (await db.SelfAssessmentScores.AsNoTracking().Where(s => s.RoundId == roundId && s.RegencyId == regencyId).ToListAsync(ct))
            .Select(s => ScoreMatrix.Saved(s, s.Justification)).ToList();
        var canEdit = CanFill(regencyId) && frame.State == RoundState.SelfAssessment && participant.SelfAssessmentSubmittedAt is null;
        var evidence = canEdit || cells.Count > 0 ? await ScoreMatrix.EvidenceChoicesAsync(db, regencyId, ct) : EvidenceChoices.None;
        return new SelfAssessmentMatrix(frame, cells, evidence, participant.SelfAssessmentSubmittedAt, participant.By, canEdit);
    }

    /// <summary>The signed-in regency user's own self-assessment of the round (refused for users without a regency).</summary>
    public Task<SelfAssessmentMatrix?> GetOwnAsync(int roundId, CancellationToken ct = default)
    {
        access.EnsureAllowed(access.OwnRegencyId is not null, "fill a self-assessment", $"round {roundId}");
        return GetAsync(roundId, access.OwnRegencyId!.Value, ct);
    }

    /// <summary>Saves one cell (insert or update against the loaded row version; a conflict keeps what the user typed).</summary>
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

        var row = await db.SelfAssessmentScores.SingleOrDefaultAsync(
            s => s.RoundId == roundId && s.RegencyId == regencyId && s.CriterionId == input.CriterionId && s.DimensionId == input.DimensionId, ct);
        if (row is null)
        {
            if (input.Version != 0)
            {
                return SaveResult.Conflicted(await ConflictAsync(db, null, input, ct));
            }

            row = new SelfAssessmentScore { RoundId = roundId, RegencyId = regencyId, CriterionId = input.CriterionId, DimensionId = input.DimensionId };
            db.SelfAssessmentScores.Add(row);
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
        row.Justification = ScoreMatrix.Clean(input.Text);
        row.AuthorId = access.UserId;
        try
        {
            if (await db.SaveOrConflictAsync(dbFactory, async fresh => await ConflictAsync(fresh, await FindAsync(fresh, roundId, regencyId, input, ct), input, ct), ct) is { } conflict)
            {
                return conflict;
            }
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone else saved the first score of this cell at the same moment.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return SaveResult.Conflicted(await ConflictAsync(fresh, await FindAsync(fresh, roundId, regencyId, input, ct), input, ct));
        }

        return SaveResult.Saved(row.Id, row.Version);
    }

    /// <summary>Submits the self-assessment once every cell is filled; afterwards it is read-only.</summary>
    public async Task<SaveResult> SubmitAsync(int roundId, int regencyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (frame, refused) = await CheckWritableAsync(db, roundId, regencyId, ct);
        if (refused is not null)
        {
            return refused;
        }

        var filled = await db.SelfAssessmentScores.CountAsync(s => s.RoundId == roundId && s.RegencyId == regencyId, ct);
        if (filled < frame!.CellCount)
        {
            return SaveResult.Invalid(ScoreMatrix.CellField, string.Format(CultureInfo.CurrentCulture, l["SelfAssessment.Incomplete"], filled, frame.CellCount));
        }

        var participant = await db.RoundParticipants.SingleAsync(p => p.RoundId == roundId && p.RegencyId == regencyId, ct);
        participant.SelfAssessmentSubmittedAt = clock.GetUtcNow();
        participant.SelfAssessmentSubmittedById = access.UserId;
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(participant.Id, participant.Version);
    }

    /// <summary>Diskominfo and Bappeda users of the regency (<see cref="RegencyAccess.OwnRegencyId"/> is only theirs).</summary>
    private bool CanFill(int regencyId) => access.OwnRegencyId == regencyId;

    /// <summary>
    /// A regency user of that regency, which participates in the round (else refused and logged); the round in its self-assessment
    /// state and the self-assessment not submitted (else a clear message).
    /// </summary>
    private async Task<(MatrixFrame? Frame, SaveResult? Refused)> CheckWritableAsync(SmartCityDbContext db, int roundId, int regencyId, CancellationToken ct)
    {
        access.EnsureAllowed(CanFill(regencyId), "fill the self-assessment", $"round {roundId} of regency {regencyId}");
        var frame = await ScoreMatrix.FrameAsync(db, roundId, regencyId, ScoreMatrix.Today(clock), ct) ?? throw new KeyNotFoundException($"Round {roundId}");
        var participant = await db.RoundParticipants.AsNoTracking().Where(p => p.RoundId == roundId && p.RegencyId == regencyId)
            .Select(p => new { p.SelfAssessmentSubmittedAt }).FirstOrDefaultAsync(ct);
        access.EnsureAllowed(participant is not null, "fill the self-assessment (not participating)", $"round {roundId} of regency {regencyId}");
        if (frame.State != RoundState.SelfAssessment)
        {
            return (frame, SaveResult.Invalid(ScoreMatrix.StateField, l["SelfAssessment.NotOpen"]));
        }

        return participant!.SelfAssessmentSubmittedAt is not null
            ? (frame, SaveResult.Invalid(ScoreMatrix.StateField, l["SelfAssessment.AlreadySubmitted"]))
            : (frame, null);
    }

    private static Task<SelfAssessmentScore?> FindAsync(SmartCityDbContext db, int roundId, int regencyId, ScoreCellInput input, CancellationToken ct) =>
        db.SelfAssessmentScores.AsNoTracking().SingleOrDefaultAsync(
            s => s.RoundId == roundId && s.RegencyId == regencyId && s.CriterionId == input.CriterionId && s.DimensionId == input.DimensionId, ct);

    private Task<ConcurrencyConflict> ConflictAsync(SmartCityDbContext db, SelfAssessmentScore? saved, ScoreCellInput input, CancellationToken ct) =>
        ScoreMatrix.ConflictAsync(db, l, nameof(SelfAssessmentScore), saved, saved?.Justification, l["SelfAssessment.Justification"], input, ct);
}
