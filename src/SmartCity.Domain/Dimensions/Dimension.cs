namespace SmartCity.Domain.Dimensions;

/// <summary>One of the six smart-city dimensions (GOV, BRA, ECO, LIV, SOC, ENV); reference data.</summary>
public class Dimension
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameId { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public List<Element> Elements { get; set; } = [];
    public uint Version { get; set; }

    public string Name(bool english) => english ? NameEn : NameId;
}

/// <summary>An element of a dimension (three per dimension), e.g. "public services" under Smart Governance.</summary>
public class Element
{
    public int Id { get; set; }
    public int DimensionId { get; set; }
    public required string Code { get; set; }
    public required string NameId { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public uint Version { get; set; }

    public string Name(bool english) => english ? NameEn : NameId;
}

public static class DimensionCodes
{
    public const string Governance = "GOV";
    public const string Branding = "BRA";
    public const string Economy = "ECO";
    public const string Living = "LIV";
    public const string Society = "SOC";
    public const string Environment = "ENV";

    /// <summary>The six codes in their official order.</summary>
    public static readonly IReadOnlyList<string> All = [Governance, Branding, Economy, Living, Society, Environment];
}
