using System.Diagnostics;
using Npgsql;

namespace SmartCity.Bench;

/// <summary>
/// Generates the national dataset in the app's own schema, set-based in SQL: every regency gets 40 quick wins (spread over the six
/// dimensions) with 24 monthly reports each (the last two submitted, the rest verified), and 5 finalised yearly-evaluation rounds
/// with reconciled scores (5 criteria × 6 dimensions) and stored results (index, band, national and provincial rank) for every regency.
/// Ids come from a range far above the demo data, and the HiLo sequence is moved past them.
/// </summary>
internal static class NationalDataset
{
    public const int QuickWinsPerRegency = 40;
    public const int ReportsPerQuickWin = 24;
    public const int Rounds = 5;
    private const int IdBase = 10_000_000;

    public static async Task<(long QuickWins, long Reports, long Scores, TimeSpan Took)> GenerateAsync(string connectionString)
    {
        var watch = Stopwatch.StartNew();
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var connection = await source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, transaction, QuickWinsSql);
        await ExecuteAsync(connection, transaction, ReportsSql);
        await ExecuteAsync(connection, transaction, RoundsSql);
        await ExecuteAsync(connection, transaction, $"SELECT setval('\"EntityFrameworkHiLoSequence\"', {IdBase * 10});");
        await transaction.CommitAsync();
        await ExecuteAsync(connection, null, "ANALYZE;");

