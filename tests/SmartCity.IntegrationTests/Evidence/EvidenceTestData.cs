using System.IO.Packaging;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.QuickWins;
using SmartCity.Testing;

namespace SmartCity.IntegrationTests.Evidence;

/// <summary>Reports and files written straight into the test database, so each test sets up exactly the state it needs.</summary>
internal static class EvidenceTestData
{
    public const string Jepara = "33.20";
    public const string Jombang = "35.17";

    /// <summary>A small but real PDF (header, catalog, trailer) with a unique comment, so every file has its own hash.</summary>
    public static byte[] Pdf(string note = "") =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {note} {Guid.NewGuid():N}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A minimal Word package: its officeDocument relationship targets a part with the WordprocessingML main content type.</summary>
    public static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var package = Package.Open(buffer, FileMode.Create, FileAccess.ReadWrite))
        {
            var part = package.CreatePart(
                new Uri("/word/document.xml", UriKind.Relative), "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
            using (var stream = part.GetStream())
            {
                stream.Write("<?xml version=\"1.0\"?><document/>"u8);
            }

            package.CreateRelationship(part.Uri, TargetMode.Internal, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument");
        }

        return buffer.ToArray();
    }

    public static async Task<int> RegencyIdAsync(SmartCityFactory app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    /// <summary>A new quick win of the regency with one report in <paramref name="state"/>; returns the report's id.</summary>
    public static async Task<int> CreateReportAsync(SmartCityFactory app, string regencyCode, ReportState state)
    {
        await using var db = app.CreateDbContext();
        var regencyId = await db.Regencies.Where(r => r.Code == regencyCode).Select(r => r.Id).SingleAsync();
        var dimensionId = await db.Dimensions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var report = new ProgressReport
        {
            RegencyId = regencyId,
            Period = "2026-10",
            PeriodStart = new DateOnly(2026, 10, 1),
            PeriodEnd = new DateOnly(2026, 10, 31),
            Percent = 10,
            State = state,
            CreatedAt = TestNow.Start,
        };
        db.QuickWins.Add(new QuickWin
        {
            RegencyId = regencyId,
            Name = $"Uji bukti {Guid.NewGuid():N}",
            DimensionId = dimensionId,
            StartDate = new DateOnly(2026, 1, 1),
            TargetDate = new DateOnly(2027, 12, 31),
            CreatedAt = TestNow.Start,
            Reports = [report],
        });
        await db.SaveChangesAsync();
        return report.Id;
    }

    /// <summary>A stored file of a report (metadata and content), as an earlier upload would have left it.</summary>
    public static async Task<int> CreateFileAsync(SmartCityFactory app, int reportId, byte[]? data = null)
    {
        data ??= Pdf("stored");
        await using var db = app.CreateDbContext();
        var regencyId = await db.ProgressReports.Where(r => r.Id == reportId).Select(r => r.RegencyId).SingleAsync();
        var file = new EvidenceFile
        {
            RegencyId = regencyId,
            ProgressReportId = reportId,
            FileName = "stored.pdf",
            ContentType = "application/pdf",
            SizeBytes = data.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)),
            UploadedAt = TestNow.Start,
        };
        db.EvidenceFiles.Add(file);
        db.EvidenceFileContents.Add(new EvidenceFileContent { EvidenceFileId = file.Id, Data = data });
        await db.SaveChangesAsync();
        return file.Id;
    }

    public static async Task SetReportStateAsync(SmartCityFactory app, int reportId, ReportState state)
    {
        await using var db = app.CreateDbContext();
        await db.ProgressReports.Where(r => r.Id == reportId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state));
    }

    /// <summary>(metadata rows, content rows): proof that a refused or failed upload left nothing behind.</summary>
    public static async Task<(int Files, int Contents)> CountsAsync(SmartCityFactory app)
    {
        await using var db = app.CreateDbContext();
        return (await db.EvidenceFiles.CountAsync(), await db.EvidenceFileContents.CountAsync());
    }

    public static async Task<bool> FileExistsAsync(SmartCityFactory app, int evidenceId)
    {
        await using var db = app.CreateDbContext();
        return await db.EvidenceFiles.AnyAsync(f => f.Id == evidenceId) || await db.EvidenceFileContents.AnyAsync(c => c.EvidenceFileId == evidenceId);
    }
}
