using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.Web.Features.Assessments;

namespace SmartCity.Web.Data.Seeding;

/// <summary>
/// Two finalised demonstration rounds of the yearly evaluation (2024 and 2025, labelled "(data demo)" and IsDemo) for Jepara, Jombang
/// and Pemalang, each on its own copy of the yearly template, assessed by penilai1 and penilai2 in every cell (one divergent cell per round
/// reconciled with a note), then finalised through the same computation as the admin's (ranks, bands, change 2025 vs 2024, letter numbers).
/// Idempotent by round name.
/// </summary>
internal static class DemoAssessments
{
    public static string RoundName(int year) => $"Evaluasi Tahunan {year} (data demo)";

    public static async Task SeedAsync(SmartCityDbContext db, IReadOnlyList<string> regencyCodes, string assessor1, string assessor2, CancellationToken ct)
    {
        foreach (var year in new[] { 2024, 2025 })
        {
            var name = RoundName(year);
            if (await db.AssessmentRounds.AnyAsync(r => r.IsDemo && r.Name == name, ct))
            {
                continue;
            }

            var template = await db.Instruments.AsNoTracking().Include(i => i.Criteria).Include(i => i.Bands)
                .Where(i => i.IsTemplate && i.Kind == RoundKind.YearlyEvaluation).OrderByDescending(i => i.VersionNumber).FirstAsync(ct);
            var regencies = await db.Regencies.AsNoTracking().Where(r => regencyCodes.Contains(r.Code)).OrderBy(r => r.Code)
                .Select(r => new { r.Id, r.Code }).ToListAsync(ct);
            var dimensions = await db.Dimensions.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => d.Id).ToListAsync(ct);
            var finalisedAt = new DateTimeOffset(year, 11, 20, 3, 0, 0, TimeSpan.Zero);

            var instrument = new Instrument
            {
                Name = $"{template.Name} {year} (data demo)",
                Kind = template.Kind,
                VersionNumber = template.VersionNumber,
                ScaleMin = template.ScaleMin,
                ScaleMax = template.ScaleMax,
                DivergenceThreshold = template.DivergenceThreshold,
                SourceInstrumentId = template.Id,
                IsTemplate = false,
                Criteria = template.Criteria.OrderBy(c => c.SortOrder).Select(c => new Criterion
                {
                    Code = c.Code,
                    NameId = c.NameId,
                    NameEn = c.NameEn,
                    Weight = c.Weight,
                    PerDimension = c.PerDimension,
                    SortOrder = c.SortOrder,
                }).ToList(),
                Bands = template.Bands.Select(b => new Band { Name = b.Name, MinInclusive = b.MinInclusive, MaxExclusive = b.MaxExclusive, SortOrder = b.SortOrder }).ToList(),
            };
            var round = new AssessmentRound
            {
                Name = name,
                Kind = RoundKind.YearlyEvaluation,
                Year = year,
                State = RoundState.SelfAssessment,
                Instrument = instrument,
                SelfAssessmentOpensOn = new DateOnly(year, 7, 1),
                ScoringOpensOn = new DateOnly(year, 9, 1),
                ReconciliationOpensOn = new DateOnly(year, 10, 15),
                FinalisesOn = new DateOnly(year, 11, 30),
                IsDemo = true,
            };
            foreach (var regency in regencies)
            {
                round.Participants.Add(new RoundParticipant { RegencyId = regency.Id, SelfAssessmentSubmittedAt = new DateTimeOffset(year, 8, 20, 2, 0, 0, TimeSpan.Zero) });
                foreach (var assessor in new[] { assessor1, assessor2 })
                {
                    round.Assignments.Add(new AssessorAssignment
                    {
                        RegencyId = regency.Id,
                        AssessorId = assessor,
                        AssignedAt = new DateTimeOffset(year, 8, 25, 2, 0, 0, TimeSpan.Zero),
                        SubmittedAt = new DateTimeOffset(year, 10, 10, 2, 0, 0, TimeSpan.Zero),
                    });
                }
            }

            db.AssessmentRounds.Add(round);
            await db.SaveChangesAsync(ct);

            var scoredAt = new DateTimeOffset(year, 10, 1, 3, 0, 0, TimeSpan.Zero);
            for (var r = 0; r < regencies.Count; r++)
            {
                var criteria = instrument.Criteria;
                for (var c = 0; c < criteria.Count; c++)
                {
                    IEnumerable<int?> cells = criteria[c].PerDimension ? dimensions.Select(id => (int?)id) : [null];
                    var d = 0;
                    foreach (var dimensionId in cells)
                    {
                        var (first, second) = Scores(regencyCodes.ToList().IndexOf(regencies[r].Code), year, c, d);
                        var divergent = r == 0 && c == 2 && d == 2; // Jepara, Outcome × the third dimension: the assessors differ by two
                        if (divergent)
                        {
                            (first, second) = (2, 4);
                        }

                        db.AssessorScores.Add(Score(round.Id, regencies[r].Id, criteria[c].Id, dimensionId, assessor1, first, scoredAt));
                        db.AssessorScores.Add(Score(round.Id, regencies[r].Id, criteria[c].Id, dimensionId, assessor2, second, scoredAt));
                        if (divergent)
                        {
                            db.ReconciledScores.Add(new ReconciledScore
                            {
                                RoundId = round.Id,
                                RegencyId = regencies[r].Id,
                                CriterionId = criteria[c].Id,
                                DimensionId = dimensionId,
                                Score = 3,
                                RecordedById = assessor1,
                                Note = "Disepakati 3 setelah wawancara bersama: capaian ada, tetapi belum terukur untuk seluruh OPD.",
                                EvidenceKind = EvidenceKind.Interview,
                                InterviewDate = new DateOnly(year, 10, 20),
                                IntervieweeName = "Kepala Bidang Aplikasi Informatika",
                                IntervieweePosition = "Diskominfo",
                                InterviewText = "Rekonsiliasi penilaian bersama kedua penilai.",
                                UpdatedAt = scoredAt.AddDays(20),
                            });
                        }

                        d++;
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            var refused = await FinaliseService.FinaliseCoreAsync(db, round.Id, finalisedAt, ct);
            if (refused is not null)
            {
                throw new InvalidOperationException($"Demo round {year} could not be finalised: {refused.Value.Key}.");
            }
        }
    }

    /// <summary>Plausible, deterministic scores on 1–5: a level per regency and year, a small pattern per cell, the second assessor at most one apart.</summary>
    private static (decimal First, decimal Second) Scores(int regency, int year, int criterion, int dimension)
    {
        int[][] levels = [[3, 4], [3, 3], [2, 3]]; // Jepara, Jombang, Pemalang in 2024 and 2025
        var level = levels[Math.Clamp(regency, 0, 2)][year >= 2025 ? 1 : 0];
        var first = Math.Clamp(level + (((criterion + (2 * dimension) + regency + year) % 3) - 1), 1, 5);
        var second = Math.Clamp(first + ((criterion + dimension + year) % 4 == 0 ? 1 : 0) - ((criterion * dimension) % 5 == 3 ? 1 : 0), 1, 5);
        return (first, second);
    }

    private static AssessorScore Score(int roundId, int regencyId, int criterionId, int? dimensionId, string assessor, decimal score, DateTimeOffset at) => new()
    {
        RoundId = roundId,
        RegencyId = regencyId,
        CriterionId = criterionId,
        DimensionId = dimensionId,
        AssessorId = assessor,
        Score = score,
        Note = "Data demo: skor berdasarkan telaah dokumen dan wawancara.",
        EvidenceKind = EvidenceKind.Interview,
        InterviewDate = DateOnly.FromDateTime(at.UtcDateTime),
        IntervieweeName = "Sekretaris Dinas Kominfo",
        IntervieweePosition = "Diskominfo",
        InterviewText = "Wawancara verifikasi dokumen capaian smart city (data demo).",
        UpdatedAt = at,
    };
}
