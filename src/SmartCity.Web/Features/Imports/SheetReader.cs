using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SmartCity.Web.Common;

namespace SmartCity.Web.Features.Imports;

/// <summary>One data row of an import file: its 1-based line (CSV record line, or xlsx row number) and its cells as text.</summary>
public sealed record SheetRow(int Line, string[] Fields);

/// <summary>
/// Reads the rows of an import file, CSV (RFC 4180 through <see cref="Csv"/>, UTF-8 with or without BOM) or the first sheet
/// of an .xlsx workbook (SAX reader, a row at a time). Xlsx cells come back as the text a CSV would hold: dates formatted as
/// dates come as <c>yyyy-MM-dd</c>, numbers with the Indonesian decimal comma (<c>72,5</c>), so both formats parse the same.
/// </summary>
public static class SheetReader
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Whether a file name or its first bytes say xlsx (a zip package).</summary>
    public static bool IsXlsx(string fileName, ReadOnlySpan<byte> head) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || head is [(byte)'P', (byte)'K', 3, 4, ..];

    /// <summary>All rows, header included; fully blank rows are skipped. Throws <see cref="InvalidDataException"/> on an unreadable file.</summary>
    public static List<SheetRow> Read(MemoryStream content, string fileName)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[4];
        var headLength = content.Read(head);
        content.Position = 0;
        var isXlsx = IsXlsx(fileName, head[..headLength]);
        var rows = isXlsx ? ReadXlsx(content) : ReadCsv(content);
        return rows.Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
    }

    private static IEnumerable<SheetRow> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        foreach (var (line, fields) in Csv.Read(reader))
        {
            yield return new SheetRow(line, fields);
        }
    }

    private static List<SheetRow> ReadXlsx(Stream content)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(content, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
            var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
            var sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            var rows = new List<SheetRow>();
            using var reader = OpenXmlReader.Create(sheet);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }

                    cells.Add(CellText(cell, shared, dateStyles));
                }

                rows.Add(new SheetRow((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), [.. cells]));
            }

            return rows;
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException("Not a readable xlsx workbook.", e);
        }
    }

    private static string CellText(Cell cell, List<string> shared, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Count ? shared[index] : "";
        }

        if (type == CellValues.Boolean)
        {
            return value == "1" ? "true" : "false";
        }

        if (value is null || type == CellValues.String || type == CellValues.Error)
        {
            return value ?? "";
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value;
        }

        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is > 0 and < 2958466)
        {
            return DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return ((decimal)number).ToString("0.############", Indonesian);
    }

    /// <summary>Style indexes whose number format shows a date: the built-in date formats, or a custom code with day/month/year letters.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var styles = new HashSet<uint>();
        if (stylesheet?.CellFormats is null)
        {
            return styles;
        }

        var customDates = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateCode(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58 || customDates.Contains(id))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    private static bool IsDateCode(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var outsideQuotes = new StringBuilder();
        var quoted = false;
        foreach (var c in code)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                outsideQuotes.Append(char.ToLowerInvariant(c));
            }
        }

        var text = outsideQuotes.ToString();
        return text.Contains('d', StringComparison.Ordinal) || text.Contains('y', StringComparison.Ordinal);
    }

    /// <summary>"C7" → 2.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return Math.Max(index - 1, 0);
    }
}
