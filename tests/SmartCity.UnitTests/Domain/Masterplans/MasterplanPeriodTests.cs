using SmartCity.Domain.Masterplans;

namespace SmartCity.UnitTests.Domain.Masterplans;

public class MasterplanPeriodTests
{
    [Theory]
    [InlineData(2018, 2028, true)]
    [InlineData(2018, 2023, true)]
    [InlineData(2020, 2027, true)]
    [InlineData(2018, 2022, false)]
    [InlineData(2018, 2029, false)]
    [InlineData(2018, 2018, false)]
    [InlineData(2028, 2018, false)]
    public void IsValid_between_five_and_ten_years(int startYear, int endYear, bool expected)
    {
        Assert.Equal(expected, MasterplanPeriod.IsValid(startYear, endYear));
    }

    [Fact]
    public void Bounds_are_five_and_ten()
    {
        Assert.True(MasterplanPeriod.IsValid(2020, 2020 + MasterplanPeriod.MinYears));
        Assert.True(MasterplanPeriod.IsValid(2020, 2020 + MasterplanPeriod.MaxYears));
        Assert.False(MasterplanPeriod.IsValid(2020, 2024));
        Assert.False(MasterplanPeriod.IsValid(2020, 2031));
    }
}
