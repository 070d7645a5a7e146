using SmartCity.Domain.Common;

namespace SmartCity.UnitTests.Domain.Common;

public class IndonesianTimeZonesTests
{
    [Theory]
    [InlineData("11", IndonesianTimeZone.Wib)]
    [InlineData("19", IndonesianTimeZone.Wib)]
    [InlineData("21", IndonesianTimeZone.Wib)]
    [InlineData("31", IndonesianTimeZone.Wib)]
    [InlineData("33", IndonesianTimeZone.Wib)]
    [InlineData("36", IndonesianTimeZone.Wib)]
    [InlineData("51", IndonesianTimeZone.Wita)]
    [InlineData("52", IndonesianTimeZone.Wita)]
    [InlineData("53", IndonesianTimeZone.Wita)]
    [InlineData("61", IndonesianTimeZone.Wib)]
    [InlineData("62", IndonesianTimeZone.Wib)]
    [InlineData("63", IndonesianTimeZone.Wita)]
    [InlineData("64", IndonesianTimeZone.Wita)]
    [InlineData("65", IndonesianTimeZone.Wita)]
    [InlineData("71", IndonesianTimeZone.Wita)]
    [InlineData("72", IndonesianTimeZone.Wita)]
    [InlineData("73", IndonesianTimeZone.Wita)]
    [InlineData("74", IndonesianTimeZone.Wita)]
    [InlineData("75", IndonesianTimeZone.Wita)]
    [InlineData("76", IndonesianTimeZone.Wita)]
    [InlineData("81", IndonesianTimeZone.Wit)]
    [InlineData("82", IndonesianTimeZone.Wit)]
    [InlineData("91", IndonesianTimeZone.Wit)]
    [InlineData("92", IndonesianTimeZone.Wit)]
    [InlineData("93", IndonesianTimeZone.Wit)]
    [InlineData("94", IndonesianTimeZone.Wit)]
    [InlineData("95", IndonesianTimeZone.Wit)]
    [InlineData("96", IndonesianTimeZone.Wit)]
    public void ForProvinceCode_maps_provinces_to_zones(string provinceCode, IndonesianTimeZone expected)
    {
        Assert.Equal(expected, IndonesianTimeZones.ForProvinceCode(provinceCode));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("333")]
    [InlineData("33.20")]
    [InlineData("ab")]
    [InlineData("3a")]
    public void ForProvinceCode_rejects_malformed_codes(string provinceCode)
    {
        var error = Assert.Throws<ArgumentException>(() => IndonesianTimeZones.ForProvinceCode(provinceCode));
        Assert.Equal("provinceCode", error.ParamName);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    public void ForProvinceCode_rejects_two_characters_that_are_not_two_digits(string provinceCode)
    {
        Assert.Throws<ArgumentException>(() => IndonesianTimeZones.ForProvinceCode(provinceCode));
    }

    [Theory]
    [InlineData(IndonesianTimeZone.Wib, 7, "WIB")]
    [InlineData(IndonesianTimeZone.Wita, 8, "WITA")]
    [InlineData(IndonesianTimeZone.Wit, 9, "WIT")]
    public void Offsets_and_labels(IndonesianTimeZone zone, int hours, string label)
    {
        Assert.Equal(TimeSpan.FromHours(hours), zone.UtcOffset());
        Assert.Equal(label, zone.Label());
    }

    [Fact]
    public void UtcOffset_of_an_undefined_zone_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((IndonesianTimeZone)42).UtcOffset());
    }

    [Fact]
    public void ToZone_keeps_the_instant_and_changes_the_clock()
    {
        var instant = new DateTimeOffset(2018, 10, 17, 2, 30, 0, TimeSpan.Zero);

        var wita = instant.ToZone(IndonesianTimeZone.Wita);

        Assert.Equal(instant, wita);
        Assert.Equal(TimeSpan.FromHours(8), wita.Offset);
        Assert.Equal(new DateTime(2018, 10, 17, 10, 30, 0), wita.DateTime);
    }

    [Theory]
    [InlineData(IndonesianTimeZone.Wib, 2026, 11, 24)]
    [InlineData(IndonesianTimeZone.Wita, 2026, 11, 24)]
    [InlineData(IndonesianTimeZone.Wit, 2026, 11, 24)]
    public void DateIn_crosses_midnight_after_17_30_utc(IndonesianTimeZone zone, int year, int month, int day)
    {
        // 17:30 UTC is 00:30 WIB, 01:30 WITA and 02:30 WIT on the next day.
        var instant = new DateTimeOffset(2026, 11, 23, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(year, month, day), instant.DateIn(zone));
        Assert.Equal(new DateOnly(2026, 11, 23), DateOnly.FromDateTime(instant.UtcDateTime));
    }

    [Theory]
    [InlineData(16, 59, IndonesianTimeZone.Wib, 23)]
    [InlineData(17, 0, IndonesianTimeZone.Wib, 24)]
    [InlineData(15, 59, IndonesianTimeZone.Wita, 23)]
    [InlineData(16, 0, IndonesianTimeZone.Wita, 24)]
    [InlineData(14, 59, IndonesianTimeZone.Wit, 23)]
    [InlineData(15, 0, IndonesianTimeZone.Wit, 24)]
    public void DateIn_changes_exactly_at_local_midnight(int utcHour, int utcMinute, IndonesianTimeZone zone, int expectedDay)
    {
        var instant = new DateTimeOffset(2026, 11, 23, utcHour, utcMinute, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, expectedDay), instant.DateIn(zone));
    }

    [Fact]
    public void DateIn_ignores_the_offset_the_instant_was_written_with()
    {
        // 23:30 in New York (UTC-5) on 23 Nov is 04:30 UTC on 24 Nov, 11:30 WIB on 24 Nov.
        var instant = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal(new DateOnly(2026, 11, 24), instant.DateIn(IndonesianTimeZone.Wib));
    }
}