        await using var count = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM \"QuickWins\"), (SELECT count(*) FROM \"ProgressReports\"), (SELECT count(*) FROM \"ReconciledScores\")", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), watch.Elapsed);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private static readonly string QuickWinsSql = $"""
        INSERT INTO "QuickWins" ("Id", "RegencyId", "Name", "Acronym", "Description", "DimensionId", "StartDate", "TargetDate", "Budget",
                                 "BudgetSource", "Kind", "Status", "IsArchived", "CreatedAt")
        SELECT {IdBase} + r."Id" * 100 + g,
               r."Id",
               'Quick win ' || g || ' ' || r."Name",
               'QW' || g,
               'Layanan digital nomor ' || g || ' untuk warga ' || r."Name" || '.',
               d."Id",
               DATE '2024-01-01' + (g % 12) * 7,
               DATE '2025-12-31',
               100000000 + g * 1000000,
               'APBD',
               CASE WHEN g % 3 = 0 THEN 'PolicyInnovation' ELSE 'ItSystem' END,
               CASE WHEN g % 10 = 0 THEN 'Completed' ELSE 'Running' END,
               false,
               TIMESTAMPTZ '2024-01-01 02:00:00+00'
        FROM "Regencies" r
        CROSS JOIN generate_series(1, {QuickWinsPerRegency}) g
        JOIN LATERAL (SELECT "Id" FROM "Dimensions" ORDER BY "Id" OFFSET (g % 6) LIMIT 1) d ON true;
        """;

    private static readonly string ReportsSql = $"""
        INSERT INTO "ProgressReports" ("Id", "RegencyId", "QuickWinId", "Period", "PeriodStart", "PeriodEnd", "Narrative", "State", "Source",
                                       "Percent", "CreatedAt", "SubmittedAt", "VerifiedAt")
        SELECT {IdBase * 2} + (q."Id" - {IdBase}) * 30 + m,
               q."RegencyId",
               q."Id",
               to_char(DATE '2024-01-01' + make_interval(months => m), 'YYYY-MM'),
               (DATE '2024-01-01' + make_interval(months => m))::date,
               (DATE '2024-01-01' + make_interval(months => m + 1) - INTERVAL '1 day')::date,
               'Laporan bulanan ' || (m + 1) || ': kegiatan berjalan sesuai rencana.',
               CASE WHEN m >= {ReportsPerQuickWin - 2} THEN 'Submitted' ELSE 'Verified' END,
               'Portal',
               LEAST(100, round((m + 1) * (100.0 / {ReportsPerQuickWin}) * (0.6 + (q."Id" % 5) * 0.1), 2)),
               TIMESTAMPTZ '2024-01-01 02:00:00+00' + make_interval(months => m + 1),
               TIMESTAMPTZ '2024-01-01 02:00:00+00' + make_interval(months => m + 1),
               CASE WHEN m >= {ReportsPerQuickWin - 2} THEN NULL ELSE TIMESTAMPTZ '2024-01-05 02:00:00+00' + make_interval(months => m + 1) END
        FROM "QuickWins" q
        CROSS JOIN generate_series(0, {ReportsPerQuickWin - 1}) m
        WHERE q."Id" > {IdBase};
        """;

    /// <summary>Each round gets its own copy of the newest demo round's instrument (five criteria scored per dimension, five bands).</summary>
    private static readonly string RoundsSql = $"""
        CREATE TEMP TABLE bench_instrument ON COMMIT DROP AS
            SELECT "InstrumentId" AS id FROM "AssessmentRounds" WHERE "State" = 'Finalised' ORDER BY "Year" DESC LIMIT 1;

        INSERT INTO "Instruments" ("Id", "DivergenceThreshold", "IsTemplate", "Kind", "Name", "ScaleMax", "ScaleMin", "SourceInstrumentId", "VersionNumber")
        SELECT {IdBase * 5} + y, i."DivergenceThreshold", false, i."Kind", i."Name", i."ScaleMax", i."ScaleMin", i."Id", i."VersionNumber"
        FROM generate_series(1, {Rounds}) y CROSS JOIN "Instruments" i WHERE i."Id" = (SELECT id FROM bench_instrument);

        INSERT INTO "Criteria" ("Id", "Code", "InstrumentId", "NameEn", "NameId", "PerDimension", "SortOrder", "Weight")
        SELECT {IdBase * 5} + y * 100 + c."SortOrder", c."Code", {IdBase * 5} + y, c."NameEn", c."NameId", c."PerDimension", c."SortOrder", c."Weight"
        FROM generate_series(1, {Rounds}) y CROSS JOIN "Criteria" c WHERE c."InstrumentId" = (SELECT id FROM bench_instrument);

        INSERT INTO "Bands" ("Id", "InstrumentId", "MaxExclusive", "MinInclusive", "Name", "SortOrder")
        SELECT {IdBase * 5} + y * 100 + 50 + b."SortOrder", {IdBase * 5} + y, b."MaxExclusive", b."MinInclusive", b."Name", b."SortOrder"
        FROM generate_series(1, {Rounds}) y CROSS JOIN "Bands" b WHERE b."InstrumentId" = (SELECT id FROM bench_instrument);

        INSERT INTO "AssessmentRounds" ("Id", "Name", "Kind", "Year", "State", "InstrumentId", "FinalisesOn", "IsDemo")
        SELECT {IdBase * 3} + y, 'Evaluasi nasional ' || (2018 + y) || ' (data benchmark)', 'YearlyEvaluation', 2018 + y, 'Reconciliation',
               {IdBase * 5} + y, make_date(2018 + y, 11, 30), true
        FROM generate_series(1, {Rounds}) y;

        INSERT INTO "RoundParticipants" ("Id", "RoundId", "RegencyId")
        SELECT {IdBase * 3} + y * 1000 + r."Id", {IdBase * 3} + y, r."Id"
        FROM generate_series(1, {Rounds}) y CROSS JOIN "Regencies" r;

        INSERT INTO "ReconciledScores" ("Id", "RecordedById", "Note", "RoundId", "RegencyId", "CriterionId", "DimensionId", "UpdatedAt", "Score")
        SELECT {IdBase * 4} + row_number() OVER (),
               (SELECT "Id" FROM "AspNetUsers" WHERE "UserName" = 'penilai1'),
               'Skor benchmark',
               a."Id", r."Id", c."Id", d."Id",
               make_timestamptz(a."Year", 11, 20, 2, 0, 0, 'UTC'),
               round((1 + ((r."Id" * 7 + c."SortOrder" * 3 + d."Id" + a."Year" * 11) % 40) / 10.0)::numeric, 2)
        FROM "AssessmentRounds" a
        JOIN "Criteria" c ON c."InstrumentId" = a."InstrumentId"
        CROSS JOIN "Regencies" r
        CROSS JOIN "Dimensions" d
        WHERE a."Id" > {IdBase * 3};

        -- Results as finalisation stores them: the index is the weighted mean of the criteria (each the mean over dimensions).
        WITH per_criterion AS (
            SELECT s."RoundId", s."RegencyId", c."Weight", avg(s."Score") AS score
            FROM "ReconciledScores" s JOIN "Criteria" c ON c."Id" = s."CriterionId"
            WHERE s."RoundId" > {IdBase * 3}
            GROUP BY s."RoundId", s."RegencyId", c."Id", c."Weight"),
        indexed AS (
            SELECT "RoundId", "RegencyId", round(sum(score * "Weight") / sum("Weight"), 2) AS idx
            FROM per_criterion GROUP BY "RoundId", "RegencyId"),
        ranked AS (
            SELECT i.*, rank() OVER (PARTITION BY i."RoundId" ORDER BY i.idx DESC) AS national,
                   rank() OVER (PARTITION BY i."RoundId", g."ProvinceId" ORDER BY i.idx DESC) AS provincial,
                   i.idx - lag(i.idx) OVER (PARTITION BY i."RegencyId" ORDER BY i."RoundId") AS change
            FROM indexed i JOIN "Regencies" g ON g."Id" = i."RegencyId")
        UPDATE "RoundParticipants" p
        SET "Index" = k.idx, "NationalRank" = k.national, "ProvincialRank" = k.provincial, "Change" = k.change,
            "Band" = (SELECT b."Name" FROM "Bands" b JOIN "AssessmentRounds" a ON a."InstrumentId" = b."InstrumentId"
                      WHERE a."Id" = k."RoundId" AND k.idx >= b."MinInclusive" AND (b."MaxExclusive" IS NULL OR k.idx < b."MaxExclusive") LIMIT 1),
            "LetterNumber" = 'B-' || p."RegencyId" || '/BENCH/' || k."RoundId", "LetterDate" = DATE '2025-12-01'
        FROM ranked k WHERE k."RoundId" = p."RoundId" AND k."RegencyId" = p."RegencyId";

        UPDATE "AssessmentRounds" SET "State" = 'Finalised', "FinalisedAt" = make_timestamptz("Year", 12, 1, 2, 0, 0, 'UTC')
        WHERE "Id" > {IdBase * 3};
        """;
}
