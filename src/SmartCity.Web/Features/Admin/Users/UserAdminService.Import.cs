using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Web.Common;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Admin.Users;

/// <summary>
/// Importing accounts from CSV (<c>username,full_name,roles,regency_code,verifier,regency_user_admin</c>, roles separated by
/// <c>;</c>): a dry run lists every bad line with its reason and writes nothing; the import is all or nothing, in one transaction.
/// </summary>
public sealed partial class UserAdminService
{
    public const int MaxImportBytes = 1024 * 1024;
    public const int MaxImportLines = 1000;
    public const string ImportAuditEntity = "UserImport";
    public static readonly IReadOnlyList<string> ImportColumns = ["username", "full_name", "roles", "regency_code", "verifier", "regency_user_admin"];

    private static readonly string[] TrueWords = ["true", "1", "yes", "ya", "y"];
    private static readonly string[] FalseWords = ["", "false", "0", "no", "tidak", "n"];

    /// <summary>The dry run: every check the import makes, including user names already taken; nothing is written.</summary>
    public async Task<ImportCheck> CheckImportAsync(Stream csv, CancellationToken ct = default)
    {
        var managed = ManagedRegency("the user import");
        var parsed = await ParseAsync(csv, managed, ct);
        var problems = parsed.Problems.ToList();
        var lines = parsed.Lines.ToList();
        if (lines.Count > 0)
        {
            var names = lines.Select(p => normalizer.NormalizeName(p.Input.UserName)).ToList();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var taken = (await db.Users.AsNoTracking().Where(u => names.Contains(u.NormalizedUserName!)).Select(u => u.NormalizedUserName!).ToListAsync(ct)).ToHashSet();
            foreach (var line in lines.Where(p => taken.Contains(normalizer.NormalizeName(p.Input.UserName))).ToList())
            {
                problems.Add(new ImportProblem(line.Line, line.Input.UserName, l["Users.Duplicate"]));
                lines.Remove(line);
            }
        }

        return new ImportCheck(
            lines.Select(p => new ImportLine(p.Line, p.Input.UserName, p.Input.FullName, p.Input.Roles, p.RegencyCode, p.Input.IsVerifier, p.Input.IsRegencyUserAdmin)).ToList(),
            problems.OrderBy(p => p.Line).ToList());
    }

    /// <summary>
    /// Checks the file again and creates every account in one transaction, stopping and rolling back at the first line that fails
    /// (a user name taken since the dry run, say): either all lines are imported, with their temporary passwords, or none.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(Stream csv, string fileName, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var managed = ManagedRegency("the user import");
        var parsed = await ParseAsync(csv, managed, ct);
        if (parsed.Problems.Count > 0 || parsed.Lines.Count == 0)
        {
            return new ImportOutcome([], parsed.Problems);
        }

