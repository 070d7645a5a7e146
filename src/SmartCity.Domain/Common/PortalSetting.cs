namespace SmartCity.Domain.Common;

/// <summary>A named configuration value the secretariat edits (ministry name, signatory, grace days, ...).</summary>
public class PortalSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}

public static class SettingKeys
{
    public const string MinistryName = "ministry.name";
    public const string MinistryShortName = "ministry.shortName";
    public const string LetterheadText = "letter.letterhead";
    public const string SignatoryName = "letter.signatory.name";
    public const string SignatoryNip = "letter.signatory.nip";
    public const string SignatoryPosition = "letter.signatory.position";
    public const string LetterNumberFormat = "letter.numberFormat";
    public const string HorizonShortYears = "roadmap.horizon.shortYears";
    public const string HorizonMediumYears = "roadmap.horizon.mediumYears";
    public const string OverdueGraceDays = "reports.overdueGraceDays";
    public const string EvidenceMaxBytes = "evidence.maxBytes";
}
