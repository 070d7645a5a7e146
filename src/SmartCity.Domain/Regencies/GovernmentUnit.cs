using SmartCity.Domain.Common;

namespace SmartCity.Domain.Regencies;

public enum GovernmentUnitKind
{
    Dinas,
    Badan,
    Sekretariat,
    Inspektorat,
    Kecamatan,
    Lainnya,
}

/// <summary>A Perangkat Daerah (OPD/SKPD): one of the regency's agencies or offices.</summary>
public class GovernmentUnit : IRegencyOwnedEntity
{
    public int Id { get; set; }
    public int RegencyId { get; set; }
    public required string Name { get; set; }
    public string? Acronym { get; set; }
    public GovernmentUnitKind Kind { get; set; }
    public bool IsActive { get; set; } = true;
    public uint Version { get; set; }
}
