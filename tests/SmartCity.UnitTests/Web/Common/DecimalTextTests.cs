using System.Globalization;
using SmartCity.Web.Common;

namespace SmartCity.UnitTests.Web.Common;

/// <summary>Numbers as people in Indonesia type them, in both UI cultures; anything ambiguous or malformed is refused, never guessed.</summary>
public sealed class DecimalTextTests
{
    private static readonly CultureInfo Indonesian = new("id-ID");
    private static readonly CultureInfo English = new("en-US");

    [Theory]
    [InlineData("2,5", "2.5")]
    [InlineData("1.500.000", "1500000")]
    [InlineData("1.500.000,75", "1500000.75")]
    [InlineData("2.5", "2.5")] // a lone point not followed by three digits is a decimal point in Indonesian too
    [InlineData("1.500", "1500")] // followed by exactly three digits: thousands
    [InlineData("0,25", "0.25")]
    [InlineData(",5", "0.5")]
    [InlineData("100", "100")]
    [InlineData("-2,5", "-2.5")]
    [InlineData("Rp1.500.000", "1500000")]
    [InlineData(" 1 500 000 ", "1500000")]
    public void Indonesian_numbers_are_read(string text, string expected)
    {
        Assert.True(DecimalText.TryParse(text, Indonesian, out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1,500,000", "1500000")]
    [InlineData("2.5", "2.5")]
    [InlineData("1,500,000.75", "1500000.75")]
    [InlineData("2,5", "2.5")] // the same rule the other way round
    [InlineData("1,500", "1500")]
    [InlineData("-0.75", "-0.75")]
    public void English_numbers_are_read(string text, string expected)
    {
        Assert.True(DecimalText.TryParse(text, English, out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("1.50.0")]
    [InlineData("1.5000.000")]
    [InlineData(",")]
    [InlineData(".")]
    [InlineData("1,")]
    [InlineData("1,2,3")]
    [InlineData("--1")]
    [InlineData("1e5")]
    public void Garbage_is_refused_in_Indonesian(string? text)
    {
        Assert.False(DecimalText.TryParse(text, Indonesian, out var value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData("1,50,0")]
    [InlineData(",")]
    [InlineData("1.")]
    [InlineData("1.2.3")]
    [InlineData("x")]
    public void Garbage_is_refused_in_English(string text) => Assert.False(DecimalText.TryParse(text, English, out _));

    [Fact]
    public void The_editable_text_uses_the_culture_decimal_separator_without_grouping_and_reads_back()
    {
        Assert.Equal("1500000,75", DecimalText.ToText(1_500_000.75m, Indonesian));
        Assert.Equal("1500000.75", DecimalText.ToText(1_500_000.75m, English));
        Assert.Equal("", DecimalText.ToText(null, Indonesian));
        Assert.True(DecimalText.TryParse(DecimalText.ToText(2.5m, Indonesian), Indonesian, out var back));
        Assert.Equal(2.5m, back);
    }
}
