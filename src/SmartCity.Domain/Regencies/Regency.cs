using SmartCity.Domain.Common;

namespace SmartCity.Domain.Regencies;

public enum RegencyKind
{
    Kabupaten,
    Kota,
}

/// <summary>A kabupaten or kota. The Kemendagri code is unique but not the key: codes change when regions split.</summary>
public class Regency
{
    public int Id { get; set; }

    /// <summary>Dotted Kemendagri code, e.g. <c>33.20</c>.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public RegencyKind Kind { get; set; }
    public int ProvinceId { get; set; }
    public Province? Province { get; set; }
    public IndonesianTimeZone TimeZone { get; set; }
    public bool IsActive { get; set; } = true;
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public int? SuccessorId { get; set; }
    public Regency? Successor { get; set; }

    /// <summary>Year the regency joined the programme (2017, 2018, ...); null when it has not joined.</summary>
    public int? CohortYear { get; set; }
    public ProgrammeStage? CurrentStage { get; set; }
    public ReportingPeriodKind ReportingPeriod { get; set; } = ReportingPeriodKind.Monthly;
    public uint Version { get; set; }

    public List<StageChange> StageHistory { get; set; } = [];
    public List<GovernmentUnit> Units { get; set; } = [];
}
