using SmartCity.Domain.Common;

namespace SmartCity.Domain.QuickWins;

/// <summary>Metadata of an uploaded evidence file; the bytes live in <see cref="EvidenceFileContent"/>, read only on download.</summary>
public class EvidenceFile : IRegencyOwnedEntity
{
    public int Id { get; set; }
    public int RegencyId { get; set; }
    public int? ProgressReportId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public string? UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public class EvidenceFileContent
{
    public int EvidenceFileId { get; set; }
    public required byte[] Data { get; set; }
}
