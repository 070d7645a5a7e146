using SmartCity.Domain.Assessments;

namespace SmartCity.UnitTests.Domain.Assessments;

public class CalibrationTests
{
    // Cell 1: A 4, B 2 (mean 3, diverges beyond 1); cell 2: A, B, C 3 (mean 3); cell 3: A 5, C 4 (mean 4.5, a difference of exactly 1 does not diverge).
    private static readonly CellScore<int>[] Scores =
    [
        new(1, "A", 4m), new(1, "B", 2m),
        new(2, "A", 3m), new(2, "B", 3m), new(2, "C", 3m),
        new(3, "A", 5m), new(3, "C", 4m),
    ];

    [Fact]
    public void Mean_deviation_from_the_panel_spread_and_flagged_cells_per_assessor()
    {
        var rows = Calibration.Assessors(Scores, threshold: 1m).ToDictionary(r => r.AssessorId);

        // A: deviations +1, 0, +0.5 → mean +0.5 (lenient); population SD √((0.25 + 0.25 + 0) / 3) = 0.408… → 0.41
        Assert.Equal(new AssessorCalibration("A", 3, 0.50m, 0.41m, 1), rows["A"]);

        // B: −1, 0 → mean −0.5 (strict); SD √((0.25 + 0.25) / 2) = 0.5
        Assert.Equal(new AssessorCalibration("B", 2, -0.50m, 0.50m, 1), rows["B"]);

        // C: 0, −0.5 → mean −0.25; SD 0.25; no divergent cell
        Assert.Equal(new AssessorCalibration("C", 2, -0.25m, 0.25m, 0), rows["C"]);
    }

    [Fact]
    public void An_assessor_always_on_the_panel_mean_has_no_deviation_and_no_spread()
    {
        var rows = Calibration.Assessors<int>([new(1, "A", 3m), new(1, "B", 3m), new(2, "A", 4m), new(2, "B", 4m)], 1m);

        Assert.All(rows, r => Assert.Equal((0m, 0m, 0), (r.MeanDeviation, r.Spread, r.FlaggedCells)));
    }

    [Fact]
    public void Mean_deviation_is_rounded_half_away_from_zero_once()
    {
        // Panel mean 10/3: A deviates by +2/3 → 0.67, B by −1/3 → −0.33 (exact thirds, rounded once).
        var rows = Calibration.Assessors<int>([new(1, "A", 4m), new(1, "B", 3m), new(1, "C", 3m)], 1m).ToDictionary(r => r.AssessorId);

        Assert.Equal(0.67m, rows["A"].MeanDeviation);
        Assert.Equal(-0.33m, rows["B"].MeanDeviation);
    }

    [Fact]
    public void Distribution_counts_each_scale_value()
    {
        Assert.Equal([(2m, 1), (3m, 3), (4m, 2), (5m, 1)], Calibration.Distribution(Scores.Select(s => s.Score)));
        Assert.Equal([(3m, 2)], Calibration.Distribution([3m, 3.0m]));
        Assert.Empty(Calibration.Distribution([]));
    }
}
