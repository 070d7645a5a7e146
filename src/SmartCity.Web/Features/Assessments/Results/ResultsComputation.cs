using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Assessments;

/// <summary>
/// Loads a round's scores in four commands (round with instrument and previous round; participants with their previous
/// index; assessor scores with the reconciled score of their cell; dimensions) and computes every participant's result in
/// memory with the rules of <see cref="Scoring"/>. Shared by the results page, finalisation and the demo seeder.
/// </summary>
internal static class ResultsComputation
{
    internal sealed record Loaded(
        ResultRound Round, RoundState StoredState, IReadOnlyList<ResultCriterion> Criteria, IReadOnlyList<Band> Bands,
        IReadOnlyList<ResultDimension> Dimensions, IReadOnlyList<ParticipantResult> Participants, string? PreviousRoundName);

    private sealed record ScoreRow(int RegencyId, int CriterionId, int? DimensionId, string AssessorId, decimal Score, decimal? Reconciled);

    /// <summary>The round's results for every participant, or null for an unknown round.</summary>
    public static async Task<Loaded?> LoadAsync(SmartCityDbContext db, int roundId, DateOnly todayWib, CancellationToken ct)
    {
        var round = await db.AssessmentRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => new
        {
            r.Id,
            r.Name,
            r.Kind,
            r.Year,
            r.State,
            r.SelfAssessmentOpensOn,
            r.ScoringOpensOn,
            r.ReconciliationOpensOn,
            r.IsDemo,
            r.FinalisedAt,
            r.Instrument!.ScaleMin,
            r.Instrument.ScaleMax,
            r.Instrument.DivergenceThreshold,
            Criteria = r.Instrument.Criteria.OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
                .Select(c => new ResultCriterion(c.Id, c.Code, c.NameId, c.NameEn, c.Weight, c.PerDimension, c.SortOrder)).ToList(),
            Bands = r.Instrument.Bands.OrderBy(b => b.SortOrder)
                .Select(b => new Band { Name = b.Name, MinInclusive = b.MinInclusive, MaxExclusive = b.MaxExclusive, SortOrder = b.SortOrder }).ToList(),
            Previous = db.AssessmentRounds
                .Where(p => p.Kind == r.Kind && p.State == RoundState.Finalised && p.Id != r.Id && (p.Year < r.Year || (p.Year == r.Year && p.Id < r.Id)))
                .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Select(p => new { p.Id, p.Name }).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        if (round is null)
        {
            return null;
        }

        var previousId = round.Previous?.Id ?? -1;
        var participants = await (
            from p in db.RoundParticipants.AsNoTracking()
            where p.RoundId == roundId
            join g in db.Regencies on p.RegencyId equals g.Id
            orderby g.Code
            select new
            {
                p.RegencyId,
                g.Code,
                g.Name,
                g.ProvinceId,
                ProvinceName = g.Province!.Name,
                p.Index,
                p.Band,
                p.NationalRank,
                p.ProvincialRank,
                p.Change,
                p.LetterNumber,
                p.LetterDate,
                PreviousIndex = db.RoundParticipants.Where(q => q.RoundId == previousId && q.RegencyId == p.RegencyId).Select(q => q.Index).FirstOrDefault(),
            }).ToListAsync(ct);

        var scores = await db.AssessorScores.AsNoTracking().Where(s => s.RoundId == roundId)
            .Select(s => new ScoreRow(
                s.RegencyId, s.CriterionId, s.DimensionId, s.AssessorId, s.Score,
                db.ReconciledScores.Where(c => c.RoundId == s.RoundId && c.RegencyId == s.RegencyId && c.CriterionId == s.CriterionId && c.DimensionId == s.DimensionId)
                    .Select(c => (decimal?)c.Score).FirstOrDefault()))
            .ToListAsync(ct);

        var dimensions = await db.Dimensions.AsNoTracking().OrderBy(d => d.SortOrder)
            .Select(d => new ResultDimension(d.Id, d.Code, d.NameId, d.NameEn)).ToListAsync(ct);

        var state = RoundCalendar.StateOn(round.State, round.SelfAssessmentOpensOn, round.ScoringOpensOn, round.ReconciliationOpensOn, todayWib);
        var header = new ResultRound(
            round.Id, round.Name, round.Kind, round.Year, state, round.IsDemo, round.FinalisedAt, round.ScaleMin, round.ScaleMax, round.DivergenceThreshold);
        var byRegency = scores.ToLookup(s => s.RegencyId);
        var computed = participants.Select(p =>
        {
            var (criteria, dims, index, missing, unreconciled) = Compute(round.Criteria, dimensions, round.DivergenceThreshold, byRegency[p.RegencyId]);
            return new ParticipantResult(
                p.RegencyId, p.Code, p.Name, p.ProvinceId, p.ProvinceName, index, null, null, null,
                index is { } i && p.PreviousIndex is { } previous ? i - previous : null,
                criteria, dims, missing, unreconciled, p.LetterNumber, p.LetterDate);
        }).ToList();

        IReadOnlyList<ParticipantResult> results;
        if (round.State == RoundState.Finalised)
        {
            // Published results are what was stored at finalisation; criterion and dimension scores come from the immutable scores.
            var stored = participants.ToDictionary(p => p.RegencyId);
            results = computed.Select(c =>
            {
                var s = stored[c.RegencyId];
                return c with { Index = s.Index, Band = s.Band, NationalRank = s.NationalRank, ProvincialRank = s.ProvincialRank, Change = s.Change };
            }).ToList();
        }
        else
        {
            results = Rank(computed, round.Bands);
        }

        return new Loaded(header, round.State, round.Criteria, round.Bands, dimensions, results, round.Previous?.Name);
    }

    /// <summary>Band, national and provincial competition ranks on the rounded index (participants without an index get none).</summary>
    internal static IReadOnlyList<ParticipantResult> Rank(IReadOnlyList<ParticipantResult> participants, IReadOnlyList<Band> bands)
    {
        var complete = participants.Where(p => p.Index is not null).ToList();
        var national = Scoring.CompetitionRanks(complete.Select(p => (p.RegencyId, p.Index!.Value)));
        var provincial = complete.GroupBy(p => p.ProvinceId)
            .SelectMany(g => Scoring.CompetitionRanks(g.Select(p => (p.RegencyId, p.Index!.Value))))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        return participants.Select(p => p.Index is { } index
            ? p with
            {
                Band = Scoring.BandOf(index, bands)?.Name,
                NationalRank = national[p.RegencyId],
                ProvincialRank = provincial[p.RegencyId],
            }
            : p).ToList();
    }

    private static (IReadOnlyList<CriterionResult> Criteria, IReadOnlyList<DimensionResult> Dimensions, decimal? Index, int Missing, int Unreconciled) Compute(
        List<ResultCriterion> criteria, List<ResultDimension> dimensions, decimal threshold, IEnumerable<ScoreRow> scores)
    {
        var cells = scores.GroupBy(s => (s.CriterionId, s.DimensionId)).ToDictionary(g => g.Key, g => g.ToList());
        var criterionResults = new List<CriterionResult>();
        var criterionScores = new List<(decimal Weight, Fraction Score)>();
        var finals = new Dictionary<(int CriterionId, int? DimensionId), Fraction>();
        int missing = 0, unreconciled = 0;
        foreach (var criterion in criteria)
        {
            var cellResults = new List<CellResult>();
            var values = new List<Fraction>();
            IEnumerable<int?> keys = criterion.PerDimension ? dimensions.Select(d => (int?)d.Id) : [null];
            foreach (var dimensionId in keys)
            {
                if (!cells.TryGetValue((criterion.Id, dimensionId), out var rows))
                {
                    missing++;
                    cellResults.Add(new CellResult(criterion.Id, dimensionId, [], null, null, false));
                    continue;
                }

                var assessorScores = rows.OrderBy(r => r.AssessorId, StringComparer.Ordinal).Select(r => r.Score).ToList();
                var reconciled = rows[0].Reconciled;
                var divergent = Scoring.Diverges(assessorScores, threshold);
                if (divergent && reconciled is null)
                {
                    unreconciled++;
                }

                var final = Scoring.FinalCellScore(assessorScores, threshold, reconciled);
                finals[(criterion.Id, dimensionId)] = final;
                values.Add(final);
                cellResults.Add(new CellResult(criterion.Id, dimensionId, assessorScores, reconciled, final.Round(), divergent));
            }

            var complete = values.Count == cellResults.Count;
            var score = complete ? Scoring.CriterionScore(values) : (Fraction?)null;
            if (score is { } s)
            {
                criterionScores.Add((criterion.Weight, s));
            }

            criterionResults.Add(new CriterionResult(criterion.Id, score?.Round(), cellResults));
        }

        var index = criterionScores.Count == criteria.Count && criteria.Count > 0 ? Scoring.Index(criterionScores) : (decimal?)null;
        var perDimension = criteria.Where(c => c.PerDimension).ToList();
        var dimensionResults = dimensions.Select(d => new DimensionResult(
            d.Id, d.Code,
            Scoring.DimensionScore(perDimension
                .Where(c => finals.ContainsKey((c.Id, d.Id)))
                .Select(c => (c.Weight, finals[(c.Id, d.Id)]))))).ToList();
        return (criterionResults, dimensionResults, index, missing, unreconciled);
    }
}
