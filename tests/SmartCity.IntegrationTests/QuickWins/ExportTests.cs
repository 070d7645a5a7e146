using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Common;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.QuickWins.Export;

namespace SmartCity.IntegrationTests.QuickWins;

/// <summary>
/// The quick-win export: a valid workbook and RFC 4180 CSVs holding what the database holds (progress by the one formula),
/// for readers only, with a SQL cost that does not grow with the rows.
/// </summary>
public sealed class ExportTests(SmallApp app) : IClassFixture<SmallApp>
{
    private const string Jepara = "33.20";
    private static readonly string[] DemoCodes = ["33.20", "35.17", "33.27"];

    /// <summary>A synchronous progress sink (Progress&lt;T&gt; would post to the thread pool and report late).</summary>
    private sealed class Recorder : IProgress<ExportProgress>
    {
        public List<ExportProgress> Reports { get; } = [];

        public void Report(ExportProgress value) => Reports.Add(value);
    }

    private async Task<int> RegencyIdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    /// <summary>The n-th regency of the small reference list that is not a demo one (and so has no quick wins).</summary>
    private async Task<(int Id, string Code)> SpareRegencyAsync(int index)
    {
        await using var db = app.CreateDbContext();
        var spare = await db.Regencies.Where(r => !DemoCodes.Contains(r.Code)).OrderBy(r => r.Code).Skip(index).Select(r => new { r.Id, r.Code }).FirstAsync();
        Assert.False(await db.QuickWins.AnyAsync(q => q.RegencyId == spare.Id));
        return (spare.Id, spare.Code);
    }

