using SmartCity.Domain.Common;

namespace SmartCity.Domain.Regencies;

public class Province
{
    public int Id { get; set; }

    /// <summary>Two-digit Kemendagri code, e.g. <c>33</c>.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public IndonesianTimeZone TimeZone { get; set; }
    public bool IsActive { get; set; } = true;
    public List<Regency> Regencies { get; set; } = [];
}
