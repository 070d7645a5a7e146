using SmartCity.Domain.Regencies;

namespace SmartCity.UnitTests.Domain.Regencies;

public class RegencyCodeTests
{
    [Theory]
    [InlineData("33.20", RegencyKind.Kabupaten)]
    [InlineData("33.01", RegencyKind.Kabupaten)]
    [InlineData("33.69", RegencyKind.Kabupaten)]
    [InlineData("33.71", RegencyKind.Kota)]
    [InlineData("33.99", RegencyKind.Kota)]
    [InlineData("35.17", RegencyKind.Kabupaten)]
    [InlineData("31.74", RegencyKind.Kota)]
    public void KindOf_reads_the_second_part(string code, RegencyKind expected)
    {
        Assert.True(RegencyCode.IsValid(code));
        Assert.Equal(expected, RegencyCode.KindOf(code));
        Assert.True(RegencyCode.TryKindOf(code, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("33.00")]
    [InlineData("3320")]
    [InlineData("33.2")]
    [InlineData("33.200")]
    [InlineData("ab.cd")]
    [InlineData("33-20")]
    [InlineData("3.320")]
    [InlineData(" 33.2")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_codes_are_invalid(string? code)
    {
        Assert.False(RegencyCode.IsValid(code));
        Assert.False(RegencyCode.TryKindOf(code, out _));
    }

    [Theory]
    [InlineData("33.00")]
    [InlineData("3320")]
    [InlineData("ab.cd")]
    [InlineData("33.70")]
    public void KindOf_throws_for_codes_without_a_kind(string code)
    {
        Assert.Throws<ArgumentException>(() => RegencyCode.KindOf(code));
    }

    [Fact]
    public void Seventy_is_well_formed_but_neither_kabupaten_nor_kota()
    {
        Assert.True(RegencyCode.IsValid("33.70"));
        Assert.False(RegencyCode.TryKindOf("33.70", out var kind));
        Assert.Equal(default, kind);
    }

    [Fact]
    public void ProvinceCodeOf_is_the_first_part()
    {
        Assert.Equal("33", RegencyCode.ProvinceCodeOf("33.20"));
        Assert.Equal("91", RegencyCode.ProvinceCodeOf("91.71"));
    }
}
