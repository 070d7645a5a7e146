using System.Globalization;
using SmartCity.Domain.Common;
using SmartCity.Web.Components.Shared;

namespace SmartCity.UnitTests.Web.Components.Shared;

public class FormatTests
{
    private static readonly DateTimeOffset MorningUtc = new(2018, 10, 17, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Indonesian_dates_use_Indonesian_month_abbreviations()
    {
        InCulture("id-ID", () =>
        {
            Assert.Equal("17 Okt 2018", Format.Date(new DateOnly(2018, 10, 17)));
            Assert.Equal("08 Nov 2023", Format.Date(new DateOnly(2023, 11, 8)));
            Assert.Equal("17 Agu 1945", Format.Date(new DateOnly(1945, 8, 17)));
            Assert.Equal("17 Okt 2018", Format.Date((DateOnly?)new DateOnly(2018, 10, 17)));
        });
    }

    [Fact]
    public void English_dates_use_English_month_abbreviations()
    {
        InCulture("en-US", () =>
        {
            Assert.Equal("17 Oct 2018", Format.Date(new DateOnly(2018, 10, 17)));
            Assert.Equal("17 Aug 1945", Format.Date(new DateOnly(1945, 8, 17)));
        });
    }

    [Fact]
    public void A_missing_date_or_instant_is_a_dash()
    {
        InCulture("id-ID", () =>
        {
            Assert.Equal("–", Format.Date(null));
            Assert.Equal("–", Format.Instant(null, IndonesianTimeZone.Wib));
        });
    }

    [Fact]
    public void Money_uses_the_grouping_of_the_culture_without_decimals()
    {
        InCulture("id-ID", () =>
        {
            Assert.Equal("Rp1.500.000", Format.Money(1500000m));
            Assert.Equal("Rp0", Format.Money(0m));
            Assert.Equal("Rp1.500.001", Format.Money(1500000.5m));
            Assert.Equal("Rp999", Format.Money(999m));
        });
        InCulture("en-US", () =>
        {
            Assert.Equal("Rp1,500,000", Format.Money(1500000m));
            Assert.Equal("Rp2,750,000,000", Format.Money(2750000000m));
        });
    }

    [Fact]
    public void Index_has_two_decimals_with_the_culture_separator_rounding_half_away_from_zero()
    {
        InCulture("id-ID", () =>
        {
            Assert.Equal("3,31", Format.Index(3.305m));
            Assert.Equal("3,30", Format.Index(3.3m));
            Assert.Equal("4,20", Format.Index(4.195m));
            Assert.Equal("0,00", Format.Index(0m));
        });
        InCulture("en-US", () =>
        {
            Assert.Equal("3.31", Format.Index(3.305m));
            Assert.Equal("4.19", Format.Index(4.185m));
        });
    }

    [Fact]
    public void Percent_drops_trailing_zeros()
    {
        InCulture("id-ID", () =>
        {
            Assert.Equal("72,5 %", Format.Percent(72.5m));
            Assert.Equal("100 %", Format.Percent(100.00m));
            Assert.Equal("33,33 %", Format.Percent(33.333m));
        });
        InCulture("en-US", () => Assert.Equal("72.5 %", Format.Percent(72.50m)));
    }

    [Fact]
    public void Number_is_grouped()
    {
        InCulture("id-ID", () => Assert.Equal("1.514", Format.Number(1514)));
        InCulture("en-US", () => Assert.Equal("1,514", Format.Number(1514)));
    }

    [Fact]
    public void Instant_is_shown_in_the_zone_with_its_label()
    {
        InCulture("id-ID", () =>
        {
            Assert.Equal("17 Okt 2018 09.30 WIB", Format.Instant(MorningUtc, IndonesianTimeZone.Wib));
            Assert.Equal("17 Okt 2018 10.30 WITA", Format.Instant(MorningUtc, IndonesianTimeZone.Wita));
            Assert.Equal("17 Okt 2018 11.30 WIT", Format.Instant((DateTimeOffset?)MorningUtc, IndonesianTimeZone.Wit));
        });
        InCulture("en-US", () => Assert.Equal("17 Oct 2018 10:30 WITA", Format.Instant(MorningUtc, IndonesianTimeZone.Wita)));
    }

    [Fact]
    public void Instant_shows_the_local_date_after_midnight()
    {
        var instant = new DateTimeOffset(2026, 11, 23, 17, 30, 0, TimeSpan.Zero);

        InCulture("id-ID", () => Assert.Equal("24 Nov 2026 00.30 WIB", Format.Instant(instant, IndonesianTimeZone.Wib)));
    }

    [Fact]
    public void IsEnglish_follows_the_UI_culture()
    {
        InCulture("en-US", () => Assert.True(Format.IsEnglish));
        InCulture("en-GB", () => Assert.True(Format.IsEnglish));
        InCulture("id-ID", () => Assert.False(Format.IsEnglish));
    }

    private static void InCulture(string name, Action test)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            test();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
