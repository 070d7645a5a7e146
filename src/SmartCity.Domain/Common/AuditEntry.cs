namespace SmartCity.Domain.Common;

public enum AuditAction
{
    Insert,
    Update,
    Delete,
    Batch,
}

/// <summary>One audited change of one entity, written in the same transaction as the change. Never updated or deleted.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public int? RegencyId { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>JSON array of {field, old, new}; for batch rows a description of the file and counts.</summary>
    public required string Changes { get; set; }
    public string? CorrelationId { get; set; }
}

/// <summary>An entity that belongs to one regency, so its audit rows and access checks know the tenant.</summary>
public interface IRegencyOwnedEntity
{
    int RegencyId { get; }
}
