using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.Web.Features.Imports;

/// <summary>How a row of a newer official regencies list compares with the register.</summary>
public enum RegencyListChangeKind
{
    Added,
    Renamed,
    Unchanged,

    /// <summary>In the register but not in the file: kept (never deleted) and marked inactive by the commit.</summary>
    Removed,

    /// <summary>A bad row: the commit is refused.</summary>
    Problem,
}

/// <summary>One line of the comparison (line 0 for removed codes, which are not in the file).</summary>
public sealed record RegencyListChange(int Line, string? Code, string? Name, string? OldName, RegencyListChangeKind Kind, string? Reason);

/// <summary>The dry run of a regencies list re-import; nothing was written.</summary>
public sealed record RegencyListCheck(string FileName, IReadOnlyList<RegencyListChange> Changes)
{
    public int Count(RegencyListChangeKind kind) => Changes.Count(c => c.Kind == kind);

    public bool CanCommit => Count(RegencyListChangeKind.Problem) == 0 && Changes.Count > 0;
}

/// <summary>
/// Re-import of the official kabupaten/kota list (same format as <c>data/reference/regencies.csv</c>: <c>code,province_code,name</c>)
/// by an admin, through <see cref="ReferenceDataImporter"/>: the dry run shows added, renamed, unchanged, removed and bad rows;
/// the commit (all or nothing) renames, adds, and marks vanished codes inactive — a regency is never deleted.
/// </summary>
public sealed class RegencyListImportService(IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, ReferenceDataImporter importer)
{
    public async Task<RegencyListCheck> CheckAsync(Stream regenciesCsv, string fileName, CancellationToken ct = default)
    {
        access.EnsureAdmin("the regency list import");
        var name = Path.GetFileName(fileName);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var provinceCodes = (await db.Provinces.AsNoTracking().Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        var existing = await db.Regencies.AsNoTracking().Select(r => new { r.Code, r.Name, r.IsActive, Province = r.Province!.Code }).ToDictionaryAsync(r => r.Code, ct);
        var problems = new List<Regencies.ImportProblem>();
        var rows = ReferenceDataImporter.ReadRegencies(regenciesCsv, name, provinceCodes, problems);
        var changes = problems.Select(p => new RegencyListChange(p.Line, null, null, null, RegencyListChangeKind.Problem, p.Message)).ToList();
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Code, out var current))
            {
                changes.Add(new RegencyListChange(row.Line, row.Code, row.Name, null, RegencyListChangeKind.Added, null));
            }
            else if (current.Name != row.Name || current.Province != row.ProvinceCode || !current.IsActive)
            {
                changes.Add(new RegencyListChange(row.Line, row.Code, row.Name, current.Name, RegencyListChangeKind.Renamed, null));
            }
            else
            {
                changes.Add(new RegencyListChange(row.Line, row.Code, row.Name, current.Name, RegencyListChangeKind.Unchanged, null));
            }
        }

        if (problems.Count == 0)
        {
            var inFile = rows.Select(r => r.Code).ToHashSet();
            changes.AddRange(existing.Values.Where(r => r.IsActive && !inFile.Contains(r.Code)).OrderBy(r => r.Code)
                .Select(r => new RegencyListChange(0, r.Code, r.Name, r.Name, RegencyListChangeKind.Removed, null)));
        }

        return new RegencyListCheck(name, changes.OrderBy(c => c.Kind == RegencyListChangeKind.Problem ? 0 : 1).ThenBy(c => c.Line).ToList());
    }

    /// <summary>Commits the file with the current provinces (all or nothing, one batch audit row naming the file).</summary>
    public async Task<ReferenceImportResult> CommitAsync(Stream regenciesCsv, string fileName, CancellationToken ct = default)
    {
        access.EnsureAdmin("the regency list import");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        var csv = Csv.Line(["code", "name"]) + string.Concat(provinces.Select(p => Csv.Line([p.Code, p.Name])));
        using var provincesCsv = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await importer.ImportAsync(provincesCsv, regenciesCsv, "provinces (current)", Path.GetFileName(fileName), null, ct);
    }
}
