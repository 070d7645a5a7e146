using SmartCity.Domain.Common;

namespace SmartCity.Domain.Masterplans;

/// <summary>A goal (sasaran) of the smart-city vision for one dimension, with an indicator.</summary>
public class MasterplanGoal : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int MasterplanId { get; set; }
    public int DimensionId { get; set; }
    public required string Text { get; set; }
    public string? Indicator { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public uint Version { get; set; }
}

/// <summary>The development strategy for one dimension.</summary>
public class DimensionStrategy : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int MasterplanId { get; set; }
    public int DimensionId { get; set; }
    public required string Text { get; set; }
    public uint Version { get; set; }
}

public enum Horizon
{
    ShortTerm,
    MediumTerm,
    LongTerm,
}

/// <summary>A programme of the action plan; may become a quick win.</summary>
public class Programme : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int MasterplanId { get; set; }
    public required string Name { get; set; }
    public int DimensionId { get; set; }
    public int? ElementId { get; set; }
    public int? OwnerUnitId { get; set; }
    public Horizon Horizon { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public decimal? BudgetEstimate { get; set; }
    public string? BudgetSource { get; set; }

    /// <summary>The RPJMD or Renstra programme it comes from.</summary>
    public string? RpjmdReference { get; set; }
    public int? GoalId { get; set; }
    public int SortOrder { get; set; }
    public uint Version { get; set; }
    public List<ProgrammeKpi> Kpis { get; set; } = [];
}

public class ProgrammeKpi : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public required string Name { get; set; }
    public string? Unit { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A signatory of the joint commitment (Bupati, OPD heads, private parties, community figures).</summary>
public class Signatory : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int MasterplanId { get; set; }
    public required string Name { get; set; }
    public required string Position { get; set; }
    public string? Institution { get; set; }
    public DateOnly? SignedOn { get; set; }
    public int SortOrder { get; set; }
    public uint Version { get; set; }
}

/// <summary>An immutable snapshot stored at each submission, compared block by block.</summary>
public class MasterplanVersion : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int MasterplanId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedById { get; set; }

    /// <summary>The whole plan as JSON at submission time.</summary>
    public required string Snapshot { get; set; }
}

/// <summary>A review comment anchored to a block or programme; may answer another comment.</summary>
public class ReviewComment : IRegencyOwnedEntity
{
    public int RegencyId { get; set; }
    public int Id { get; set; }
    public int MasterplanId { get; set; }
    public int VersionNumber { get; set; }

    /// <summary>Block key (e.g. <c>vision</c>, <c>strategy:GOV</c>) or <c>programme:{id}</c>.</summary>
    public required string Anchor { get; set; }
    public required string Text { get; set; }
    public int? ParentId { get; set; }
    public string? AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedById { get; set; }
    public uint Version { get; set; }
}
