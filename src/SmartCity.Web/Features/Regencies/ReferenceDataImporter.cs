using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Web.Features.Regencies;

public sealed record ImportProblem(string File, int Line, string Message);

public sealed record ReferenceImportResult(
    IReadOnlyList<ImportProblem> Problems,
    int ProvincesAdded,
    int RegenciesAdded,
    int RegenciesUpdated,
    int RegenciesDeactivated,
    int RegenciesReactivated)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Imports the official province and kabupaten/kota lists (Kemendagri codes). All or nothing: any bad row is reported with
/// its line number and nothing changes. A re-run updates names by code, adds new codes and marks vanished codes inactive.
/// </summary>
public sealed class ReferenceDataImporter(IDbContextFactory<SmartCityDbContext> dbFactory, ProgrammeClock clock, CurrentUser currentUser, RegencyAccess access)
{
    private sealed record ProvinceRow(int Line, string Code, string Name);

    internal sealed record RegencyRow(int Line, string Code, string ProvinceCode, string Name);

    /// <summary>Imports from a folder holding <c>provinces.csv</c> and <c>regencies.csv</c>, unless the same files were imported before.</summary>
    public async Task<ReferenceImportResult?> ImportFolderIfChangedAsync(string folder, CancellationToken ct)
    {
        var provincesPath = Path.Combine(folder, "provinces.csv");
        var regenciesPath = Path.Combine(folder, "regencies.csv");
        var hash = Convert.ToHexString(SHA256.HashData(
            [.. await File.ReadAllBytesAsync(provincesPath, ct), .. await File.ReadAllBytesAsync(regenciesPath, ct)]));
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var previous = await db.Settings.AsNoTracking().Where(s => s.Key == ReferenceHashKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
            if (previous == hash)
            {
                return null;
            }
        }

        await using var provinces = File.OpenRead(provincesPath);
        await using var regencies = File.OpenRead(regenciesPath);
        return await ImportAsync(provinces, regencies, "provinces.csv", "regencies.csv", hash, ct);
    }

    private const string ReferenceHashKey = "reference.importedSha256";

    public async Task<ReferenceImportResult> ImportAsync(Stream provincesCsv, Stream regenciesCsv, string provincesName, string regenciesName, string? contentHash, CancellationToken ct)
    {
        access.EnsureAdmin("the reference import");
        var problems = new List<ImportProblem>();
        var provinceRows = ReadProvinces(provincesCsv, provincesName, problems);
        var regencyRows = ReadRegencies(regenciesCsv, regenciesName, provinceRows.Select(p => p.Code).ToHashSet(), problems);
        if (problems.Count > 0)
        {
            return new ReferenceImportResult(problems, 0, 0, 0, 0, 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(IndonesianTimeZone.Wib.UtcOffset()).DateTime);
        var provinces = await db.Provinces.ToDictionaryAsync(p => p.Code, ct);
        var provincesAdded = 0;
        foreach (var row in provinceRows)
        {
            if (provinces.TryGetValue(row.Code, out var province))
            {
                province.Name = row.Name;
                province.IsActive = true;
            }
            else
            {
                province = new Province { Code = row.Code, Name = row.Name, TimeZone = IndonesianTimeZones.ForProvinceCode(row.Code) };
                db.Provinces.Add(province);
                provinces[row.Code] = province;
                provincesAdded++;
            }
        }

        var existing = await db.Regencies.ToDictionaryAsync(r => r.Code, ct);
        int added = 0, updated = 0, deactivated = 0, reactivated = 0;
        foreach (var row in regencyRows)
        {
            var province = provinces[row.ProvinceCode];
            if (existing.Remove(row.Code, out var regency))
            {
                if (regency.Name != row.Name || regency.Province != province)
                {
                    regency.Name = row.Name;
                    regency.Province = province;
                    updated++;
                }

                if (!regency.IsActive)
                {
                    regency.IsActive = true;
                    regency.ValidUntil = null;
                    reactivated++;
                }
            }
            else
            {
                db.Regencies.Add(new Regency
                {
                    Code = row.Code,
                    Name = row.Name,
                    Kind = RegencyCode.KindOf(row.Code),
                    Province = province,
                    TimeZone = province.TimeZone,
                    ValidFrom = today,
                });
                added++;
            }
        }

        // Codes no longer in the official list are kept, marked inactive, so their pages still resolve.
        foreach (var vanished in existing.Values.Where(r => r.IsActive))
        {
            vanished.IsActive = false;
            vanished.ValidUntil = today;
            deactivated++;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = currentUser.UserId,
            UserName = currentUser.UserName ?? "system",
            Entity = "ReferenceImport",
            EntityKey = $"{provincesName}+{regenciesName}",
            Action = AuditAction.Batch,
            Changes = JsonSerializer.Serialize(new
            {
                files = new[] { provincesName, regenciesName },
                provinces = provinceRows.Count,
                regencies = regencyRows.Count,
                provincesAdded,
                added,
                updated,
                deactivated,
                reactivated,
            }),
            CorrelationId = currentUser.CorrelationId,
        });
        if (contentHash is not null)
        {
            await UpsertSettingAsync(db, ReferenceHashKey, contentHash, ct);
        }

        await db.SaveChangesAsync(ct);
        return new ReferenceImportResult([], provincesAdded, added, updated, deactivated, reactivated);
    }

