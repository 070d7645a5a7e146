namespace SmartCity.Domain.Regencies;

/// <summary>
/// A key a regency's own system (e.g. its waste-transport app) uses to submit progress reports through the API. Bound to one regency;
/// only the SHA-256 hash of the key is stored (the key is shown once when issued); <see cref="Prefix"/> identifies it in lists.
/// </summary>
public class ApiKey : Common.IRegencyOwnedEntity
{
    public int Id { get; set; }
    public int RegencyId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public uint Version { get; set; }
}
