using SmartCity.Domain.Common;

namespace SmartCity.Domain.Masterplans;

public enum MasterplanState
{
    Draft,
    Submitted,
    RevisionRequested,
    Approved,
}

/// <summary>
/// The regency's smart-city masterplan for one period (5–10 years). The rows below hold the working copy;
/// each submission stores an immutable <see cref="MasterplanVersion"/>; the approved version stays public while an amendment is drafted.
/// </summary>
public class Masterplan : IRegencyOwnedEntity
{
    public int Id { get; set; }
    public int RegencyId { get; set; }
    public required string Title { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public int RpjmdStartYear { get; set; }
    public int RpjmdEndYear { get; set; }
    public string? RpjmdTitle { get; set; }
    public MasterplanState State { get; set; }

    /// <summary>The version number being drafted or under review (1 for the first draft).</summary>
    public int WorkingVersion { get; set; } = 1;

    /// <summary>The number of the approved version that is public, if any.</summary>
    public int? ApprovedVersion { get; set; }
    public string? Vision { get; set; }
    public string? Missions { get; set; }
    public string? GapAnalysis { get; set; }
    public string? Strengths { get; set; }
    public string? Weaknesses { get; set; }
    public string? Opportunities { get; set; }
    public string? Threats { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public List<ReadinessRating> Readiness { get; set; } = [];
    public List<MasterplanGoal> Goals { get; set; } = [];
    public List<DimensionStrategy> Strategies { get; set; } = [];
    public List<Programme> Programmes { get; set; } = [];
    public List<Signatory> Signatories { get; set; } = [];
    public List<MasterplanVersion> Versions { get; set; } = [];
    public List<ReviewComment> Comments { get; set; } = [];
}

public static class MasterplanPeriod
{
    public const int MinYears = 5;
    public const int MaxYears = 10;

    /// <summary>Period length = end year − start year, between 5 and 10.</summary>
    public static bool IsValid(int startYear, int endYear) => endYear - startYear is >= MinYears and <= MaxYears;
}
