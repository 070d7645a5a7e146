using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Imports;

/// <summary>
/// The write path of a commit: binary COPY of the rows (ids reserved from the HiLo sequence in one command), then a binary
/// COPY of the audit rows — one insert row per imported row with its fields, as the audit interceptor writes them, plus one
/// batch row naming the file and the counts — all on the commit's connection, inside its transaction.
/// </summary>
public sealed partial class ImportService
{
    /// <summary>Rows between two progress reports.</summary>
    internal const int ReportEvery = 250;

    private const string HiLoSequence = "EntityFrameworkHiLoSequence";

    private async Task WriteAsync(SmartCityDbContext db, ImportKind kind, Plan plan, string fileName, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var total = plan.QuickWins.Count + plan.Reports.Count;
        var ids = await ReserveIdsAsync(db, connection, total, ct);
        progress?.Report(new ImportProgress(0, total));
        var audit = new List<AuditEntry>(total + 1);
        var now = clock.GetUtcNow();

        if (kind == ImportKind.QuickWins)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY \"QuickWins\" (\"Id\", \"RegencyId\", \"Name\", \"Acronym\", \"Description\", \"DimensionId\", \"OwnerUnitId\", \"StartDate\", " +
                "\"TargetDate\", \"Budget\", \"BudgetSource\", \"Kind\", \"Status\", \"IsArchived\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)", ct);
            for (var i = 0; i < plan.QuickWins.Count; i++)
            {
                var q = plan.QuickWins[i];
                q.Id = ids[i];
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(q.Id, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(q.RegencyId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(q.Name, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, q.Acronym, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, q.Description, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(q.DimensionId, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(copy, q.OwnerUnitId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(q.StartDate, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(q.TargetDate, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(q.Budget, NpgsqlDbType.Numeric, ct);
                await WriteNullableAsync(copy, q.BudgetSource, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(q.Kind.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(q.Status.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(q.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                audit.Add(InsertRow(now, nameof(QuickWin), q.Id, q.RegencyId,
                [
                    ("Id", Text(q.Id)), ("RegencyId", Text(q.RegencyId)), ("Name", q.Name), ("Acronym", q.Acronym), ("Description", q.Description),
                    ("DimensionId", Text(q.DimensionId)), ("OwnerUnitId", Text(q.OwnerUnitId)), ("StartDate", Text(q.StartDate)), ("TargetDate", Text(q.TargetDate)),
                    ("Budget", Text(q.Budget)), ("BudgetSource", q.BudgetSource), ("Kind", q.Kind.ToString()), ("Status", q.Status.ToString()),
                    ("IsArchived", "False"), ("CreatedAt", Text(q.CreatedAt)),
                ]));
                Report(progress, i + 1, total);
            }

            await copy.CompleteAsync(ct);
        }
        else
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY \"ProgressReports\" (\"Id\", \"RegencyId\", \"QuickWinId\", \"Period\", \"PeriodStart\", \"PeriodEnd\", \"Percent\", \"Narrative\", " +
                "\"Obstacles\", \"State\", \"Source\", \"AuthorId\", \"CreatedAt\", \"SubmittedAt\") FROM STDIN (FORMAT BINARY)", ct);
            for (var i = 0; i < plan.Reports.Count; i++)
            {
                var r = plan.Reports[i];
                r.Id = ids[i];
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Id, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.RegencyId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.QuickWinId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Period, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.PeriodStart, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(r.PeriodEnd, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(r.Percent, NpgsqlDbType.Numeric, ct);
                await WriteNullableAsync(copy, r.Narrative, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, r.Obstacles, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.State.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Source.ToString(), NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, r.AuthorId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(r.SubmittedAt!.Value, NpgsqlDbType.TimestampTz, ct);
                audit.Add(InsertRow(now, nameof(ProgressReport), r.Id, r.RegencyId,
                [
                    ("RegencyId", Text(r.RegencyId)), ("Id", Text(r.Id)), ("QuickWinId", Text(r.QuickWinId)), ("Period", r.Period),
                    ("PeriodStart", Text(r.PeriodStart)), ("PeriodEnd", Text(r.PeriodEnd)), ("Percent", Text(r.Percent)), ("Narrative", r.Narrative),
                    ("Obstacles", r.Obstacles), ("State", r.State.ToString()), ("Source", r.Source.ToString()), ("AuthorId", r.AuthorId),
                    ("CreatedAt", Text(r.CreatedAt)), ("SubmittedAt", Text(r.SubmittedAt)),
                ]));
                Report(progress, i + 1, total);
            }

            await copy.CompleteAsync(ct);
        }

        audit.Add(new AuditEntry
        {
            OccurredAt = now,
            UserId = currentUser.UserId,
            UserName = currentUser.UserName,
            Entity = AuditEntity,
            EntityKey = fileName.Length > TextLimits.Name ? fileName[..TextLimits.Name] : fileName,
            Action = AuditAction.Batch,
            Changes = JsonSerializer.Serialize(new { File = fileName, Kind = kind.ToString(), Rows = plan.Rows, Inserted = total, Regencies = audit.Select(a => a.RegencyId).Distinct().Count() }, JsonOptions),
            CorrelationId = currentUser.CorrelationId,
        });
        await WriteAuditAsync(connection, audit, ct);
    }

    private static void Report(IProgress<ImportProgress>? progress, int done, int total)
    {
        if (done % ReportEvery == 0 && done < total)
        {
            progress?.Report(new ImportProgress(done, total));
        }
    }

    /// <summary>Reserves <paramref name="count"/> keys from the HiLo sequence EF uses (blocks of its increment), in one command.</summary>
    private static async Task<List<int>> ReserveIdsAsync(SmartCityDbContext db, NpgsqlConnection connection, int count, CancellationToken ct)
    {
        var block = db.Model.FindSequence(HiLoSequence)?.IncrementBy ?? throw new InvalidOperationException("No HiLo sequence in the model.");
        var blocks = (count + block - 1) / block;
        await using var command = new NpgsqlCommand($"SELECT nextval('\"{HiLoSequence}\"') FROM generate_series(1, $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = blocks });
        var ids = new List<int>(blocks * block);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var low = reader.GetInt64(0);
            for (var i = 0; i < block; i++)
            {
                ids.Add(checked((int)(low + i)));
            }
        }

        return ids;
    }

    private static async Task WriteAuditAsync(NpgsqlConnection connection, List<AuditEntry> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"AuditEntries\" (\"OccurredAt\", \"UserId\", \"UserName\", \"Entity\", \"EntityKey\", \"RegencyId\", \"Action\", \"Changes\", \"CorrelationId\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var a in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(a.OccurredAt, NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(copy, a.UserId, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(copy, a.UserName, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.Entity, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.EntityKey, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(copy, a.RegencyId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(a.Action.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.Changes, NpgsqlDbType.Jsonb, ct);
            await WriteNullableAsync(copy, a.CorrelationId, NpgsqlDbType.Varchar, ct);
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>An insert audit row in the interceptor's shape: <c>[{field, old: null, new}]</c> for every non-null field.</summary>
    private AuditEntry InsertRow(DateTimeOffset now, string entity, int key, int regencyId, (string Field, string? Value)[] fields) => new()
    {
        OccurredAt = now,
        UserId = currentUser.UserId,
        UserName = currentUser.UserName,
        Entity = entity,
        EntityKey = Text(key),
        RegencyId = regencyId,
        Action = AuditAction.Insert,
        Changes = JsonSerializer.Serialize(fields.Where(f => f.Value is not null).Select(f => new FieldChange(f.Field, null, f.Value)), JsonOptions),
        CorrelationId = currentUser.CorrelationId,
    };

    private sealed record FieldChange(string Field, string? Old, string? New);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : class =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, int? value, NpgsqlDbType type, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Text(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Text(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
