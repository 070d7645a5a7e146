using SmartCity.Domain.Common;

namespace SmartCity.Domain.Assessments;

/// <summary>One assessor's score in one cell of one regency (the cell key is opaque to the statistics).</summary>
public readonly record struct CellScore<TCell>(TCell Cell, string AssessorId, decimal Score);

/// <summary>
/// An assessor's calibration: the mean deviation from the panel mean per cell (positive = lenient, negative = strict), the spread
/// (population standard deviation of those deviations) and the number of their cells that diverge beyond the threshold.
/// </summary>
public sealed record AssessorCalibration(string AssessorId, int Cells, decimal MeanDeviation, decimal Spread, int FlaggedCells);

/// <summary>Calibration statistics of a round (issue 6, "Calibration"), computed exactly and rounded once to two decimals.</summary>
public static class Calibration
{
    /// <summary>Per assessor, over the cells they scored; the panel mean of a cell is the mean of every assessor's score in it.</summary>
    public static IReadOnlyList<AssessorCalibration> Assessors<TCell>(IEnumerable<CellScore<TCell>> scores, decimal threshold)
        where TCell : notnull
    {
        var byCell = scores.GroupBy(s => s.Cell).ToList();
        var deviations = new Dictionary<string, List<Fraction>>(StringComparer.Ordinal);
        var flagged = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in byCell)
        {
            var values = cell.Select(s => s.Score).ToList();
            var mean = Fraction.Mean(values.Select(v => (Fraction)v));
            var diverges = Scoring.Diverges(values, threshold);
            foreach (var score in cell)
            {
                if (!deviations.TryGetValue(score.AssessorId, out var list))
                {
                    deviations[score.AssessorId] = list = [];
                    flagged[score.AssessorId] = 0;
                }

                list.Add((Fraction)score.Score - mean);
                if (diverges)
                {
                    flagged[score.AssessorId]++;
                }
            }
        }

        return deviations.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d =>
        {
            var mean = Fraction.Mean(d.Value);
            var variance = Fraction.Mean(d.Value.Select(x => (x - mean) * (x - mean)));
            var spread = Math.Round((decimal)Math.Sqrt((double)variance.ToDecimal()), 2, MidpointRounding.AwayFromZero);
            return new AssessorCalibration(d.Key, d.Value.Count, mean.Round(), spread, flagged[d.Key]);
        }).ToList();
    }

    /// <summary>How many scores took each value, ascending by value.</summary>
    public static IReadOnlyList<(decimal Value, int Count)> Distribution(IEnumerable<decimal> scores) =>
        scores.GroupBy(s => s).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
}
