namespace SmartCity.Web.Features.QuickWins.Export;

/// <summary>What <see cref="QuickWinExportService"/> produces.</summary>
public enum ExportFormat
{
    /// <summary>One workbook: quick wins, progress reports and KPIs, one sheet each.</summary>
    Xlsx,

    /// <summary>The quick-win register as CSV.</summary>
    QuickWinsCsv,

    /// <summary>The progress reports as CSV.</summary>
    ReportsCsv,
}

/// <summary>A finished export: complete file content, ready to hand to the browser.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>Rows written so far out of all rows of the export; the last report has <c>Done == Total</c>.</summary>
public sealed record ExportProgress(int Done, int Total);
