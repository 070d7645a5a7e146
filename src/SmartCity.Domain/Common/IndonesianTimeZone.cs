namespace SmartCity.Domain.Common;

/// <summary>Indonesia's three civil time zones. National deadlines are set and judged in WIB.</summary>
public enum IndonesianTimeZone
{
    Wib,
    Wita,
    Wit,
}

public static class IndonesianTimeZones
{
    /// <summary>The fixed UTC offset of a zone (Indonesia has no daylight saving time).</summary>
    public static TimeSpan UtcOffset(this IndonesianTimeZone zone) => zone switch
    {
        IndonesianTimeZone.Wib => TimeSpan.FromHours(7),
        IndonesianTimeZone.Wita => TimeSpan.FromHours(8),
        IndonesianTimeZone.Wit => TimeSpan.FromHours(9),
        _ => throw new ArgumentOutOfRangeException(nameof(zone)),
    };

    /// <summary>The label shown next to times: WIB, WITA or WIT.</summary>
    public static string Label(this IndonesianTimeZone zone) => zone.ToString().ToUpperInvariant();

    /// <summary>
    /// The default zone of a province from its Kemendagri code: Sumatra, Java, West and Central Kalimantan are WIB;
    /// Bali, Nusa Tenggara, South/East/North Kalimantan and Sulawesi are WITA; Maluku and Papua are WIT.
    /// The zone is stored per province, so an import can correct it without a code change.
    /// </summary>
    public static IndonesianTimeZone ForProvinceCode(string provinceCode)
    {
        if (provinceCode.Length != 2 || !char.IsAsciiDigit(provinceCode[0]) || !char.IsAsciiDigit(provinceCode[1]))
        {
            throw new ArgumentException($"'{provinceCode}' is not a two-digit province code.", nameof(provinceCode));
        }

        var code = ((provinceCode[0] - '0') * 10) + (provinceCode[1] - '0');
        return code switch
        {
            >= 81 => IndonesianTimeZone.Wit,
            >= 71 => IndonesianTimeZone.Wita,
            61 or 62 => IndonesianTimeZone.Wib,
            >= 63 => IndonesianTimeZone.Wita,
            >= 51 => IndonesianTimeZone.Wita,
            _ => IndonesianTimeZone.Wib,
        };
    }

    /// <summary>Converts a UTC instant to the local time of a zone.</summary>
    public static DateTimeOffset ToZone(this DateTimeOffset instant, IndonesianTimeZone zone) => instant.ToOffset(zone.UtcOffset());

    /// <summary>The calendar date of a UTC instant in a zone.</summary>
    public static DateOnly DateIn(this DateTimeOffset instant, IndonesianTimeZone zone) => DateOnly.FromDateTime(instant.ToZone(zone).DateTime);
}
