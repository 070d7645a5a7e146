using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Web.Features.Assessments;

/// <summary>An assessor's row of the calibration table.</summary>
public sealed record AssessorCalibrationRow(string AssessorId, string Name, int Cells, decimal MeanDeviation, decimal Spread, int FlaggedCells)
{
    /// <summary>Positive: more lenient than the panel; negative: stricter; zero: on the panel mean.</summary>
    public int Tendency => Math.Sign(MeanDeviation);
}

/// <summary>Calibration of a round: per assessor, and the distribution of all assessor scores over the scale.</summary>
public sealed record RoundCalibration(
    int RoundId, string RoundName, bool IsDemo, decimal ScaleMin, decimal ScaleMax, decimal DivergenceThreshold,
    IReadOnlyList<AssessorCalibrationRow> Assessors, IReadOnlyList<(decimal Value, int Count)> Distribution);

/// <summary>Calibration statistics (issue 6): national roles only; two SQL commands.</summary>
public sealed class CalibrationService(IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access)
{
    public async Task<RoundCalibration?> ComputeAsync(int roundId, CancellationToken ct = default)
    {
        access.EnsureNational($"calibration of assessment round {roundId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AssessmentRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.Id, r.Name, r.IsDemo, r.Instrument!.ScaleMin, r.Instrument.ScaleMax, r.Instrument.DivergenceThreshold })
            .SingleOrDefaultAsync(ct);
        if (round is null)
        {
            return null;
        }

        var scores = await (
            from s in db.AssessorScores.AsNoTracking()
            where s.RoundId == roundId
            join u in db.Users on s.AssessorId equals u.Id
            select new { s.RegencyId, s.CriterionId, s.DimensionId, s.AssessorId, u.FullName, u.UserName, s.Score }).ToListAsync(ct);
        var names = scores.GroupBy(s => s.AssessorId).ToDictionary(g => g.Key, g => string.IsNullOrWhiteSpace(g.First().FullName) ? g.First().UserName ?? g.Key : g.First().FullName);
        var assessors = Calibration.Assessors(
                scores.Select(s => new CellScore<(int, int, int?)>((s.RegencyId, s.CriterionId, s.DimensionId), s.AssessorId, s.Score)),
                round.DivergenceThreshold)
            .Select(a => new AssessorCalibrationRow(a.AssessorId, names[a.AssessorId], a.Cells, a.MeanDeviation, a.Spread, a.FlaggedCells))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();
        return new RoundCalibration(
            round.Id, round.Name, round.IsDemo, round.ScaleMin, round.ScaleMax, round.DivergenceThreshold, assessors,
            Calibration.Distribution(scores.Select(s => s.Score)));
    }
}
