using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Imports;

namespace SmartCity.IntegrationTests.Imports;

public sealed class ImportServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private const string QuickWinHeader = "regency_code,name,acronym,description,dimension_code,owner_unit,start_date,target_date,budget,budget_source,kind,status";
    private const string ReportHeader = "regency_code,quick_win,period,percent,narrative,obstacles";

    private static MemoryStream File(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private async Task<(int QuickWins, int Reports, int Audit)> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.QuickWins.CountAsync(), await db.ProgressReports.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task The_dry_run_lists_every_bad_row_with_its_line_and_reason_and_writes_nothing()
    {
        var t = Tag();
        var before = await CountsAsync();
        await using var admin = await app.AsAsync("admin");
        using var file = File(
            QuickWinHeader,
            $"33.20,Good {t},G{t},,GOV,DPMPTSP,01/02/2024,31/12/2024,\"1.500.000,50\",APBD,ItSystem,Running",
            $"99.99,Unknown regency {t},,,GOV,,01/02/2024,31/12/2024,100,,ItSystem,Planned",
            $"33.20,Bad dimension {t},,,XYZ,,2024-02-01,2024-12-31,100,,PolicyInnovation,",
            $"33.20,Bad date {t},,,ENV,,31/02/2024,2024-12-31,100,,ItSystem,Planned",
            $"33.20,Target first {t},,,ENV,,2024-12-31,2024-01-01,abc,,ItSystem,Planned",
            $"33.20,Good {t},,,LIV,,2024-02-01,2024-12-31,100,,ItSystem,Planned",
            $"33.20,,,,LIV,,2024-02-01,2024-12-31,100,,Robot,Completed",
            "33.20,too,few");

        var check = await admin.Get<ImportService>().CheckAsync(ImportKind.QuickWins, file, "quick-wins.csv");

        Assert.False(check.CanCommit);
        Assert.Equal(8, check.Rows);
        Assert.Equal(1, check.ValidRows);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], check.Problems.Select(p => p.Line).Distinct().Order().ToList());
        Assert.Contains(check.Problems, p => p.Line == 3 && p.Reason == "regency_code: Kode daerah 99.99 tidak dikenal.");
        Assert.Contains(check.Problems, p => p.Line == 4 && p.Reason.StartsWith("dimension_code: Kode dimensi \"XYZ\" tidak dikenal", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Line == 5 && p.Reason.StartsWith("start_date: Tanggal \"31/02/2024\" tidak valid", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Line == 6 && p.Reason.StartsWith("target_date:", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Line == 6 && p.Reason == "budget: Masukkan angka, misalnya 2,5 atau 1.500.000.");
        Assert.Contains(check.Problems, p => p.Line == 7 && p.Reason == "name: Sama dengan baris 2 berkas ini.");
        Assert.Contains(check.Problems, p => p.Line == 8 && p.Reason == "name: Wajib diisi.");
        Assert.Contains(check.Problems, p => p.Line == 8 && p.Reason.StartsWith("kind: Nilai \"Robot\" tidak dikenal", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Line == 8 && p.Reason.StartsWith("status:", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Line == 9 && p.Reason == "Harus ada 12 kolom, ditemukan 3.");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task One_bad_row_among_good_ones_refuses_the_commit_and_nothing_changes()
    {
        var t = Tag();
        var before = await CountsAsync();
        await using var admin = await app.AsAsync("admin");
        using var file = File(
            QuickWinHeader,
            $"33.20,First {t},,,GOV,,2024-02-01,2024-12-31,100,,ItSystem,Planned",
            $"35.17,Second {t},,,ECO,,2024-02-01,2024-12-31,100,,ItSystem,Planned",
            $"33.27,Third {t},,,SOC,,2024-02-01,2023-12-31,100,,ItSystem,Planned");
        var progress = new List<ImportProgress>();

        var result = await admin.Get<ImportService>().CommitAsync(ImportKind.QuickWins, file, "three.csv", new SyncProgress(progress));

        Assert.False(result.Committed);
        Assert.Equal(0, result.Inserted);
        Assert.Equal(4, Assert.Single(result.Problems).Line);
        Assert.Empty(progress);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_good_file_commits_every_row_with_an_audit_row_each_and_one_batch_row_then_reports_follow()
    {
        var t = Tag();
        await using var admin = await app.AsAsync("admin");
        var imports = admin.Get<ImportService>();
        var before = await CountsAsync();
        using var quickWins = File(
            QuickWinHeader,
            $"33.20,Bank Sampah Digital {t},BSD{t},Tabungan sampah warga,ENV,DPMPTSP,01/03/2024,31/12/2025,\"1.500.000,50\",APBD,ItSystem,Running",
            $"35.17,Layanan Adminduk {t},,,GOV,,2024-01-15,2024-12-31,250000000,,PolicyInnovation,");
        var progress = new List<ImportProgress>();

        var committed = await imports.CommitAsync(ImportKind.QuickWins, quickWins, "qw-" + t + ".csv", new SyncProgress(progress));

        Assert.True(committed.Committed, string.Join("; ", committed.Problems.Select(p => $"{p.Line}: {p.Reason}")));
        Assert.Equal(2, committed.Inserted);
        Assert.Equal(new ImportProgress(2, 2), progress[^1]);
        await using (var db = app.CreateDbContext())
        {
            var saved = await db.QuickWins.AsNoTracking().Where(q => q.Name.EndsWith(t)).OrderBy(q => q.StartDate).ToListAsync();
            Assert.Equal(2, saved.Count);
            var bank = saved.Single(q => q.Acronym == "BSD" + t);
            Assert.Equal(1_500_000.50m, bank.Budget);
            Assert.Equal(new DateOnly(2024, 3, 1), bank.StartDate);
            Assert.Equal(QuickWinStatus.Running, bank.Status);
            Assert.NotNull(bank.OwnerUnitId);
            Assert.Equal(QuickWinStatus.Planned, saved.Single(q => q.Acronym == null).Status);
            var keys = saved.Select(q => q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(QuickWin) && keys.Contains(a.EntityKey)).ToListAsync();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, a => Assert.Equal(AuditAction.Insert, a.Action));
            Assert.All(rows, a => Assert.Equal("admin", a.UserName));
            using (var changes = JsonDocument.Parse(rows.Single(a => a.EntityKey == bank.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Changes))
            {
                Assert.Contains(changes.RootElement.EnumerateArray(), c => c.GetProperty("field").GetString() == "Budget" && c.GetProperty("new").GetString() == "1500000.50");
            }

            var batch = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == ImportService.AuditEntity && a.EntityKey == "qw-" + t + ".csv");
            Assert.Equal(AuditAction.Batch, batch.Action);
            using var json = JsonDocument.Parse(batch.Changes);
            Assert.Equal(2, json.RootElement.GetProperty("inserted").GetInt32());
        }

        Assert.Equal((before.QuickWins + 2, before.Reports, before.Audit + 3), await CountsAsync());

        // Reports of these quick wins: by acronym and by full name, decimal comma, as submitted.
        using var reports = File(
            ReportHeader,
            $"33.20,BSD{t},2024-03,\"40,5\",Bank sampah dibuka di 5 desa,",
            $"33.20,bank sampah digital {t},2024-04,55,Bank sampah dibuka di 9 desa,Truk terbatas",
            $"35.17,Layanan Adminduk {t},2024-02,10,Sosialisasi,");
        var reported = await imports.CommitAsync(ImportKind.Reports, reports, "reports.csv");

        Assert.True(reported.Committed, string.Join("; ", reported.Problems.Select(p => $"{p.Line}: {p.Reason}")));
        await using (var db = app.CreateDbContext())
        {
            var saved = await db.ProgressReports.AsNoTracking().Where(r => db.QuickWins.Any(q => q.Id == r.QuickWinId && q.Name.EndsWith(t))).OrderBy(r => r.Period).ToListAsync();
            Assert.Equal(["2024-02", "2024-03", "2024-04"], saved.Select(r => r.Period).ToList());
            Assert.All(saved, r => Assert.Equal(ReportState.Submitted, r.State));
            var adminId = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            Assert.All(saved, r => Assert.Equal(adminId, r.AuthorId));
            Assert.Equal(40.5m, saved[1].Percent);
            Assert.Equal(new DateOnly(2024, 4, 30), saved[2].PeriodEnd);
            var keys = saved.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Entity == nameof(ProgressReport) && a.Action == AuditAction.Insert && keys.Contains(a.EntityKey)));
        }

        // The same file again: every row is now a duplicate in the database, a future period and a period before the start are refused.
        using var again = File(
            ReportHeader,
            $"33.20,BSD{t},2024-03,41,Lagi,",
            $"33.20,BSD{t},2099-01,41,Masa depan,",
            $"33.20,BSD{t},2024-01,41,Sebelum mulai,",
            $"33.20,BSD{t},2024-05,41,,",
            $"33.20,Tidak Ada {t},2024-05,41,Siapa,");
        var check = await imports.CheckAsync(ImportKind.Reports, again, "again.csv");
        Assert.Equal([2, 3, 4, 5, 6], check.Problems.Select(p => p.Line).ToList());
        Assert.All(check.Problems.Take(3), p => Assert.StartsWith("period:", p.Reason, StringComparison.Ordinal));
        Assert.NotEqual(check.Problems[0].Reason, check.Problems[1].Reason);
        Assert.NotEqual(check.Problems[1].Reason, check.Problems[2].Reason);
        Assert.StartsWith("narrative:", check.Problems[3].Reason, StringComparison.Ordinal);
        Assert.StartsWith("quick_win:", check.Problems[4].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diskominfo.jepara")]
    [InlineData("penilai1")]
    public async Task Only_admins_may_import(string userName)
    {
        var before = await CountsAsync();
        await using var user = await app.AsAsync(userName);
        var imports = user.Get<ImportService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => imports.CheckAsync(ImportKind.QuickWins, File(QuickWinHeader), "x.csv"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => imports.CommitAsync(ImportKind.Reports, File(ReportHeader, "33.20,JOSS,2024-01,10,x,"), "x.csv"));
        Assert.Equal(before, await CountsAsync());
        Assert.Contains(app.Logs.Messages(Serilog.Events.LogEventLevel.Information), m => m.Contains("Access refused", StringComparison.Ordinal) && m.Contains(userName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xlsx_and_csv_of_the_same_rows_parse_the_same()
    {
        var t = Tag();
        string[][] rows =
        [
            [.. QuickWinHeader.Split(',')],
            ["33.20", $"Excel {t}", "", "", "GOV", "", "2024-02-01", "2024-12-31", "450000000", "APBD", "ItSystem", "Planned"],
            ["33.20", $"Excel bad {t}", "", "", "GOV", "", "2024-02-01", "2024-01-01", "72,5", "", "ItSystem", "Planned"],
        ];
        var csv = File(rows.Select(r => string.Join(',', r.Select(f => f.Contains(',', StringComparison.Ordinal) ? $"\"{f}\"" : f))).ToArray());
        using var xlsx = Xlsx(rows);

        Assert.Equal(
            SheetReader.Read(csv, "a.csv").Select(r => string.Join('|', r.Fields)).ToList(),
            SheetReader.Read(xlsx, "a.xlsx").Select(r => string.Join('|', r.Fields)).ToList());

        await using var admin = await app.AsAsync("admin");
        csv.Position = 0;
        xlsx.Position = 0;
        var fromCsv = await admin.Get<ImportService>().CheckAsync(ImportKind.QuickWins, csv, "a.csv");
        var fromXlsx = await admin.Get<ImportService>().CheckAsync(ImportKind.QuickWins, xlsx, "a.xlsx");
        Assert.Equal(1, fromXlsx.ValidRows);
        Assert.Equal(fromCsv.Problems, fromXlsx.Problems);
        Assert.Equal(3, Assert.Single(fromXlsx.Problems).Line);
    }

    [Fact]
    public async Task The_templates_have_the_header_the_import_expects()
    {
        await using var admin = await app.AsAsync("admin");
        var imports = admin.Get<ImportService>();
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            foreach (var xlsx in new[] { false, true })
            {
                var template = imports.Template(kind, xlsx);
                using var content = new MemoryStream(template.Content);
                var rows = SheetReader.Read(content, template.FileName);
                Assert.Equal(ImportService.Columns(kind), rows[0].Fields);
                Assert.Equal(2, rows.Count);
            }
        }
    }

    /// <summary>An xlsx with shared strings, a real date cell (numFmt 14), numbers as numbers.</summary>
    private static MemoryStream Xlsx(string[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
                new Borders(new Border()), new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var text = rows[r][c];
                    if (text.Length == 0)
                    {
                        continue; // a sparse row, as Excel writes it
                    }

                    var reference = $"{(char)('A' + c)}{r + 1}";
                    if (r > 0 && DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                    {
                        row.Append(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()) });
                    }
                    else if (r > 0 && c == 8)
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(decimal.Parse(text.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture)) });
                    }
                    else
                    {
                        strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.SharedStringTable.Count() - 1) });
                    }
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Data" }));
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SyncProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
