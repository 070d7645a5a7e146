using SmartCity.Domain.Common;

namespace SmartCity.Domain.QuickWins;

/// <summary>Stored status; "delayed" is derived, never stored.</summary>
public enum QuickWinStatus
{
    Planned,
    Running,
    Completed,
    Stopped,
}

public enum QuickWinKind
{
    ItSystem,
    PolicyInnovation,
}

/// <summary>A quick win: a programme realisable fast whose result citizens feel within about a year.</summary>
public class QuickWin : IRegencyOwnedEntity
{
    public int Id { get; set; }
    public int RegencyId { get; set; }
    public required string Name { get; set; }
    public string? Acronym { get; set; }
    public string? Description { get; set; }
    public int DimensionId { get; set; }
    public int? ElementId { get; set; }
    public int? OwnerUnitId { get; set; }
    public int? ProgrammeId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly TargetDate { get; set; }
    public decimal Budget { get; set; }
    public string? BudgetSource { get; set; }
    public QuickWinKind Kind { get; set; }
    public QuickWinStatus Status { get; set; }
    public bool IsArchived { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }

    public List<Milestone> Milestones { get; set; } = [];
    public List<Kpi> Kpis { get; set; } = [];
    public List<ProgressReport> Reports { get; set; } = [];
}

/// <summary>A weighted milestone; weights are any positive numbers.</summary>
public class Milestone : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int QuickWinId { get; set; }
    public required string Name { get; set; }
    public decimal Weight { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateOnly? DoneDate { get; set; }
    public int SortOrder { get; set; }
    public uint Version { get; set; }
}

public class Kpi : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int QuickWinId { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public decimal Baseline { get; set; }
    public decimal Target { get; set; }
    public decimal? LatestActual { get; set; }
    public uint Version { get; set; }
}
