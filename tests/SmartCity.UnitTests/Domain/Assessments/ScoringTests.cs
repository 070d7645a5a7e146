using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;

namespace SmartCity.UnitTests.Domain.Assessments;

public class ScoringTests
{
    private static readonly decimal[] DefaultWeights = [10m, 20m, 30m, 30m, 10m];

    [Fact]
    public void Weights_totalling_100_are_accepted()
    {
        Assert.True(Scoring.WeightsTotal100(DefaultWeights));
        Assert.True(Scoring.WeightsTotal100([33.33m, 33.33m, 33.34m]));
        Assert.True(Scoring.WeightsTotal100([100m]));
    }

    [Fact]
    public void Weights_not_totalling_exactly_100_are_refused()
    {
        Assert.False(Scoring.WeightsTotal100([10m, 20m, 30m, 30m, 9.99m]));
        Assert.False(Scoring.WeightsTotal100([33.33m, 33.33m, 33.33m]));
        Assert.False(Scoring.WeightsTotal100([50m, 50.01m]));
        Assert.False(Scoring.WeightsTotal100([]));
    }

    [Fact]
    public void CriterionScore_of_one_cell_is_that_cell()
    {
        Assert.Equal(3.5m, Scoring.CriterionScore([3.5m]));
    }

    [Fact]
    public void CriterionScore_is_the_mean_of_the_six_dimension_cells()
    {
        Assert.Equal(3.5m, Scoring.CriterionScore([4m, 4m, 4m, 3m, 3m, 3m]));
        Assert.Equal(2.75m, Scoring.CriterionScore([1m, 2m, 3m, 4m, 5m, 1.5m]));
    }

    [Fact]
    public void CriterionScore_needs_a_cell()
    {
        Assert.Throws<ArgumentException>(() => Scoring.CriterionScore([]));
    }

    [Fact]
    public void Index_is_the_weighted_sum_divided_by_100()
    {
        // 10×4 + 20×3 + 30×4 + 30×5 + 10×2 = 390 → 3.90
        var index = Scoring.Index(Criteria([4m, 3m, 4m, 5m, 2m]));

        Assert.Equal(3.90m, index);
    }

    [Fact]
    public void Index_rounds_an_exact_midpoint_half_away_from_zero()
    {
        // 10×3 + 20×3 + 30×3 + 30×3 + 10×3.05 = 300.5 → 3.005 → 3.01 (banker's rounding would give 3.00)
        Assert.Equal(3.01m, Scoring.Index(Criteria([3m, 3m, 3m, 3m, 3.05m])));

        // 10×4.2 + 20×4.2 + 30×4.2 + 30×4.2 + 10×4.15 = 419.5 → 4.195 → 4.20, the DOMAIN.md example
        Assert.Equal(4.20m, Scoring.Index(Criteria([4.2m, 4.2m, 4.2m, 4.2m, 4.15m])));

        // 10×4 + 20×4 + 30×4 + 30×4 + 10×4.25 = 402.5 → 4.025 → 4.03 (banker's: 4.02)
        Assert.Equal(4.03m, Scoring.Index(Criteria([4m, 4m, 4m, 4m, 4.25m])));
    }

    [Fact]
    public void Index_rounds_below_a_midpoint_down()
    {
        // 10×3 + 20×3 + 30×3 + 30×3 + 10×3.04 = 300.4 → 3.004 → 3.00
        Assert.Equal(3.00m, Scoring.Index(Criteria([3m, 3m, 3m, 3m, 3.04m])));
    }

    [Fact]
    public void Index_of_per_dimension_means_is_computed_exactly_before_rounding()
    {
        // Cells are final cell scores (means of two assessors, so halves). Criterion means are 11/6, 31/12 and 10/3:
        // 10×4 + 20×11/6 + 30×31/12 + 30×4 + 10×10/3 = 40 + 36.66… + 77.5 + 120 + 33.33… = 307.5 exactly → 3.075 → 3.08.
        var scores = new[]
        {
            Scoring.CriterionScore([4m]),
            Scoring.CriterionScore([3m, 1m, 2.5m, 2.5m, 1m, 1m]),
            Scoring.CriterionScore([3m, 2.5m, 3m, 1m, 5m, 1m]),
            Scoring.CriterionScore([4m]),
            Scoring.CriterionScore([3.5m, 3.5m, 3m, 3.5m, 3.5m, 3m]),
        };

        Assert.Equal(3.08m, Scoring.Index(Criteria(scores)));
    }

    [Fact]
    public void Index_of_all_top_scores_is_the_top_of_the_scale()
    {
        Assert.Equal(5.00m, Scoring.Index(Criteria([5m, 5m, 5m, 5m, 5m])));
    }

    [Fact]
    public void DimensionScore_is_the_weight_normalised_mean()
    {
        // (10×4 + 30×2) ÷ 40 = 2.5; an unweighted mean would be 3.
        Assert.Equal(2.50m, Scoring.DimensionScore([(10m, 4m), (30m, 2m)]));
    }

    [Fact]
    public void DimensionScore_is_rounded_half_away_from_zero()
    {
        // (10×3 + 20×4 + 30×4) ÷ 60 = 230 ÷ 60 = 3.8333… → 3.83
        Assert.Equal(3.83m, Scoring.DimensionScore([(10m, 3m), (20m, 4m), (30m, 4m)]));

        // (30×3.01 + 10×3) ÷ 40 = 120.3 ÷ 40 = 3.0075 → 3.01
        Assert.Equal(3.01m, Scoring.DimensionScore([(30m, 3.01m), (10m, 3m)]));
    }

