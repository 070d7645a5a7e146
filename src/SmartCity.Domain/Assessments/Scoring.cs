using SmartCity.Domain.Common;

namespace SmartCity.Domain.Assessments;

/// <summary>The scoring rules of DOMAIN.md ("Evaluation rounds"), exactly and nothing more.</summary>
public static class Scoring
{
    /// <summary>Weights of an instrument must total exactly 100.</summary>
    public static bool WeightsTotal100(IEnumerable<decimal> weights) => weights.Sum() == 100m;

    /// <summary>Criterion score = the cell score, or the mean of its dimension cells (exact).</summary>
    public static Fraction CriterionScore(IReadOnlyCollection<Fraction> cells) =>
        cells.Count == 0 ? throw new ArgumentException("A criterion needs at least one cell.", nameof(cells)) : Fraction.Mean(cells);

    /// <summary>Index = Σ weight × criterion score ÷ 100, computed exactly, rounded half away from zero to two decimals.</summary>
    public static decimal Index(IEnumerable<(decimal Weight, Fraction CriterionScore)> criteria) =>
        criteria.Aggregate(Fraction.Zero, (sum, c) => sum + (c.Weight * c.CriterionScore)) is var total ? (total / 100m).Round() : 0;

    /// <summary>Dimension score = weight-normalised mean of the per-dimension criteria's cells for that dimension.</summary>
    public static decimal? DimensionScore(IEnumerable<(decimal Weight, Fraction Cell)> cells)
    {
        var list = cells.ToList();
        var weight = list.Sum(c => c.Weight);
        return weight == 0 ? null : (list.Aggregate(Fraction.Zero, (sum, c) => sum + (c.Weight * c.Cell)) / weight).Round();
    }

    /// <summary>The band whose range holds the (rounded) index.</summary>
    public static Band? BandOf(decimal roundedIndex, IEnumerable<Band> bands) =>
        bands.FirstOrDefault(b => roundedIndex >= b.MinInclusive && (b.MaxExclusive is null || roundedIndex < b.MaxExclusive));

    /// <summary>Assessors' scores diverge when max − min exceeds the threshold.</summary>
    public static bool Diverges(IReadOnlyCollection<decimal> scores, decimal threshold) =>
        scores.Count > 1 && scores.Max() - scores.Min() > threshold;

    /// <summary>Final cell score: the reconciled score when the cell diverged and one was recorded, otherwise the mean (exact).</summary>
    public static Fraction FinalCellScore(IReadOnlyCollection<decimal> assessorScores, decimal threshold, decimal? reconciled) =>
        Diverges(assessorScores, threshold) && reconciled is not null ? reconciled.Value : Fraction.Mean(assessorScores.Select(s => (Fraction)s));

    /// <summary>Standard competition ranking (1, 1, 3) on rounded indices, highest first.</summary>
    public static IReadOnlyDictionary<TKey, int> CompetitionRanks<TKey>(IEnumerable<(TKey Key, decimal Index)> items)
        where TKey : notnull
    {
        var ordered = items.OrderByDescending(i => i.Index).ToList();
        var ranks = new Dictionary<TKey, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Key] = i > 0 && ordered[i].Index == ordered[i - 1].Index ? ranks[ordered[i - 1].Key] : i + 1;
        }

        return ranks;
    }

    /// <summary>The SPBE band set, the default of a new instrument.</summary>
    public static IReadOnlyList<Band> DefaultBands() =>
    [
        new() { Name = "Memuaskan", MinInclusive = 4.2m, MaxExclusive = null, SortOrder = 1 },
        new() { Name = "Sangat Baik", MinInclusive = 3.5m, MaxExclusive = 4.2m, SortOrder = 2 },
        new() { Name = "Baik", MinInclusive = 2.6m, MaxExclusive = 3.5m, SortOrder = 3 },
        new() { Name = "Cukup", MinInclusive = 1.8m, MaxExclusive = 2.6m, SortOrder = 4 },
        new() { Name = "Kurang", MinInclusive = 0m, MaxExclusive = 1.8m, SortOrder = 5 },
    ];
}
