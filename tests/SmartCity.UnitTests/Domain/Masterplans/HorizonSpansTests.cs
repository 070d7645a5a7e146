using SmartCity.Domain.Masterplans;

namespace SmartCity.UnitTests.Domain.Masterplans;

/// <summary>The roadmap's horizons: short = the first N years, medium up to year M, long the rest; every year of the period in exactly one.</summary>
public class HorizonSpansTests
{
    [Fact]
    public void The_default_spans_of_a_ten_year_period()
    {
        var spans = new HorizonSpans(2018, 2028, ShortYears: 2, MediumYears: 5);

        Assert.Equal((2018, 2019), spans.Of(Horizon.ShortTerm));
        Assert.Equal((2020, 2022), spans.Of(Horizon.MediumTerm));
        Assert.Equal((2023, 2028), spans.Of(Horizon.LongTerm));
    }

    [Theory]
    [InlineData(2018, Horizon.ShortTerm)]
    [InlineData(2019, Horizon.ShortTerm)] // last short year
    [InlineData(2020, Horizon.MediumTerm)] // first medium year
    [InlineData(2022, Horizon.MediumTerm)] // last medium year
    [InlineData(2023, Horizon.LongTerm)] // first long year
    [InlineData(2028, Horizon.LongTerm)] // the end year belongs to the period
    public void A_start_year_at_each_edge_falls_in_its_horizon(int year, Horizon expected)
    {
        Assert.Equal(expected, new HorizonSpans(2018, 2028, 2, 5).HorizonOf(year));
    }

    [Fact]
    public void A_five_year_period_keeps_its_end_year_in_the_long_horizon()
    {
        var spans = new HorizonSpans(2020, 2025, 2, 5);

        Assert.Equal((2020, 2021), spans.Of(Horizon.ShortTerm));
        Assert.Equal((2022, 2024), spans.Of(Horizon.MediumTerm));
        Assert.Equal((2025, 2025), spans.Of(Horizon.LongTerm));
        Assert.Equal(Horizon.LongTerm, spans.HorizonOf(2025));
    }

    [Fact]
    public void Medium_spans_are_cut_at_the_end_of_a_short_period()
    {
        // The largest spans the settings allow (short 5, medium 10) on the shortest period (5 years).
        var spans = new HorizonSpans(2020, 2025, 5, 10);

        Assert.Equal((2020, 2024), spans.Of(Horizon.ShortTerm));
        Assert.Equal((2025, 2025), spans.Of(Horizon.MediumTerm));
        var (from, to) = spans.Of(Horizon.LongTerm);
        Assert.True(from > to, "the long horizon is empty");
        Assert.Equal(Horizon.MediumTerm, spans.HorizonOf(2025));
    }

    public static TheoryData<int, int, int, int> Periods => new()
    {
        { 2018, 2028, 2, 5 },
        { 2020, 2025, 2, 5 },
        { 2020, 2025, 1, 2 },
        { 2020, 2025, 5, 10 },
        { 2020, 2030, 5, 6 },
        { 2021, 2027, 3, 4 },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void Every_year_of_the_period_lies_in_exactly_one_span_the_one_HorizonOf_names(int start, int end, int shortYears, int mediumYears)
    {
        var spans = new HorizonSpans(start, end, shortYears, mediumYears);

        for (var year = start; year <= end; year++)
        {
            var containing = Enum.GetValues<Horizon>().Where(h => spans.Of(h).From <= year && year <= spans.Of(h).To).ToList();
            Assert.Equal([spans.HorizonOf(year)], containing);
        }

        foreach (var horizon in Enum.GetValues<Horizon>())
        {
            var (from, to) = spans.Of(horizon);
            Assert.True(from > to || (from >= start && to <= end), $"{horizon} {from}–{to} lies outside {start}–{end}");
        }
    }
}
