using System.Globalization;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.QuickWins;

/// <summary>The progress formula written with its actual terms: which verified report, its percent, and when it was verified.</summary>
public static class ProgressText
{
    public static string Terms(IStringLocalizer<SharedResource> l, decimal percent, string? period, DateTimeOffset? verifiedAt, IndonesianTimeZone zone) =>
        period is null
            ? l["Progress.NoVerified"]
            : string.Format(CultureInfo.CurrentCulture, l["Progress.Terms"], period, Format.Percent(percent), Format.Date(verifiedAt?.DateIn(zone)));
}
