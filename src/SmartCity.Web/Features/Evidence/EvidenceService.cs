using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Evidence;

/// <summary>One evidence file in a list: what the user sees and the download link needs (never the bytes).</summary>
public sealed record EvidenceRow(int Id, string FileName, string ContentType, long SizeBytes, string? UploadedBy, DateTimeOffset UploadedAt);

/// <summary>The outcome of an upload: the new file's id, or a message for the user (nothing was saved).</summary>
public sealed record EvidenceUploadResult(int? Id, string? Error)
{
    public bool Succeeded => Id is not null && Error is null;

    public static EvidenceUploadResult Saved(int id) => new(id, null);

    public static EvidenceUploadResult Refused(string error) => new(null, error);
}

/// <summary>A file the acting user may download: its metadata; the bytes are streamed by <see cref="EvidenceService.CopyContentAsync"/>.</summary>
public sealed class EvidenceDownload
{
    internal EvidenceDownload(int id, string fileName, string contentType, long sizeBytes)
    {
        Id = id;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
    }

    public int Id { get; }

    public string FileName { get; }

    public string ContentType { get; }

    public long SizeBytes { get; }
}

/// <summary>
/// The evidence file store: files live in PostgreSQL (metadata in EvidenceFiles, bytes in EvidenceFileContents), never on disk.
/// The type is decided from the content (<see cref="EvidenceContentInspector"/>), the size is checked while reading, the bytes
/// pass the virus-scan hook, and metadata and content are saved in one SaveChanges (one transaction) or not at all.
/// Progress-report evidence may be changed by the regency's Diskominfo staff while the report is a draft or returned.
/// </summary>
public sealed class EvidenceService(
    IDbContextFactory<SmartCityDbContext> dbFactory,
    RegencyAccess access,
    CurrentUser currentUser,
    EvidenceVirusScanner scanner,
    IStringLocalizer<SharedResource> l,
    ProgrammeClock clock,
    ILogger<EvidenceService> logger)
{
    /// <summary>The limit used when the <c>evidence.maxBytes</c> setting is missing or invalid: 10 MB.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private const int ChunkBytes = 81920;

    /// <summary>The upload limit in bytes from the <c>evidence.maxBytes</c> setting.</summary>
    public async Task<long> MaxBytesAsync(CancellationToken ct = default)
    {
        access.EnsureSignedIn("the evidence size limit");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var value = await db.Settings.AsNoTracking().Where(s => s.Key == SettingKeys.EvidenceMaxBytes).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0 ? bytes : DefaultMaxBytes;
    }

    /// <summary>The limit as users read it: <c>10</c> (MB), <c>2,5</c>.</summary>
    public static string Megabytes(long bytes) => (bytes / 1048576m).ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>The files attached to a progress report, oldest first. Two SQL commands.</summary>
    public async Task<IReadOnlyList<EvidenceRow>> ListForReportAsync(int reportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regencyId = await db.ProgressReports.AsNoTracking().Where(r => r.Id == reportId).Select(r => (int?)r.RegencyId).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"Progress report {reportId}");
        access.EnsureCanRead(regencyId, $"the evidence of report {reportId}");
        return await (
            from f in db.EvidenceFiles.AsNoTracking()
            where f.ProgressReportId == reportId
            join u in db.Users on f.UploadedById equals u.Id into uploaders
            from u in uploaders.DefaultIfEmpty()
            orderby f.UploadedAt, f.Id
            select new EvidenceRow(f.Id, f.FileName, f.ContentType, f.SizeBytes, u == null ? null : u.FullName != "" ? u.FullName : u.UserName, f.UploadedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Adds a file to a progress report. Refusals (type, size, scan, report state) come back as a message and save nothing;
    /// a user who may not write the report's quick wins gets an <see cref="AccessDeniedException"/>.
    /// </summary>
    public async Task<EvidenceUploadResult> AddToReportAsync(int reportId, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var report = await ReportAsync(reportId, ct) ?? throw new KeyNotFoundException($"Progress report {reportId}");
        access.EnsureCanWrite(report.RegencyId, RegencyWrite.QuickWins, $"the evidence of report {reportId}");
        if (!IsEditable(report.State))
        {
            return Refuse(reportId, "report is " + report.State, l["Evidence.ReportLocked"]);
        }

        var name = CleanFileName(fileName);
        if (name.Length == 0)
        {
            return Refuse(reportId, "no file name", l["Evidence.NoName"]);
        }

        var maxBytes = await MaxBytesAsync(ct);
        var bytes = await ReadAtMostAsync(content, maxBytes, ct);
        if (bytes is null)
        {
            return Refuse(reportId, $"{name} is over {maxBytes} bytes", string.Format(CultureInfo.CurrentCulture, l["Evidence.TooLarge"], Megabytes(maxBytes)));
        }

        var inspection = EvidenceContentInspector.Inspect(name, bytes);
        if (!inspection.Accepted)
        {
            return Refuse(reportId, $"{name}: {inspection.Refusal}", inspection.Refusal switch
            {
                EvidenceRefusal.Empty => l["Evidence.Empty"],
                EvidenceRefusal.LegacyOffice => l["Evidence.Legacy"],
                EvidenceRefusal.NotOffice => l["Evidence.NotOffice"],
                EvidenceRefusal.ExtensionMismatch => string.Format(
                    CultureInfo.CurrentCulture, l["Evidence.ExtensionMismatch"], Path.GetExtension(name), EvidenceContentInspector.Label(inspection.Type!.Value)),
                _ => l["Evidence.NotAllowed"],
            });
        }

        switch (await scanner.ScanAsync(bytes, name, ct))
        {
            case ScanVerdict.Infected:
                return Refuse(reportId, $"{name}: infected", l["Evidence.Infected"]);
            case ScanVerdict.Failed:
                return Refuse(reportId, $"{name}: scan failed", l["Evidence.ScanFailed"]);
        }

        var file = new EvidenceFile
        {
            RegencyId = report.RegencyId,
            ProgressReportId = reportId,
            FileName = name,
            ContentType = inspection.ContentType!,
            SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedById = currentUser.UserId,
            UploadedAt = clock.GetUtcNow(),
        };

        await using var outer = await dbFactory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // The state is read again inside the transaction: a report submitted meanwhile takes no more files.
            var state = await db.ProgressReports.Where(r => r.Id == reportId).Select(r => (ReportState?)r.State).SingleOrDefaultAsync(ct);
            if (state is not { } current || !IsEditable(current))
            {
                return Refuse(reportId, "report changed to " + state, l["Evidence.ReportLocked"]);
            }

            file.Id = 0;
            db.EvidenceFiles.Add(file); // HiLo: the id is known here, so the content row goes in the same SaveChanges.
            db.EvidenceFileContents.Add(new EvidenceFileContent { EvidenceFileId = file.Id, Data = bytes });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Evidence {EvidenceId} ({FileName}, {SizeBytes} bytes, sha256 {Sha256}) added to report {ReportId}", file.Id, name, file.SizeBytes, file.Sha256, reportId);
            return EvidenceUploadResult.Saved(file.Id);
        });
    }

    /// <summary>Removes a progress report's file while the report is a draft or returned; false when there is nothing the user may remove.</summary>
    public async Task<bool> DeleteAsync(int evidenceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await (
            from f in db.EvidenceFiles
            where f.Id == evidenceId
            join r in db.ProgressReports on f.ProgressReportId equals r.Id into reports
            from r in reports.DefaultIfEmpty()
            select new { File = f, State = r == null ? (ReportState?)null : r.State }).SingleOrDefaultAsync(ct);
        if (target is null)
        {
            return false;
        }

        access.EnsureCanWrite(target.File.RegencyId, RegencyWrite.QuickWins, $"evidence file {evidenceId}");
        if (target.State is not { } state || !IsEditable(state))
        {
            return false;
        }

        db.EvidenceFiles.Remove(target.File);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another record (an assessment score) cites the file, or it was removed meanwhile.
            logger.LogWarning(e, "Evidence {EvidenceId} could not be removed", evidenceId);
            return false;
        }

        logger.LogInformation("Evidence {EvidenceId} ({FileName}) removed from report {ReportId}", evidenceId, target.File.FileName, target.File.ProgressReportId);
        return true;
    }

    /// <summary>The metadata of a file for its download, after the reader check on the file's regency; null for an unknown id.</summary>
    public async Task<EvidenceDownload?> OpenDownloadAsync(int evidenceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == evidenceId)
            .Select(f => new { f.RegencyId, f.FileName, f.ContentType, f.SizeBytes }).SingleOrDefaultAsync(ct);
        if (file is null)
        {
            return null;
        }

        access.EnsureCanRead(file.RegencyId, $"evidence file {evidenceId}");
        return new EvidenceDownload(evidenceId, file.FileName, file.ContentType, file.SizeBytes);
    }

    /// <summary>
    /// Streams the bytes of a file opened by <see cref="OpenDownloadAsync"/> to <paramref name="destination"/> straight from the
    /// database reader (sequential access, no copy in memory). False when the file vanished meanwhile (nothing was written).
    /// </summary>
    public async Task<bool> CopyContentAsync(EvidenceDownload file, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destination);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Data" FROM "EvidenceFileContents" WHERE "EvidenceFileId" = @id""";
        var id = command.CreateParameter();
        id.ParameterName = "id";
        id.Value = file.Id;
        command.Parameters.Add(id);
        await using DbDataReader reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
        {
            return false;
        }

        await using var data = reader.GetStream(0);
        await data.CopyToAsync(destination, ChunkBytes, ct);
        return true;
    }

    private static bool IsEditable(ReportState state) => state is ReportState.Draft or ReportState.Returned;

    private async Task<(int RegencyId, ReportState State)?> ReportAsync(int reportId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.ProgressReports.AsNoTracking().Where(r => r.Id == reportId).Select(r => new { r.RegencyId, r.State }).SingleOrDefaultAsync(ct);
        return report is null ? null : (report.RegencyId, report.State);
    }

    private EvidenceUploadResult Refuse(int reportId, string reason, string message)
    {
        logger.LogInformation("Evidence upload to report {ReportId} refused for {User}: {Reason}", reportId, currentUser.UserName, reason);
        return EvidenceUploadResult.Refused(message);
    }

    /// <summary>Reads the whole upload, stopping as soon as it passes <paramref name="maxBytes"/> (the browser's size is not trusted).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await content.ReadAsync(chunk.AsMemory(0, ChunkBytes), ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>The last path segment, without control characters, at most <see cref="TextLimits.FileName"/> characters (extension kept).</summary>
    internal static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length <= TextLimits.FileName)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        extension = extension.Length > 16 ? "" : extension;
        return name[..(TextLimits.FileName - extension.Length)] + extension;
    }
}