        var outcome = await WriteAsync(async w =>
        {
            var issued = new List<IssuedPassword>();
            foreach (var line in parsed.Lines)
            {
                var user = NewUser(line.Input);
                var password = await TemporaryPassword.GenerateForAsync(w.Users, user);
                Microsoft.AspNetCore.Identity.IdentityResult created;
                try
                {
                    created = await w.Users.CreateAsync(user, password);
                }
                catch (DbUpdateException)
                {
                    created = Microsoft.AspNetCore.Identity.IdentityResult.Failed(new Microsoft.AspNetCore.Identity.IdentityError { Code = "DuplicateUserName" });
                }

                if (!created.Succeeded)
                {
                    return (new ImportOutcome([], created.Errors.Select(e => new ImportProblem(line.Line, line.Input.UserName, Describe(e))).ToList()), false);
                }

                await SetRolesAsync(w, user, [], line.Input.Roles); // saved with the next account, or with the batch row
                issued.Add(new IssuedPassword(user.UserName!, user.FullName, password));
                progress?.Report(issued.Count);
            }

            w.Db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = clock.GetUtcNow(),
                UserId = currentUser.UserId,
                UserName = currentUser.UserName,
                Entity = ImportAuditEntity,
                EntityKey = Path.GetFileName(fileName),
                RegencyId = managed,
                Action = AuditAction.Batch,
                Changes = JsonSerializer.Serialize(new { File = Path.GetFileName(fileName), Created = issued.Count, UserNames = issued.Select(i => i.UserName) }, JsonOptions),
                CorrelationId = currentUser.CorrelationId,
            });
            await w.Db.SaveChangesAsync(ct);
            return (new ImportOutcome(issued, []), true);
        }, ct);

        logger.LogInformation(
            "{Actor} imported {Count} users from {File} (imported: {Imported}, correlation {CorrelationId})",
            currentUser.UserName, outcome.Issued.Count, Path.GetFileName(fileName), outcome.Imported, currentUser.CorrelationId);
        return outcome;
    }

    /// <summary>The temporary passwords of an import as CSV (<c>username,full_name,temporary_password</c>), for the one download.</summary>
    public static string PasswordsCsv(IEnumerable<IssuedPassword> issued) =>
        Csv.Line(["username", "full_name", "temporary_password"]) + string.Concat(issued.Select(i => Csv.Line([i.UserName, i.FullName, i.TemporaryPassword])));

    /// <summary>Everything that can be checked without writing: header, columns, flags, roles, regency codes, lengths, duplicates in the file, the acting user's scope.</summary>
    private async Task<ParsedImport> ParseAsync(Stream csv, int? managed, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var lines = new List<ParsedLine>();
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxImportBytes)
        {
            return new ParsedImport([], [new ImportProblem(0, null, string.Format(CultureInfo.CurrentCulture, l["Import.TooLarge"], MaxImportBytes / 1024))]);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = Csv.Read(reader).ToList();
        var header = records.Count == 0 ? null : records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        if (header is null || !header.SequenceEqual(ImportColumns))
        {
            return new ParsedImport([], [new ImportProblem(1, null, string.Format(CultureInfo.CurrentCulture, l["Import.BadHeader"], string.Join(',', ImportColumns)))]);
        }

        var data = records.Skip(1).ToList();
        if (data.Count == 0)
        {
            return new ParsedImport([], [new ImportProblem(1, null, l["Import.NoLines"])]);
        }

        if (data.Count > MaxImportLines)
        {
            return new ParsedImport([], [new ImportProblem(0, null, string.Format(CultureInfo.CurrentCulture, l["Import.TooManyLines"], MaxImportLines))]);
        }

        var codes = data.Where(r => r.Fields.Length == ImportColumns.Count).Select(r => r.Fields[3].Trim()).Where(c => c.Length > 0).Distinct().ToList();
        Dictionary<string, int> regencies;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            regencies = await db.Regencies.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (number, fields) in data)
        {
            var before = problems.Count;
            if (fields.Length != ImportColumns.Count)
            {
                problems.Add(new ImportProblem(number, fields[0].Trim(), string.Format(CultureInfo.CurrentCulture, l["Import.ColumnCount"], ImportColumns.Count, fields.Length)));
                continue;
            }

            var userName = fields[0].Trim();
            var code = fields[3].Trim();
            var input = new UserInput
            {
                UserName = userName,
                FullName = fields[1],
                Roles = fields[2].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                RegencyId = code.Length > 0 && regencies.TryGetValue(code, out var id) ? id : null,
                IsVerifier = Flag(fields[4], ImportColumns[4], number, userName, problems),
                IsRegencyUserAdmin = Flag(fields[5], ImportColumns[5], number, userName, problems),
            };
            Normalise(input);
            var unknownRegency = code.Length > 0 && input.RegencyId is null;
            if (unknownRegency)
            {
                problems.Add(new ImportProblem(number, userName, string.Format(CultureInfo.CurrentCulture, l["Import.RegencyUnknown"], code)));
            }

            var validation = await validator.ValidateAsync(input, ct);
            problems.AddRange(validation.Errors
                .Where(e => !(unknownRegency && e.PropertyName == nameof(UserInput.RegencyId)))
                .Select(e => new ImportProblem(number, userName, $"{ColumnOf(e.PropertyName)}: {e.ErrorMessage}")));
            if (managed is { } own && (input.Roles.Any(r => Roles.All.Contains(r) && !Roles.RegencyBound.Contains(r)) || (input.RegencyId is { } regency && regency != own)))
            {
                problems.Add(new ImportProblem(number, userName, l["Import.NotPermitted"]));
            }

            if (userName.Length > 0 && !seen.TryAdd(normalizer.NormalizeName(userName), number))
            {
                problems.Add(new ImportProblem(number, userName, string.Format(CultureInfo.CurrentCulture, l["Import.DuplicateInFile"], seen[normalizer.NormalizeName(userName)])));
            }

            if (problems.Count == before)
            {
                lines.Add(new ParsedLine(number, input, code.Length > 0 ? code : null));
            }
        }

        return new ParsedImport(lines, problems);
    }

    private bool Flag(string text, string column, int line, string userName, List<ImportProblem> problems)
    {
        var value = text.Trim().ToLowerInvariant();
        if (TrueWords.Contains(value))
        {
            return true;
        }

        if (!FalseWords.Contains(value))
        {
            problems.Add(new ImportProblem(line, userName, string.Format(CultureInfo.CurrentCulture, l["Import.BadFlag"], column, text.Trim())));
        }

        return false;
    }

    private static string ColumnOf(string property) => property switch
    {
        nameof(UserInput.UserName) => ImportColumns[0],
        nameof(UserInput.FullName) => ImportColumns[1],
        nameof(UserInput.Roles) => ImportColumns[2],
        nameof(UserInput.RegencyId) => ImportColumns[3],
        nameof(UserInput.IsVerifier) => ImportColumns[4],
        nameof(UserInput.IsRegencyUserAdmin) => ImportColumns[5],
        _ => property,
    };

    private sealed record ParsedLine(int Line, UserInput Input, string? RegencyCode);

    private sealed record ParsedImport(IReadOnlyList<ParsedLine> Lines, IReadOnlyList<ImportProblem> Problems);
}
