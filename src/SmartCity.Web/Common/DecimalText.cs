using System.Globalization;

namespace SmartCity.Web.Common;

/// <summary>
/// Numbers as people in Indonesia type them: <c>2,5</c> and <c>1.500.000</c> (and <c>1.500.000,75</c>) in Indonesian,
/// <c>2.5</c> and <c>1,500,000</c> in English. A lone separator not followed by exactly three digits is a decimal point
/// either way (<c>2.5</c> is 2,5 in Indonesian too), so nobody's 2.5 silently becomes 25.
/// </summary>
public static class DecimalText
{
    public static bool TryParse(string? text, CultureInfo culture, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (s.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
        }

        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..];
        }

        var decimalSeparator = culture.NumberFormat.NumberDecimalSeparator[0];
        var groupSeparator = culture.NumberFormat.NumberGroupSeparator[0];
        string integerPart, fraction;
        var decimalAt = s.LastIndexOf(decimalSeparator);
        if (decimalAt >= 0)
        {
            (integerPart, fraction) = (s[..decimalAt], s[(decimalAt + 1)..]);
        }
        else if (s.Count(c => c == groupSeparator) == 1 && s.Length - s.IndexOf(groupSeparator) - 1 != 3)
        {
            var at = s.IndexOf(groupSeparator);
            (integerPart, fraction) = (s[..at], s[(at + 1)..]);
        }
        else
        {
            (integerPart, fraction) = (s, "");
        }

        var groups = integerPart.Split(groupSeparator);
        if (groups.Skip(1).Any(g => g.Length != 3) || groups[0].Length == 0 && groups.Length > 1)
        {
            return false;
        }

        var digits = string.Concat(groups) + (fraction.Length > 0 ? "." + fraction : "");
        if (digits.Length == 0 || digits == "." || !digits.All(c => char.IsAsciiDigit(c) || c == '.') || (decimalAt >= 0 && fraction.Length == 0))
        {
            return false;
        }

        if (!decimal.TryParse(digits.StartsWith('.') ? "0" + digits : digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>The editable text of a number: no grouping, the culture's decimal separator.</summary>
    public static string ToText(decimal? value, CultureInfo culture) => value?.ToString("0.##########", culture) ?? "";
}
