namespace SmartCity.Domain.Assessments;

public enum RoundKind
{
    /// <summary>Selection / readiness assessment.</summary>
    Selection,

    /// <summary>Yearly implementation evaluation (monev).</summary>
    YearlyEvaluation,
}

/// <summary>
/// A scoring instrument: criteria with weights totalling 100, a scale, predicate bands and a divergence threshold.
/// Templates have no round; a round owns its own copy so editing a template never changes a past round.
/// </summary>
public class Instrument
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public RoundKind Kind { get; set; }
    public int VersionNumber { get; set; } = 1;
    public decimal ScaleMin { get; set; } = 1;
    public decimal ScaleMax { get; set; } = 5;
    public decimal DivergenceThreshold { get; set; } = 1;

    /// <summary>The template this copy was made from, if it is a round's copy.</summary>
    public int? SourceInstrumentId { get; set; }
    public bool IsTemplate { get; set; } = true;
    public uint Version { get; set; }
    public List<Criterion> Criteria { get; set; } = [];
    public List<Band> Bands { get; set; } = [];
}

public class Criterion
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public required string Code { get; set; }
    public required string NameId { get; set; }
    public required string NameEn { get; set; }
    public decimal Weight { get; set; }

    /// <summary>Scored per smart-city dimension (six cells) rather than once.</summary>
    public bool PerDimension { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A predicate band: <c>MinInclusive ≤ index &lt; MaxExclusive</c> (no upper bound for the top band).</summary>
public class Band
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public required string Name { get; set; }
    public decimal MinInclusive { get; set; }
    public decimal? MaxExclusive { get; set; }
    public int SortOrder { get; set; }
}