    private async Task UpsertSettingAsync(SmartCityDbContext db, string key, string value, CancellationToken ct)
    {
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (setting is null)
        {
            db.Settings.Add(new PortalSetting { Key = key, Value = value, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            setting.Value = value;
            setting.UpdatedAt = clock.GetUtcNow();
        }
    }

    private static List<ProvinceRow> ReadProvinces(Stream csv, string file, List<ImportProblem> problems)
    {
        var rows = new List<ProvinceRow>();
        foreach (var (line, fields) in ReadRows(csv, file, ["code", "name"], problems))
        {
            var (code, name) = (fields[0], fields[1]);
            if (code.Length != 2 || !code.All(char.IsAsciiDigit))
            {
                problems.Add(new(file, line, $"Kode provinsi '{code}' harus dua digit / province code must be two digits."));
            }
            else if (NameProblem(name) is { } problem)
            {
                problems.Add(new(file, line, problem));
            }
            else if (rows.Any(r => r.Code == code))
            {
                problems.Add(new(file, line, $"Kode provinsi '{code}' ganda / duplicate province code."));
            }
            else
            {
                rows.Add(new(line, code, name));
            }
        }

        return rows;
    }

    /// <summary>Parses and checks the regencies CSV; bad rows go to <paramref name="problems"/>.</summary>
    internal static List<RegencyRow> ReadRegencies(Stream csv, string file, HashSet<string> provinceCodes, List<ImportProblem> problems)
    {
        var rows = new Dictionary<string, RegencyRow>();
        foreach (var (line, fields) in ReadRows(csv, file, ["code", "province_code", "name"], problems))
        {
            var (code, provinceCode, name) = (fields[0], fields[1], fields[2]);
            if (!RegencyCode.TryKindOf(code, out _))
            {
                problems.Add(new(file, line, $"Kode '{code}' bukan kode kabupaten/kota (PP.NN, 01–69 atau 71–99) / not a kabupaten/kota code."));
            }
            else if (!provinceCodes.Contains(provinceCode) || RegencyCode.ProvinceCodeOf(code) != provinceCode)
            {
                problems.Add(new(file, line, $"Provinsi '{provinceCode}' tidak dikenal atau tidak cocok dengan kode '{code}' / unknown or mismatched province."));
            }
            else if (NameProblem(name) is { } problem)
            {
                problems.Add(new(file, line, problem));
            }
            else if (!rows.TryAdd(code, new(line, code, provinceCode, name)))
            {
                problems.Add(new(file, line, $"Kode '{code}' ganda (juga di baris {rows[code].Line}) / duplicate code."));
            }
        }

        return [.. rows.Values];
    }

    private static string? NameProblem(string name) => name.Length switch
    {
        0 => "Nama kosong / name is empty.",
        > TextLimits.Name => $"Nama lebih dari {TextLimits.Name} karakter / name longer than {TextLimits.Name} characters.",
        _ => null,
    };

    private static IEnumerable<(int Line, string[] Fields)> ReadRows(Stream csv, string file, string[] header, List<ImportProblem> problems)
    {
        using var reader = new StreamReader(csv, leaveOpen: true);
        using var records = Csv.Read(reader).GetEnumerator();
        if (!records.MoveNext() || !records.Current.Fields.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).SequenceEqual(header))
        {
            problems.Add(new(file, 1, $"Header harus '{string.Join(',', header)}' / header must be '{string.Join(',', header)}'."));
            yield break;
        }

        while (records.MoveNext())
        {
            var (line, record) = records.Current;
            if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }

            if (record.Length != header.Length)
            {
                problems.Add(new(file, line, $"Diharapkan {header.Length} kolom, ada {record.Length} / expected {header.Length} columns, found {record.Length}."));
                continue;
            }

            yield return (line, record.Select(f => f.Trim()).ToArray());
        }
    }
}
