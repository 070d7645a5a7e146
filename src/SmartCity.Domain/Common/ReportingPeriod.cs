using System.Globalization;

namespace SmartCity.Domain.Common;

public enum ReportingPeriodKind
{
    Monthly,
    Quarterly,
}

/// <summary>A reporting period: a calendar month <c>YYYY-MM</c> or a quarter <c>YYYY-Qn</c>.</summary>
public readonly record struct ReportingPeriod(int Year, ReportingPeriodKind Kind, int Number)
{
    public DateOnly FirstDay => Kind == ReportingPeriodKind.Monthly
        ? new DateOnly(Year, Number, 1)
        : new DateOnly(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(Kind == ReportingPeriodKind.Monthly ? 1 : 3).AddDays(-1);

    public ReportingPeriod Previous => Kind == ReportingPeriodKind.Monthly
        ? (Number == 1 ? new(Year - 1, Kind, 12) : new(Year, Kind, Number - 1))
        : (Number == 1 ? new(Year - 1, Kind, 4) : new(Year, Kind, Number - 1));

    public override string ToString() => Kind == ReportingPeriodKind.Monthly
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");

    /// <summary>The period that contains a date.</summary>
    public static ReportingPeriod Containing(DateOnly date, ReportingPeriodKind kind) => kind == ReportingPeriodKind.Monthly
        ? new(date.Year, kind, date.Month)
        : new(date.Year, kind, ((date.Month - 1) / 3) + 1);

    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (text is null || text.Length < 7 || text[4] != '-' || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
        {
            return false;
        }

        if (text.Length == 7 && text[5] == 'Q' && text[6] is >= '1' and <= '4')
        {
            period = new(year, ReportingPeriodKind.Quarterly, text[6] - '0');
            return true;
        }

        if (text.Length == 7 && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = new(year, ReportingPeriodKind.Monthly, month);
            return true;
        }

        return false;
    }

    /// <summary>A period may be reported from its first day on; a report for a future period is refused.</summary>
    public bool IsReportableOn(DateOnly today) => FirstDay <= today;

    /// <summary>Overdue: the period ended more than <paramref name="graceDays"/> days before <paramref name="today"/>.</summary>
    public bool IsPastGraceOn(DateOnly today, int graceDays) => LastDay.AddDays(graceDays) < today;
}