    [Fact]
    public void DimensionScore_without_weight_is_null()
    {
        Assert.Null(Scoring.DimensionScore([]));
        Assert.Null(Scoring.DimensionScore([(0m, 4m)]));
    }

    public static TheoryData<decimal, string> BandEdges => new()
    {
        { 5.0m, "Memuaskan" },
        { 4.2m, "Memuaskan" },
        { 4.19m, "Sangat Baik" },
        { 3.5m, "Sangat Baik" },
        { 3.49m, "Baik" },
        { 2.6m, "Baik" },
        { 2.59m, "Cukup" },
        { 1.8m, "Cukup" },
        { 1.79m, "Kurang" },
        { 1m, "Kurang" },
        { 0m, "Kurang" },
    };

    [Theory]
    [MemberData(nameof(BandEdges))]
    public void BandOf_with_the_default_bands(decimal index, string expected)
    {
        Assert.Equal(expected, Scoring.BandOf(index, Scoring.DefaultBands())?.Name);
    }

    [Fact]
    public void BandOf_outside_every_band_is_null()
    {
        Assert.Null(Scoring.BandOf(-0.01m, Scoring.DefaultBands()));
        Assert.Null(Scoring.BandOf(3m, []));
    }

    [Fact]
    public void Default_bands_cover_zero_upwards_without_gaps_or_overlaps()
    {
        var bands = Scoring.DefaultBands().OrderBy(b => b.MinInclusive).ToList();

        Assert.Equal(0m, bands[0].MinInclusive);
        for (var i = 1; i < bands.Count; i++)
        {
            Assert.Equal(bands[i].MinInclusive, bands[i - 1].MaxExclusive);
        }

        Assert.Null(bands[^1].MaxExclusive);
        Assert.Equal([5, 4, 3, 2, 1], bands.Select(b => b.SortOrder));
    }

    [Fact]
    public void Diverges_when_the_spread_exceeds_the_threshold()
    {
        Assert.True(Scoring.Diverges([2m, 3.5m], 1m));
        Assert.True(Scoring.Diverges([3m, 2m, 4.01m], 2m));
        Assert.False(Scoring.Diverges([2m, 3m], 1m));
        Assert.False(Scoring.Diverges([3m, 2m, 4m], 2m));
        Assert.False(Scoring.Diverges([3m, 3m], 0m));
        Assert.True(Scoring.Diverges([3m, 3.5m], 0m));
    }

    [Fact]
    public void A_single_score_never_diverges()
    {
        Assert.False(Scoring.Diverges([1m], 0m));
        Assert.False(Scoring.Diverges([], 0m));
    }

    [Fact]
    public void FinalCellScore_uses_the_reconciled_score_only_when_diverging()
    {
        Assert.Equal(3.5m, Scoring.FinalCellScore([2m, 4m], 1m, 3.5m));
        Assert.Equal(2.5m, Scoring.FinalCellScore([2m, 3m], 1m, 4m));
    }

    [Fact]
    public void FinalCellScore_is_the_mean_without_a_reconciled_score()
    {
        Assert.Equal(3m, Scoring.FinalCellScore([2m, 4m], 1m, null));
        Assert.Equal(3.5m, Scoring.FinalCellScore([3m, 4m], 1m, null));
        Assert.Equal(4m, Scoring.FinalCellScore([4m], 1m, null));
    }

    [Fact]
    public void CompetitionRanks_share_a_rank_and_skip_the_next()
    {
        var ranks = Scoring.CompetitionRanks([("Jepara", 3.5m), ("Pemalang", 3.5m), ("Jombang", 3.2m)]);

        Assert.Equal(1, ranks["Jepara"]);
        Assert.Equal(1, ranks["Pemalang"]);
        Assert.Equal(3, ranks["Jombang"]);
    }

    [Fact]
    public void CompetitionRanks_with_a_tie_in_the_middle()
    {
        var ranks = Scoring.CompetitionRanks([("c", 3.1m), ("a", 4.0m), ("d", 2.0m), ("b", 3.1m)]);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2, ["c"] = 2, ["d"] = 4 }, ranks);
    }

    [Fact]
    public void CompetitionRanks_treat_equal_rounded_values_with_different_scales_as_ties()
    {
        var ranks = Scoring.CompetitionRanks([(1, 3.50m), (2, 3.5m), (3, 4m), (4, 4.00m), (5, 1m)]);

        Assert.Equal(1, ranks[3]);
        Assert.Equal(1, ranks[4]);
        Assert.Equal(3, ranks[1]);
        Assert.Equal(3, ranks[2]);
        Assert.Equal(5, ranks[5]);
    }

    [Fact]
    public void CompetitionRanks_of_nothing_is_empty()
    {
        Assert.Empty(Scoring.CompetitionRanks(Array.Empty<(int, decimal)>()));
    }

    private static IEnumerable<(decimal Weight, Fraction CriterionScore)> Criteria(IReadOnlyList<Fraction> scores) =>
        DefaultWeights.Zip(scores, (w, s) => (w, s));
}
