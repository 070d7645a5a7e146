using SmartCity.Domain.Common;

namespace SmartCity.UnitTests.Domain.Common;

public sealed class FractionTests
{
    [Theory]
    [InlineData("4.195", "4.20")]
    [InlineData("4.185", "4.19")]
    [InlineData("-1.005", "-1.01")]
    [InlineData("2.344", "2.34")]
    [InlineData("0", "0.00")]
    public void Round_is_half_away_from_zero(string value, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Fraction.FromDecimal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Round());

    [Fact]
    public void A_mean_of_thirds_stays_exact()
    {
        var mean = Fraction.Mean([1m, 1m, 2m]);

        Assert.Equal((Fraction)4m / 3m, mean);
        Assert.Equal(4m, mean * 3m);
        Assert.Equal(1.33m, mean.Round());
    }

    [Fact]
    public void An_exact_midpoint_reached_through_sixths_rounds_up()
    {
        // 1/6 + 1/3 + 0.575 = 1.075 exactly.
        var value = ((Fraction)1m / 6m) + ((Fraction)1m / 3m) + 0.575m;

        Assert.Equal(1.08m, value.Round());
    }

    [Fact]
    public void Comparison_and_equality_are_by_value()
    {
        Assert.Equal((Fraction)0.5m, (Fraction)1m / 2m);
        Assert.True((Fraction)1m / 3m < 0.34m);
        Assert.True((Fraction)2m / 3m > 0.66m);
    }

    [Fact]
    public void The_mean_of_nothing_is_refused() => Assert.Throws<ArgumentException>(() => Fraction.Mean([]));
}
