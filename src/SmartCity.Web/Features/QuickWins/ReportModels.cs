using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;

namespace SmartCity.Web.Features.QuickWins;

public sealed record ReportKpiRow(int KpiId, string Name, string Unit, decimal Baseline, decimal Target, decimal? Value);

/// <summary>A progress report with its quick win's frame, what the form proposes, and what the signed-in user may do with it.</summary>
public sealed record ReportDetail(
    int? Id, int QuickWinId, string QuickWinTitle, int RegencyId, string RegencyCode, string RegencyName, IndonesianTimeZone TimeZone,
    ReportingPeriodKind PeriodKind, string Period, decimal? Percent, string? Narrative, string? Obstacles, ReportState State, ReportSource Source,
    string? ReturnReason, string? Author, DateTimeOffset? SubmittedAt, string? Verifier, DateTimeOffset? VerifiedAt, uint Version,
    decimal ProposedPercent, int MilestonesDone, int MilestoneCount, IReadOnlyList<ReportKpiRow> Kpis, IReadOnlyList<string> TakenPeriods,
    string CurrentPeriod, bool CanEdit, bool CanVerify, bool IsOwnReport)
{
    public bool IsNew => Id is null;

    /// <summary>Draft and returned reports are edited; submitted ones wait for the verifier; verified ones are history.</summary>
    public bool IsEditable => State is ReportState.Draft or ReportState.Returned;

    public ReportInput ToInput() => new()
    {
        Period = Period,
        Percent = Percent,
        Narrative = Narrative,
        Obstacles = Obstacles,
        Version = Version,
        Actuals = Kpis.Select(k => new KpiActualInput { KpiId = k.KpiId, Name = k.Name, Unit = k.Unit, Value = k.Value }).ToList(),
    };
}

public sealed record ReportQueueQuery(int? RegencyId = null, ReportState State = ReportState.Submitted, int Page = 1, int PageSize = 25);

public sealed record ReportQueueRow(
    int ReportId, int QuickWinId, string RegencyCode, string RegencyName, IndonesianTimeZone TimeZone, string QuickWinTitle, string Period,
    decimal Percent, string? Author, DateTimeOffset? SubmittedAt, int EvidenceCount, string? ReturnReason);
