using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Features.QuickWins.Export;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Imports;

/// <summary>
/// Admins import quick wins and progress reports from CSV or .xlsx. <see cref="CheckAsync"/> is the dry run: every row is parsed
/// and validated with the forms' validators plus the reference checks (regency, dimension, OPD, quick win, duplicates in the file
/// and in the database, period rules) and EVERY bad row is listed with its line and reason; nothing is written.
/// <see cref="CommitAsync"/> checks again and writes all rows in one transaction (binary COPY, ids from the HiLo sequence, an audit
/// row per inserted row plus one batch row), or nothing when any row fails.
/// </summary>
public sealed partial class ImportService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, CurrentUser currentUser, QuickWinInputValidator quickWinValidator,
    ReportInputValidator reportValidator, IStringLocalizer<SharedResource> l, ProgrammeClock clock, ILogger<ImportService> logger)
{
    /// <summary>The largest file accepted (about 500,000 report rows as CSV).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Entity of the batch audit row.</summary>
    public const string AuditEntity = "BulkImport";

    public static readonly IReadOnlyList<string> QuickWinColumns =
        ["regency_code", "name", "acronym", "description", "dimension_code", "owner_unit", "start_date", "target_date", "budget", "budget_source", "kind", "status"];

    public static readonly IReadOnlyList<string> ReportColumns = ["regency_code", "quick_win", "period", "percent", "narrative", "obstacles"];

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>The header a file of this kind must have (lower case, in this order).</summary>
    public static IReadOnlyList<string> Columns(ImportKind kind) => kind == ImportKind.QuickWins ? QuickWinColumns : ReportColumns;

    /// <summary>The dry run (admins only): every row checked, every problem listed, nothing written.</summary>
    public async Task<ImportCheckResult> CheckAsync(ImportKind kind, Stream file, string fileName, CancellationToken ct = default)
    {
        access.EnsureAdmin("the bulk import");
        var name = Path.GetFileName(fileName);
        var (rows, fileProblem) = await ReadAsync(file, name, ct);
        if (fileProblem is not null)
        {
            return new ImportCheckResult(kind, name, 0, 0, [fileProblem]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await PlanAsync(db, kind, rows, ct);
        return new ImportCheckResult(kind, name, plan.Rows, plan.ValidRows, plan.Problems);
    }

    /// <summary>
    /// Checks the file again inside one transaction and writes every row, or nothing when any row fails (admins only). The
    /// whole transaction is retried after a transient failure (progress starts again). Progress follows the written rows.
    /// </summary>
    public async Task<ImportCommitResult> CommitAsync(
        ImportKind kind, Stream file, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        access.EnsureAdmin("the bulk import");
        var name = Path.GetFileName(fileName);
        var (rows, fileProblem) = await ReadAsync(file, name, ct);
        if (fileProblem is not null)
        {
            return new ImportCommitResult(kind, name, false, 0, [fileProblem]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async cancellation =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);

            // One import at a time: two admins importing the same file cannot both pass the duplicate checks.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7007)", cancellation);
            var plan = await PlanAsync(db, kind, rows, cancellation);
            if (plan.Problems.Count > 0 || plan.Rows == 0)
            {
                return new ImportCommitResult(kind, name, false, 0, plan.Problems);
            }

            try
            {
                await WriteAsync(db, kind, plan, name, progress, cancellation);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return new ImportCommitResult(kind, name, false, 0, [new ImportRowProblem(0, null, l["Report.Duplicate"])]);
            }

            await transaction.CommitAsync(cancellation);
            var inserted = plan.QuickWins.Count + plan.Reports.Count;
            progress?.Report(new ImportProgress(inserted, inserted));
            return new ImportCommitResult(kind, name, true, inserted, []);
        }, ct);

        logger.LogInformation(
            "{Actor} imported {Kind} from {File}: committed {Committed}, {Inserted} rows, {Problems} problems (correlation {CorrelationId})",
            currentUser.UserName, kind, name, result.Committed, result.Inserted, result.Problems.Count, currentUser.CorrelationId);
        return result;
    }

    /// <summary>A template of the kind: the header and one example row, as CSV or xlsx.</summary>
    public ExportFile Template(ImportKind kind, bool xlsx)
    {
        var columns = Columns(kind).Select(c => new ExportColumn(c, Math.Max(14, c.Length + 4))).ToList();
        string[] example = kind == ImportKind.QuickWins
            ? ["33.20", "JOSS - Jepara Online Smart Service", "JOSS", "Layanan perizinan non-OSS secara daring", "GOV", "Diskominfo", "01/10/2021", "31/12/2022", "450000000", "APBD", "ItSystem", "Running"]
            : ["33.20", "JOSS", "2024-01", "72,5", "Layanan perizinan daring berjalan di 12 kecamatan.", ""];
        var stem = kind == ImportKind.QuickWins ? "template-impor-quick-win" : "template-impor-laporan";
        return TableExport.Write(xlsx ? TableFormat.Xlsx : TableFormat.Csv, stem, l.Enum(kind), columns, table => table.PlainRow(example));
    }

    private async Task<(List<SheetRow> Rows, ImportRowProblem? Problem)> ReadAsync(Stream file, string fileName, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return ([], new ImportRowProblem(0, fileName, string.Format(CultureInfo.CurrentCulture, l["Bulk.TooLarge"], MaxFileBytes / (1024 * 1024))));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (SheetReader.Read(buffer, fileName), null);
        }
        catch (InvalidDataException)
        {
            return ([], new ImportRowProblem(0, fileName, l["Bulk.Unreadable"]));
        }
    }

    /// <summary>What a commit would write, and every problem of the file.</summary>
    private sealed class Plan
    {
        public int Rows { get; set; }
        public List<ImportRowProblem> Problems { get; } = [];
        public List<QuickWin> QuickWins { get; } = [];
        public List<ProgressReport> Reports { get; } = [];
        public int ValidRows { get; set; }
    }

    private async Task<Plan> PlanAsync(SmartCityDbContext db, ImportKind kind, List<SheetRow> rows, CancellationToken ct)
    {
        var plan = new Plan();
        var columns = Columns(kind);
        if (rows.Count == 0)
        {
            plan.Problems.Add(new ImportRowProblem(1, null, l["Import.NoLines"]));
            return plan;
        }

        var header = rows[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        while (header.Count > columns.Count && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }

        if (!header.SequenceEqual(columns))
        {
            plan.Problems.Add(new ImportRowProblem(rows[0].Line, null, string.Format(CultureInfo.CurrentCulture, l["Import.BadHeader"], string.Join(',', columns))));
            return plan;
        }

        var data = new List<SheetRow>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            plan.Rows++;
            var fields = row.Fields.Length > columns.Count && row.Fields.Skip(columns.Count).All(string.IsNullOrWhiteSpace) ? row.Fields[..columns.Count] : row.Fields;
            if (fields.Length != columns.Count)
            {
                plan.Problems.Add(new ImportRowProblem(row.Line, fields.FirstOrDefault(), string.Format(CultureInfo.CurrentCulture, l["Import.ColumnCount"], columns.Count, fields.Length)));
                continue;
            }

            data.Add(new SheetRow(row.Line, fields.Select(f => f.Trim()).ToArray()));
        }

        if (plan.Rows == 0)
        {
            plan.Problems.Add(new ImportRowProblem(rows[0].Line, null, l["Import.NoLines"]));
            return plan;
        }

        if (kind == ImportKind.QuickWins)
        {
            await PlanQuickWinsAsync(db, data, plan, ct);
        }
        else
        {
            await PlanReportsAsync(db, data, plan, ct);
        }

        plan.Problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (plan.Problems.Count > 0)
        {
            plan.QuickWins.Clear();
            plan.Reports.Clear();
        }

        return plan;
    }

    private sealed record RegencyRef(int Id, string Code, IndonesianTimeZone TimeZone, ReportingPeriodKind PeriodKind);

    private static async Task<Dictionary<string, RegencyRef>> RegenciesAsync(SmartCityDbContext db, List<SheetRow> data, CancellationToken ct)
    {
        var codes = data.Select(r => r.Fields[0]).Where(c => c.Length > 0).Distinct().ToList();
        return await db.Regencies.AsNoTracking().Where(r => codes.Contains(r.Code))
            .Select(r => new RegencyRef(r.Id, r.Code, r.TimeZone, r.ReportingPeriod))
            .ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
    }

    private async Task PlanQuickWinsAsync(SmartCityDbContext db, List<SheetRow> data, Plan plan, CancellationToken ct)
    {
        var regencies = await RegenciesAsync(db, data, ct);
        var regencyIds = regencies.Values.Select(r => r.Id).ToList();
        var dimensions = await db.Dimensions.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase, ct);
        var units = await db.GovernmentUnits.AsNoTracking().Where(u => regencyIds.Contains(u.RegencyId))
            .Select(u => new { u.Id, u.RegencyId, u.Name, u.Acronym }).ToListAsync(ct);
        var taken = (await db.QuickWins.AsNoTracking().Where(q => regencyIds.Contains(q.RegencyId)).Select(q => new { q.RegencyId, q.Name }).ToListAsync(ct))
            .Select(q => (q.RegencyId, Key(q.Name))).ToHashSet();
        var seen = new Dictionary<(int, string), int>();
        var now = clock.GetUtcNow();

        foreach (var (line, f) in data)
        {
            var problems = new List<ImportRowProblem>();
            var label = $"{f[0]} · {f[1]}";
            void Problem(int column, string reason) => problems.Add(new ImportRowProblem(line, label, $"{QuickWinColumns[column]}: {reason}"));
            var failed = new HashSet<string>();

            var regency = Regency(f[0], regencies, out var regencyProblem);
            if (regencyProblem is not null)
            {
                Problem(0, regencyProblem);
            }

            int? dimensionId = null;
            if (f[4].Length > 0)
            {
                if (dimensions.TryGetValue(f[4], out var d))
                {
                    dimensionId = d;
                }
                else
                {
                    Problem(4, string.Format(CultureInfo.CurrentCulture, l["Bulk.UnknownDimension"], f[4], string.Join(", ", DimensionCodes.All)));
                    failed.Add(nameof(QuickWinInput.DimensionId));
                }
            }

            int? ownerId = null;
            if (f[5].Length > 0 && regency is not null)
            {
                var matches = units.Where(u => u.RegencyId == regency.Id && (Key(u.Name) == Key(f[5]) || (u.Acronym is not null && Key(u.Acronym) == Key(f[5])))).Select(u => u.Id).Distinct().ToList();
                if (matches.Count == 1)
                {
                    ownerId = matches[0];
                }
                else
                {
                    Problem(5, string.Format(CultureInfo.CurrentCulture, l[matches.Count == 0 ? "Bulk.UnknownUnit" : "Bulk.AmbiguousUnit"], f[5], f[0]));
                }
            }

            var start = Date(f[6], 6, Problem, failed, nameof(QuickWinInput.StartDate));
            var target = Date(f[7], 7, Problem, failed, nameof(QuickWinInput.TargetDate));
            decimal? budget = null;
            if (f[8].Length > 0)
            {
                if (DecimalText.TryParse(f[8], Indonesian, out var b))
                {
                    budget = b;
                }
                else
                {
                    Problem(8, l["Validation.Number"]);
                    failed.Add(nameof(QuickWinInput.Budget));
                }
            }

            var kind = Choice<QuickWinKind>(f[10], 10, Problem, failed, nameof(QuickWinInput.Kind), required: true) ?? QuickWinKind.ItSystem;
            var status = Choice<QuickWinStatus>(f[11], 11, Problem, failed, nameof(QuickWinInput.Status), required: false) ?? QuickWinStatus.Planned;
            if (status == QuickWinStatus.Completed)
            {
                Problem(11, l["QuickWin.CompletedNeedsReport"]);
            }

            var input = new QuickWinInput
            {
                Name = f[1],
                Acronym = Clean(f[2]),
                Description = Clean(f[3]),
                DimensionId = dimensionId,
                OwnerUnitId = ownerId,
                StartDate = start?.ToDateTime(TimeOnly.MinValue),
                TargetDate = target?.ToDateTime(TimeOnly.MinValue),
                Budget = budget,
                BudgetSource = Clean(f[9]),
                Kind = kind,
                Status = status,
            };
            var validation = await quickWinValidator.ValidateAsync(input, ct);
            foreach (var error in validation.Errors.Where(e => !failed.Contains(e.PropertyName)))
            {
                Problem(QuickWinColumnOf(error.PropertyName), error.ErrorMessage);
            }

            if (regency is not null && f[1].Length > 0)
            {
                var key = (regency.Id, Key(f[1]));
                if (taken.Contains(key))
                {
                    Problem(1, l["Bulk.QuickWinExists"]);
                }
                else if (!seen.TryAdd(key, line))
                {
                    Problem(1, string.Format(CultureInfo.CurrentCulture, l["Bulk.DuplicateInFile"], seen[key]));
                }
            }

            if (problems.Count > 0)
            {
                plan.Problems.AddRange(problems);
                continue;
            }

            plan.ValidRows++;
            plan.QuickWins.Add(new QuickWin
            {
                RegencyId = regency!.Id,
                Name = input.Name.Trim(),
                Acronym = input.Acronym,
                Description = input.Description,
                DimensionId = dimensionId!.Value,
                OwnerUnitId = ownerId,
                StartDate = start!.Value,
                TargetDate = target!.Value,
                Budget = budget!.Value,
                BudgetSource = input.BudgetSource,
                Kind = kind,
                Status = status,
                CreatedAt = now,
            });
        }
    }

    private async Task PlanReportsAsync(SmartCityDbContext db, List<SheetRow> data, Plan plan, CancellationToken ct)
    {
        var regencies = await RegenciesAsync(db, data, ct);
        var regencyIds = regencies.Values.Select(r => r.Id).ToList();
        var quickWins = await db.QuickWins.AsNoTracking().Where(q => regencyIds.Contains(q.RegencyId))
            .Select(q => new QuickWinRef(q.Id, q.RegencyId, q.Name, q.Acronym, q.StartDate)).ToListAsync(ct);
        var byName = quickWins.ToLookup(q => (q.RegencyId, Key(q.Name)));
        var byAcronym = quickWins.Where(q => q.Acronym != null).ToLookup(q => (q.RegencyId, Key(q.Acronym!)));
        var taken = (await db.ProgressReports.AsNoTracking().Where(r => regencyIds.Contains(r.RegencyId)).Select(r => new { r.QuickWinId, r.Period }).ToListAsync(ct))
            .Select(r => (r.QuickWinId, r.Period)).ToHashSet();
        var seen = new Dictionary<(int, string), int>();
        var now = clock.GetUtcNow();
        var todays = new Dictionary<IndonesianTimeZone, DateOnly>();

        foreach (var (line, f) in data)
        {
            var problems = new List<ImportRowProblem>();
            var label = $"{f[0]} · {f[1]} · {f[2]}";
            void Problem(int column, string reason) => problems.Add(new ImportRowProblem(line, label, $"{ReportColumns[column]}: {reason}"));
            var failed = new HashSet<string>();

            var regency = Regency(f[0], regencies, out var regencyProblem);
            if (regencyProblem is not null)
            {
                Problem(0, regencyProblem);
            }

            QuickWinRef? quickWin = null;
            if (f[1].Length == 0)
            {
                Problem(1, l["Validation.Required"]);
            }
            else if (regency is not null)
            {
                var matches = byName[(regency.Id, Key(f[1]))].ToList();
                if (matches.Count == 0)
                {
                    matches = byAcronym[(regency.Id, Key(f[1]))].ToList();
                }

                if (matches.Count == 1)
                {
                    quickWin = matches[0];
                }
                else
                {
                    Problem(1, string.Format(CultureInfo.CurrentCulture, l[matches.Count == 0 ? "Bulk.UnknownQuickWin" : "Bulk.AmbiguousQuickWin"], f[1], f[0]));
                }
            }

            decimal? percent = null;
            if (f[3].Length > 0)
            {
                if (DecimalText.TryParse(f[3].TrimEnd('%'), Indonesian, out var p))
                {
                    percent = p;
                }
                else
                {
                    Problem(3, l["Validation.Number"]);
                    failed.Add(nameof(ReportInput.Percent));
                }
            }

            var input = new ReportInput { Period = f[2], Percent = percent, Narrative = Clean(f[4]), Obstacles = Clean(f[5]) };
            var validation = await reportValidator.ValidateAsync(input, o => o.IncludeRuleSets(["default", ReportInputValidator.Submit]), ct);
            foreach (var error in validation.Errors.Where(e => !failed.Contains(e.PropertyName)))
            {
                Problem(ReportColumnOf(error.PropertyName), error.ErrorMessage);
            }

            if (regency is not null && quickWin is not null && ReportingPeriod.TryParse(f[2], out var period))
            {
                if (!todays.TryGetValue(regency.TimeZone, out var today))
                {
                    today = todays[regency.TimeZone] = now.DateIn(regency.TimeZone);
                }

                var text = period.ToString();
                if (period.Kind != regency.PeriodKind)
                {
                    Problem(2, l["Report.PeriodKind"]);
                }
                else if (!period.IsReportableOn(today))
                {
                    Problem(2, l["Report.FuturePeriod"]);
                }
                else if (period.LastDay < quickWin.StartDate)
                {
                    Problem(2, string.Format(CultureInfo.CurrentCulture, l["Report.BeforeStart"], Format.Date(quickWin.StartDate)));
                }
                else if (taken.Contains((quickWin.Id, text)))
                {
                    Problem(2, l["Report.Duplicate"]);
                }
                else if (!seen.TryAdd((quickWin.Id, text), line))
                {
                    Problem(2, string.Format(CultureInfo.CurrentCulture, l["Bulk.DuplicateInFile"], seen[(quickWin.Id, text)]));
                }

                if (problems.Count == 0)
                {
                    plan.ValidRows++;
                    plan.Reports.Add(new ProgressReport
                    {
                        RegencyId = regency.Id,
                        QuickWinId = quickWin.Id,
                        Period = text,
                        PeriodStart = period.FirstDay,
                        PeriodEnd = period.LastDay,
                        Percent = percent!.Value,
                        Narrative = input.Narrative,
                        Obstacles = input.Obstacles,
                        State = ReportState.Submitted,
                        Source = ReportSource.Portal,
                        AuthorId = currentUser.UserId,
                        CreatedAt = now,
                        SubmittedAt = now,
                    });
                }
            }

            plan.Problems.AddRange(problems);
        }
    }

    private sealed record QuickWinRef(int Id, int RegencyId, string Name, string? Acronym, DateOnly StartDate);

    private RegencyRef? Regency(string code, Dictionary<string, RegencyRef> regencies, out string? problem)
    {
        problem = null;
        if (code.Length == 0)
        {
            problem = l["Validation.Required"];
            return null;
        }

        if (regencies.TryGetValue(code, out var regency))
        {
            return regency;
        }

        problem = string.Format(CultureInfo.CurrentCulture, l["Import.RegencyUnknown"], code);
        return null;
    }

    private DateOnly? Date(string text, int column, Action<int, string> problem, HashSet<string> failed, string property)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problem(column, string.Format(CultureInfo.CurrentCulture, l["Bulk.BadDate"], text));
        failed.Add(property);
        return null;
    }

    private T? Choice<T>(string text, int column, Action<int, string> problem, HashSet<string> failed, string property, bool required)
        where T : struct, Enum
    {
        if (text.Length == 0)
        {
            if (required)
            {
                problem(column, l["Validation.Required"]);
                failed.Add(property);
            }

            return null;
        }

        var wanted = Key(text).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), wanted, StringComparison.OrdinalIgnoreCase) || Key(l.Enum(value)) == Key(text))
            {
                return value;
            }
        }

        problem(column, string.Format(CultureInfo.CurrentCulture, l["Bulk.BadChoice"], text, string.Join(", ", Enum.GetNames<T>())));
        failed.Add(property);
        return null;
    }

    private static int QuickWinColumnOf(string property) => property switch
    {
        nameof(QuickWinInput.Name) => 1,
        nameof(QuickWinInput.Acronym) => 2,
        nameof(QuickWinInput.Description) => 3,
        nameof(QuickWinInput.DimensionId) => 4,
        nameof(QuickWinInput.OwnerUnitId) => 5,
        nameof(QuickWinInput.StartDate) => 6,
        nameof(QuickWinInput.TargetDate) => 7,
        nameof(QuickWinInput.Budget) => 8,
        nameof(QuickWinInput.BudgetSource) => 9,
        nameof(QuickWinInput.Kind) => 10,
        _ => 11,
    };

    private static int ReportColumnOf(string property) => property switch
    {
        nameof(ReportInput.Period) => 2,
        nameof(ReportInput.Percent) => 3,
        nameof(ReportInput.Narrative) => 4,
        _ => 5,
    };

    private static string Key(string text) => text.Trim().ToLowerInvariant();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
