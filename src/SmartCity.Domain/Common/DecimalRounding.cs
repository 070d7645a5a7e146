namespace SmartCity.Domain.Common;

public static class DecimalRounding
{
    /// <summary>Rounds half away from zero to two decimals, the portal's one rounding rule for indices (4.195 → 4.20).</summary>
    public static decimal ToTwoDecimals(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
