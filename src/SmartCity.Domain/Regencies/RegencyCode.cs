using System.Globalization;

namespace SmartCity.Domain.Regencies;

/// <summary>Rules of Kemendagri kabupaten/kota codes (<c>PP.NN</c>).</summary>
public static class RegencyCode
{
    public static bool IsValid(string? code) =>
        code is { Length: 5 } && code[2] == '.' && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1])
        && char.IsAsciiDigit(code[3]) && char.IsAsciiDigit(code[4]) && code[3..] != "00";

    /// <summary>Second part 01–69 is a kabupaten, 71–99 a kota.</summary>
    public static RegencyKind KindOf(string code)
    {
        if (!IsValid(code))
        {
            throw new ArgumentException($"'{code}' is not a kabupaten/kota code.", nameof(code));
        }

        var number = int.Parse(code.AsSpan(3, 2), CultureInfo.InvariantCulture);
        return number switch
        {
            <= 69 => RegencyKind.Kabupaten,
            >= 71 => RegencyKind.Kota,
            _ => throw new ArgumentException($"'{code}' is neither a kabupaten (01–69) nor a kota (71–99).", nameof(code)),
        };
    }

    public static bool TryKindOf(string? code, out RegencyKind kind)
    {
        kind = default;
        if (!IsValid(code) || code![3..] == "70")
        {
            return false;
        }

        kind = KindOf(code);
        return true;
    }

    public static string ProvinceCodeOf(string code) => code[..2];
}