    private async Task<IndonesianTimeZone> ZoneOfAsync(int regencyId)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Id == regencyId).Select(r => r.TimeZone).SingleAsync();
    }

    private static async Task<T> InCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    private async Task<(ExportFile File, Recorder Progress)> ExportAsync(string user, int regencyId, ExportFormat format, string culture = "id-ID")
    {
        await using var actor = await app.AsAsync(user);
        var progress = new Recorder();
        var file = await InCultureAsync(culture, () => actor.Get<QuickWinExportService>().ExportAsync(regencyId, format, progress));
        return (file, progress);
    }

    /// <summary>A sheet read back as header → cell, one dictionary per data row.</summary>
    private static (List<string> Headers, List<Dictionary<string, Cell>> Rows) ReadSheet(SpreadsheetDocument doc, string name)
    {
        var workbook = doc.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var headers = rows[0].Elements<Cell>().Select(Text).ToList();
        var data = rows.Skip(1).Select(r => r.Elements<Cell>().ToDictionary(c => headers[ColumnIndex(c.CellReference!)], c => c)).ToList();
        return (headers, data);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    private static string Text(Cell cell)
    {
        Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
        return cell.InlineString!.Text!.Text;
    }

    private static decimal Number(Cell cell)
    {
        Assert.Null(cell.DataType);
        return decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string NumberFormatOf(SpreadsheetDocument doc, Cell cell)
    {
        var stylesheet = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        var id = format.NumberFormatId!.Value;
        return stylesheet.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(n => n.NumberFormatId!.Value == id)?.FormatCode?.Value
            ?? $"builtin:{id}";
    }

    private static DateOnly DateOf(Cell cell) => DateOnly.FromDateTime(DateTime.FromOADate((double)Number(cell)));

    private static List<string[]> ReadCsv(byte[] content)
    {
        Assert.True(content.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "the CSV must start with the UTF-8 BOM");
        var text = new UTF8Encoding(false).GetString(content.AsSpan(3));
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        using var reader = new StringReader(text);
        return Csv.Read(reader).Select(r => r.Fields).ToList();
    }

    /// <summary>Progress as the portal defines it, recomputed here from the stored reports with the domain formula.</summary>
    private async Task<Dictionary<int, decimal>> ExpectedProgressAsync(int regencyId)
    {
        await using var db = app.CreateDbContext();
        var reports = await db.ProgressReports.Where(r => r.RegencyId == regencyId).Select(r => new { r.QuickWinId, r.Period, r.State, r.Percent }).ToListAsync();
        var ids = await db.QuickWins.Where(q => q.RegencyId == regencyId).Select(q => q.Id).ToListAsync();
        return ids.ToDictionary(id => id, id => QuickWinProgress.Of(reports.Where(r => r.QuickWinId == id).Select(r => (r.Period, r.State, r.Percent))));
    }

    [Fact]
    public async Task The_workbook_of_Jepara_is_valid_and_holds_the_register_its_reports_and_progress()
    {
        var jepara = await RegencyIdAsync(Jepara);
        var (file, progress) = await ExportAsync("diskominfo.jepara", jepara, ExportFormat.Xlsx);

        Assert.Matches(@"^quick-win-33\.20-\d{4}-\d{2}-\d{2}\.xlsx$", file.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.ContentType);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var errors = new OpenXmlValidator().Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));

        await using var db = app.CreateDbContext();
        var quickWins = await db.QuickWins.Where(q => q.RegencyId == jepara).ToListAsync();
        var reports = await db.ProgressReports.Where(r => r.RegencyId == jepara).ToListAsync();
        var kpis = await db.Kpis.CountAsync(k => k.RegencyId == jepara);
        var expected = await ExpectedProgressAsync(jepara);
        Assert.Equal(9, quickWins.Count);

        var (headers, rows) = ReadSheet(doc, "Quick win");
        Assert.Equal(["Kode daerah", "ID", "Nama", "Akronim"], headers.Take(4));
        Assert.Equal(quickWins.Count, rows.Count);
        foreach (var row in rows)
        {
            var id = (int)Number(row["ID"]);
            var quickWin = quickWins.Single(q => q.Id == id);
            Assert.Equal("33.20", Text(row["Kode daerah"]));
            Assert.Equal(quickWin.Name, Text(row["Nama"]));
            Assert.Equal(quickWin.Budget, Number(row["Anggaran (Rp)"]));
            Assert.Equal("\"Rp\"#,##0", NumberFormatOf(doc, row["Anggaran (Rp)"]));
            Assert.Equal(quickWin.StartDate, DateOf(row["Tanggal mulai"]));
            Assert.Equal(quickWin.TargetDate, DateOf(row["Tanggal target"]));
            Assert.Equal("dd mmm yyyy", NumberFormatOf(doc, row["Tanggal target"]));
            Assert.Equal(expected[id], Number(row["Kemajuan (%)"]));
            Assert.Equal(quickWin.IsArchived ? "Ya" : "Tidak", Text(row["Diarsipkan"]));
        }

        var joss = rows.Single(r => TextAt(r, "Akronim") == "JOSS");
        Assert.Equal(450_000_000m, Number(joss["Anggaran (Rp)"]));
        Assert.Equal(100m, Number(joss["Kemajuan (%)"]));
        Assert.Equal("2021-10", Text(joss["Periode kemajuan"]));
        Assert.Equal("GOV", Text(joss["Kode dimensi"]));
        Assert.Equal("Tidak", Text(joss["Terlambat"]));
        // TIC's report of the latest demo month (2026-10 by default) is only submitted: its progress is still the verified month before.
        var tic = rows.Single(r => TextAt(r, "Akronim") == "TIC");
        var ticId = (int)Number(tic["ID"]);
        Assert.Contains(reports, r => r.QuickWinId == ticId && r.Period == TestNow.DemoLatest.ToString() && r.State == ReportState.Submitted);
        var ticVerified = reports.Single(r => r.QuickWinId == ticId && r.Period == TestNow.DemoLatest.Previous.ToString());
        Assert.Equal(ReportState.Verified, ticVerified.State);
        Assert.Equal(ticVerified.Percent, Number(tic["Kemajuan (%)"]));
        Assert.Equal(TestNow.DemoLatest.Previous.ToString(), Text(tic["Periode kemajuan"]));

        var (_, reportRows) = ReadSheet(doc, "Laporan");
        Assert.Equal(reports.Count, reportRows.Count);
        Assert.Equal(
            reports.Select(r => (r.QuickWinId, r.Period, r.PeriodStart, r.PeriodEnd, r.Percent)).Order(),
            reportRows.Select(r => ((int)Number(r["ID quick win"]), Text(r["Periode"]), DateOf(r["Awal periode"]), DateOf(r["Akhir periode"]), Number(r["Persen (%)"]))).Order());
        var returned = reportRows.Single(r => TextAt(r, "Keadaan") == "Dikembalikan");
        Assert.Equal(reports.Single(r => r.State == ReportState.Returned).ReturnReason, Text(returned["Alasan pengembalian"]));
        var verified = reportRows.First(r => TextAt(r, "Keadaan") == "Terverifikasi");
        Assert.Equal("diskominfo.jepara", Text(verified["Penyusun"]));
        Assert.Equal("verifikator.jepara", Text(verified["Verifikator"]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$", Text(verified["Diverifikasi pada"]));
        Assert.Equal(0m, Number(verified["Jumlah bukti dukung"]));

        var total = quickWins.Count + reports.Count + kpis;
        Assert.Equal(new ExportProgress(0, total), progress.Reports[0]);
        Assert.Equal(new ExportProgress(total, total), progress.Reports[^1]);
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(p => p.First.Done <= p.Second.Done), "progress never goes back");

        static string? TextAt(Dictionary<string, Cell> r, string header) => r.TryGetValue(header, out var c) ? Text(c) : null;
    }

    [Fact]
    public async Task Headers_and_labels_are_English_in_the_English_culture()
    {
        var jepara = await RegencyIdAsync(Jepara);
        var (file, _) = await ExportAsync("admin", jepara, ExportFormat.Xlsx, "en-US");

        using var doc = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var (headers, rows) = ReadSheet(doc, "Quick wins");
        Assert.Equal(["Regency code", "ID", "Name", "Acronym"], headers.Take(4));
        Assert.Contains(rows, r => Text(r["Status"]) == "Completed");
        Assert.Contains(rows, r => Text(r["Dimension"]) == "Smart Governance");
        Assert.NotNull(doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().SingleOrDefault(s => s.Name == "Reports"));
    }

    [Fact]
    public async Task The_CSVs_round_trip_names_with_commas_quotes_and_line_breaks()
    {
        var (regencyId, code) = await SpareRegencyAsync(0);
        const string tricky = "Aplikasi \"Cepat\", Tanggap\r\ndan \u00e9l\u00e9gant; 100%";
        const string narrative = "Baris satu,\nbaris \"dua\"";
        int trickyId;
        await using (var db = app.CreateDbContext())
        {
            var dimension = await db.Dimensions.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
            var quickWin = NewQuickWin(regencyId, dimension, tricky, 1_234_567.5m);
            quickWin.Reports.Add(NewReport(regencyId, "2026-01", 42.5m, ReportState.Verified, narrative));
            quickWin.Reports.Add(NewReport(regencyId, "2026-02", 50m, ReportState.Submitted, "=HYPERLINK(\"x\")"));
            db.QuickWins.Add(quickWin);
            db.QuickWins.Add(NewQuickWin(regencyId, dimension, "Biasa", 0));
            await db.SaveChangesAsync();
            trickyId = quickWin.Id;
        }

        var (register, registerProgress) = await ExportAsync("admin", regencyId, ExportFormat.QuickWinsCsv);
        var (reports, reportProgress) = await ExportAsync("admin", regencyId, ExportFormat.ReportsCsv);

        Assert.Equal($"quick-win-{code}-", register.FileName[..(10 + code.Length + 1)]);
        Assert.EndsWith(".csv", reports.FileName, StringComparison.Ordinal);
        Assert.StartsWith("text/csv", register.ContentType, StringComparison.Ordinal);
        var registerRows = ReadCsv(register.Content);
        Assert.Equal(3, registerRows.Count); // header + 2 quick wins
        var header = registerRows[0];
        var row = registerRows.Single(r => r[Array.IndexOf(header, "ID")] == trickyId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(tricky, row[Array.IndexOf(header, "Nama")]);
        Assert.Equal("1234567.5", row[Array.IndexOf(header, "Anggaran (Rp)")]); // invariant decimal point, no grouping
        Assert.Equal("42.5", row[Array.IndexOf(header, "Kemajuan (%)")]);
        Assert.Equal("2026-01", row[Array.IndexOf(header, "Periode kemajuan")]);
        Assert.Equal("2026-01-05", row[Array.IndexOf(header, "Tanggal mulai")]);
        Assert.Equal(code, row[Array.IndexOf(header, "Kode daerah")]);
        Assert.All(registerRows, r => Assert.Equal(header.Length, r.Length));
        Assert.Equal(new ExportProgress(2, 2), registerProgress.Reports[^1]);

        var reportRows = ReadCsv(reports.Content);
        Assert.Equal(3, reportRows.Count);
        var reportHeader = reportRows[0];
        Assert.All(reportRows.Skip(1), r => Assert.Equal(tricky, r[Array.IndexOf(reportHeader, "Quick win")]));
        Assert.Equal(narrative, reportRows[1][Array.IndexOf(reportHeader, "Uraian kemajuan")]);
        Assert.Equal("2026-01-31", reportRows[1][Array.IndexOf(reportHeader, "Akhir periode")]);
        var submitted = reportRows[2][Array.IndexOf(reportHeader, "Dikirim pada")];
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+]0[789]:00$", submitted);
        var zone = await ZoneOfAsync(regencyId);
        Assert.Equal(zone.UtcOffset(), DateTimeOffset.Parse(submitted, CultureInfo.InvariantCulture).Offset); // shown in the regency's zone
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 3, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(submitted, CultureInfo.InvariantCulture));
        Assert.Equal("'=HYPERLINK(\"x\")", reportRows[2][Array.IndexOf(reportHeader, "Uraian kemajuan")]); // a formula is defused
        Assert.Equal(new ExportProgress(2, 2), reportProgress.Reports[^1]);
    }

    [Fact]
    public async Task A_user_of_another_regency_is_refused_and_the_refusal_is_logged()
    {
        var jepara = await RegencyIdAsync(Jepara);
        await using var actor = await app.AsAsync("diskominfo.jombang");
        var exports = actor.Get<QuickWinExportService>();
        var progress = new Recorder();
        app.Commands.Reset();

        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => exports.ExportAsync(jepara, format, progress));
        }

        Assert.Equal(0, app.Commands.Count); // refused before any query
        Assert.Empty(progress.Reports);
        var refusal = app.Logs.Messages().Last(m => m.StartsWith("Access refused", StringComparison.Ordinal));
        Assert.Contains("diskominfo.jombang", refusal, StringComparison.Ordinal);
        Assert.Contains("quick-win export", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SQL_cost_is_the_same_for_10_and_500_quick_wins()
    {
        var few = await SeedAsync((await SpareRegencyAsync(1)).Id, 10);
        var many = await SeedAsync((await SpareRegencyAsync(2)).Id, 500);
        await ExportAsync("admin", few, ExportFormat.Xlsx); // warm-up: compiled queries

        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            var (fewCount, fewFile) = await CountAsync(few, format);
            var (manyCount, manyFile) = await CountAsync(many, format);

            Assert.Equal(fewCount, manyCount);
            Assert.InRange(manyCount, 1, 5);
            if (format == ExportFormat.QuickWinsCsv)
            {
                Assert.Equal(501, ReadCsv(manyFile.Content).Count);
            }
            else if (format == ExportFormat.ReportsCsv)
            {
                Assert.Equal(1501, ReadCsv(manyFile.Content).Count);
            }
            else
            {
                using var doc = SpreadsheetDocument.Open(new MemoryStream(manyFile.Content), false);
                Assert.Empty(new OpenXmlValidator().Validate(doc));
                Assert.Equal(500, ReadSheet(doc, "Quick win").Rows.Count);
                Assert.Equal(1500, ReadSheet(doc, "Laporan").Rows.Count);
                Assert.Equal(500, ReadSheet(doc, "IKU").Rows.Count);
            }

            Console.WriteLine($"SQL commands for the {format} export: {fewCount} (10 quick wins), {manyCount} (500 quick wins); {fewFile.Content.Length} / {manyFile.Content.Length} bytes");
        }

        var (_, progress) = await ExportAsync("admin", many, ExportFormat.Xlsx);
        Assert.Equal(new ExportProgress(2500, 2500), progress.Reports[^1]);
        Assert.True(progress.Reports.Count >= 2500 / QuickWinExportService.ReportEvery, "progress follows the rows");
    }

    private async Task<(int Commands, ExportFile File)> CountAsync(int regencyId, ExportFormat format)
    {
        await using var actor = await app.AsAsync("admin");
        var exports = actor.Get<QuickWinExportService>();
        app.Commands.Reset();
        var file = await exports.ExportAsync(regencyId, format);
        return (app.Commands.Count, file);
    }

    /// <summary>Quick wins with three reports (verified, submitted, returned), two milestones and a KPI each.</summary>
    private async Task<int> SeedAsync(int regencyId, int count)
    {
        await using var db = app.CreateDbContext();
        var dimension = await db.Dimensions.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
        for (var i = 0; i < count; i++)
        {
            var quickWin = NewQuickWin(regencyId, dimension, $"Quick win uji {i:D3}", 1_000_000 * (i + 1));
            quickWin.Reports.Add(NewReport(regencyId, "2026-01", 10, ReportState.Verified, $"Laporan {i}"));
            quickWin.Reports.Add(NewReport(regencyId, "2026-02", 20, ReportState.Submitted, null));
            quickWin.Reports.Add(NewReport(regencyId, "2026-03", 30, ReportState.Returned, null));
            quickWin.Milestones.Add(new Milestone { RegencyId = regencyId, Name = "Desain", Weight = 1, DoneDate = new DateOnly(2026, 2, 1) });
            quickWin.Milestones.Add(new Milestone { RegencyId = regencyId, Name = "Uji coba", Weight = 3 });
            quickWin.Kpis.Add(new SmartCity.Domain.QuickWins.Kpi { RegencyId = regencyId, Name = "Pengguna", Unit = "orang", Baseline = 0, Target = 1000, LatestActual = 250.5m });
            db.QuickWins.Add(quickWin);
        }

        await db.SaveChangesAsync();
        return regencyId;
    }

    private static QuickWin NewQuickWin(int regencyId, int dimensionId, string name, decimal budget) => new()
    {
        RegencyId = regencyId,
        Name = name,
        DimensionId = dimensionId,
        StartDate = new DateOnly(2026, 1, 5),
        TargetDate = new DateOnly(2026, 12, 31),
        Budget = budget,
        BudgetSource = "APBD",
        Kind = QuickWinKind.ItSystem,
        Status = QuickWinStatus.Running,
        CreatedAt = new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero),
    };

    private static ProgressReport NewReport(int regencyId, string period, decimal percent, ReportState state, string? narrative)
    {
        Assert.True(ReportingPeriod.TryParse(period, out var p));
        var submitted = new DateTimeOffset(p.LastDay.AddDays(3).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
        return new ProgressReport
        {
            RegencyId = regencyId,
            Period = period,
            PeriodStart = p.FirstDay,
            PeriodEnd = p.LastDay,
            Percent = percent,
            Narrative = narrative,
            State = state,
            CreatedAt = submitted,
            SubmittedAt = submitted,
            VerifiedAt = state == ReportState.Verified ? submitted.AddDays(2) : null,
            ReturnReason = state == ReportState.Returned ? "Kurang lengkap" : null,
        };
    }
}
