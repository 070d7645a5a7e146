namespace SmartCity.Web.Features.QuickWins.Export;

/// <summary>The two table formats every list exports to.</summary>
public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// The one way a list becomes a file: the caller writes its rows once through <see cref="ITableWriter"/>, and the same code
/// produces CSV (<see cref="CsvTableWriter"/>: UTF-8 BOM, invariant numbers, ISO dates, formula-injection guard) or a one-sheet
/// xlsx (<see cref="XlsxWorkbookWriter"/>: typed cells, frozen header, auto-filter).
/// </summary>
internal static class TableExport
{
    public const string XlsxContentType = QuickWinExportService.XlsxContentType;
    public const string CsvContentType = QuickWinExportService.CsvContentType;

    /// <summary>Writes the rows in <paramref name="format"/>; the file is <c>{stem}.csv</c> or <c>{stem}.xlsx</c>.</summary>
    public static async Task<ExportFile> WriteAsync(
        TableFormat format, string stem, string sheetName, IReadOnlyList<ExportColumn> columns, Func<ITableWriter, Task> writeRows)
    {
        if (format == TableFormat.Xlsx)
        {
            using var workbook = new XlsxWorkbookWriter();
            using (var sheet = workbook.AddSheet(SheetName(sheetName), columns))
            {
                await writeRows(sheet);
            }

            return new ExportFile(stem + ".xlsx", XlsxContentType, workbook.Complete());
        }

        using var csv = new CsvTableWriter(columns);
        await writeRows(csv);
        return new ExportFile(stem + ".csv", CsvContentType, csv.ToArray());
    }

    /// <summary>The synchronous form of <see cref="WriteAsync"/>.</summary>
    public static ExportFile Write(TableFormat format, string stem, string sheetName, IReadOnlyList<ExportColumn> columns, Action<ITableWriter> writeRows) =>
        WriteAsync(format, stem, sheetName, columns, table =>
        {
            writeRows(table);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>Writes a row of portal-generated texts.</summary>
    public static void PlainRow(this ITableWriter table, IEnumerable<string?> values)
    {
        foreach (var value in values)
        {
            table.Plain(value);
        }

        table.EndRow();
    }

    /// <summary>Excel allows 31 characters and none of <c>[]:*?/\</c> in a sheet name.</summary>
    private static string SheetName(string name)
    {
        var clean = string.Concat(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')));
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet1" : clean;
    }
}
