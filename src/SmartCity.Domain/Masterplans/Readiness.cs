using SmartCity.Domain.Common;

namespace SmartCity.Domain.Masterplans;

public enum ReadinessAspect
{
    Struktur,
    Infrastruktur,
    Suprastruktur,
}

/// <summary>The nine readiness components: three per aspect.</summary>
public enum ReadinessComponent
{
    StrukturPeople = 11,
    StrukturBudget = 12,
    StrukturGovernance = 13,
    InfrastrukturPhysical = 21,
    InfrastrukturDigital = 22,
    InfrastrukturSocial = 23,
    SuprastrukturRegulation = 31,
    SuprastrukturInstitutions = 32,
    SuprastrukturImplementation = 33,
}

public enum ReadinessGrade
{
    Good,
    Moderate,
    Poor,
}

/// <summary>One cell of the strategic-analysis readiness grid: a component (optionally per element), graded with notes.</summary>
public class ReadinessRating : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int MasterplanId { get; set; }
    public int? ElementId { get; set; }
    public ReadinessComponent Component { get; set; }
    public ReadinessGrade? Grade { get; set; }
    public string? Notes { get; set; }
    public uint Version { get; set; }

    public static ReadinessAspect AspectOf(ReadinessComponent component) => (ReadinessAspect)(((int)component / 10) - 1);
}
