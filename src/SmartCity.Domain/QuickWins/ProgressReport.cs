using SmartCity.Domain.Common;

namespace SmartCity.Domain.QuickWins;

public enum ReportState
{
    Draft,
    Submitted,
    Verified,
    Returned,
}

public enum ReportSource
{
    Portal,
    Api,
}

/// <summary>A periodic progress report of a quick win: one per quick win and period.</summary>
public class ProgressReport : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int QuickWinId { get; set; }

    /// <summary><c>YYYY-MM</c> or <c>YYYY-Qn</c>.</summary>
    public required string Period { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Percent { get; set; }
    public string? Narrative { get; set; }
    public string? Obstacles { get; set; }
    public ReportState State { get; set; }
    public ReportSource Source { get; set; }
    public string? ReturnReason { get; set; }
    public string? AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? VerifiedById { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public uint Version { get; set; }

    public List<ReportKpiActual> KpiActuals { get; set; } = [];
}

public class ReportKpiActual : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int ProgressReportId { get; set; }
    public int KpiId { get; set; }
    public decimal Value { get; set; }
}
