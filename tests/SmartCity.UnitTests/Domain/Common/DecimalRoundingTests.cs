using SmartCity.Domain.Common;

namespace SmartCity.UnitTests.Domain.Common;

public class DecimalRoundingTests
{
    public static TheoryData<decimal, decimal> Cases => new()
    {
        { 4.195m, 4.20m },
        { 4.185m, 4.19m },
        { 4.125m, 4.13m },
        { -1.005m, -1.01m },
        { -4.185m, -4.19m },
        { 2.344m, 2.34m },
        { 2.3449999m, 2.34m },
        { 2.345m, 2.35m },
        { 0.005m, 0.01m },
        { 0.0049m, 0.00m },
        { 3m, 3.00m },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToTwoDecimals_rounds_half_away_from_zero(decimal value, decimal expected)
    {
        Assert.Equal(expected, DecimalRounding.ToTwoDecimals(value));
    }
}
