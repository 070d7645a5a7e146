using System.Globalization;
using SmartCity.Domain.Common;

namespace SmartCity.Web.Components.Shared;

/// <summary>How the portal writes dates, times, money and indices, in the current UI culture.</summary>
public static class Format
{
    /// <summary><c>17 Okt 2018</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("dd MMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";

    /// <summary><c>17 Okt 2018 10.30 WIB</c>: an instant shown in the viewer's regency zone with its label.</summary>
    public static string Instant(DateTimeOffset instant, IndonesianTimeZone zone) =>
        $"{instant.ToZone(zone).ToString("dd MMM yyyy HH:mm", CultureInfo.CurrentCulture)} {zone.Label()}";

    public static string Instant(DateTimeOffset? instant, IndonesianTimeZone zone) => instant is { } i ? Instant(i, zone) : "–";

    /// <summary><c>Rp1.500.000</c> (grouping of the current culture, no decimals).</summary>
    public static string Money(decimal amount) => "Rp" + amount.ToString("#,0", CultureInfo.CurrentCulture);

    /// <summary><c>72,5 %</c> / <c>72.5 %</c>.</summary>
    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.CurrentCulture) + " %";

    /// <summary>An index with two decimals: <c>3,31</c>.</summary>
    public static string Index(decimal index) => index.ToString("0.00", CultureInfo.CurrentCulture);

    public static string Number(int value) => value.ToString("#,0", CultureInfo.CurrentCulture);

    /// <summary><c>1.250,5</c>: up to two decimals; null stays null.</summary>
    public static string? Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.CurrentCulture);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
