using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SmartCity.Web.Common;

namespace SmartCity.Web.Features.QuickWins.Export;

/// <summary>How a number is shown: in xlsx through a number format, in CSV always as an invariant decimal.</summary>
internal enum NumberKind
{
    Integer,
    Money,
    Percent,
    Decimal,
}

/// <summary>A column of an exported table: its localized header and its width in xlsx (characters).</summary>
internal sealed record ExportColumn(string Header, double Width);

/// <summary>Receives one table, row by row, cell by cell (the same row code writes xlsx and CSV).</summary>
internal interface ITableWriter
{
    /// <summary>Text typed by users (names, narratives): guarded against spreadsheet formula injection in CSV.</summary>
    void Text(string? value);

    /// <summary>Text the portal generates (codes, labels, ISO instants).</summary>
    void Plain(string? value);

    void Number(decimal? value, NumberKind kind);

    void Date(DateOnly? value);

    void EndRow();
}

/// <summary>
/// RFC 4180 CSV (<see cref="Csv"/>): UTF-8 with BOM so Excel recognises the encoding, CRLF rows, a header row.
/// The file is meant to be machine-readable, so numbers use the invariant '.' decimal separator and no grouping
/// (450000000, 72.5) and dates are ISO 8601 (yyyy-MM-dd), whatever the UI culture; headers and labels follow the UI culture.
/// </summary>
internal sealed class CsvTableWriter : ITableWriter, IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly StreamWriter _writer;
    private readonly List<string?> _fields = [];

    public CsvTableWriter(IEnumerable<ExportColumn> columns)
    {
        _writer = new StreamWriter(_stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        _writer.Write(Csv.Line(columns.Select(c => c.Header)));
    }

    public void Text(string? value) => _fields.Add(DefuseFormula(value));

    public void Plain(string? value) => _fields.Add(value);

    public void Number(decimal? value, NumberKind kind) => _fields.Add(value?.ToString("0.####", CultureInfo.InvariantCulture));

    public void Date(DateOnly? value) => _fields.Add(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public void EndRow()
    {
        _writer.Write(Csv.Line(_fields));
        _fields.Clear();
    }

    public byte[] ToArray()
    {
        _writer.Flush();
        return _stream.ToArray();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>
    /// A user's text that starts with = + - @ (or a tab/CR) would run as a formula when the CSV is opened in a spreadsheet
    /// (OWASP "CSV injection"): such a value gets a leading apostrophe. Every other value round-trips unchanged.
    /// </summary>
    internal static string? DefuseFormula(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}

/// <summary>
/// Writes an .xlsx workbook with the SAX <see cref="OpenXmlWriter"/>: rows go straight to the part's stream, so memory
/// does not grow with a DOM of all cells. Strings are inline, dates are real date cells, money and percents numeric.
/// </summary>
internal sealed class XlsxWorkbookWriter : IDisposable
{
    /// <summary>Cell style indexes into the stylesheet written by <see cref="WriteStyles"/>.</summary>
    private const uint HeaderStyle = 1, DateStyle = 2, MoneyStyle = 3, PercentStyle = 4, IntegerStyle = 5, DecimalStyle = 6;

    private const int MaxCellText = 32_767;

    private readonly MemoryStream _stream = new();
    private readonly SpreadsheetDocument _document;
    private readonly List<(string Name, string PartId)> _sheets = [];

    public XlsxWorkbookWriter()
    {
        _document = SpreadsheetDocument.Create(_stream, SpreadsheetDocumentType.Workbook);
        _document.AddWorkbookPart();
        WriteStyles(_document.WorkbookPart!.AddNewPart<WorkbookStylesPart>());
    }

    /// <summary>Starts a sheet; dispose the returned writer to finish it before starting the next.</summary>
    public SheetWriter AddSheet(string name, IReadOnlyList<ExportColumn> columns)
    {
        var part = _document.WorkbookPart!.AddNewPart<WorksheetPart>();
        _sheets.Add((name, _document.WorkbookPart.GetIdOfPart(part)));
        return new SheetWriter(OpenXmlWriter.Create(part), columns);
    }

    /// <summary>Finishes the package and returns its bytes.</summary>
    public byte[] Complete()
    {
        var sheets = new Sheets();
        uint id = 1;
        foreach (var (name, partId) in _sheets)
        {
            sheets.Append(new Sheet { Name = name, SheetId = id++, Id = partId });
        }

        _document.WorkbookPart!.Workbook = new Workbook(sheets);
        _document.WorkbookPart.Workbook.Save();
        _document.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    private static void WriteStyles(WorkbookStylesPart part)
    {
        part.Stylesheet = new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "dd mmm yyyy" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "\"Rp\"#,##0" })
            { Count = 2 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 2, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
            { Count = 7 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        part.Stylesheet.Save();
    }

    /// <summary>Streams one worksheet: frozen header row, column widths, rows, and an auto-filter over all of them.</summary>
    internal sealed class SheetWriter : ITableWriter, IDisposable
    {
        private readonly OpenXmlWriter _writer;
        private readonly int _columnCount;
        private uint _row;
        private int _column;
        private bool _rowOpen;

        public SheetWriter(OpenXmlWriter writer, IReadOnlyList<ExportColumn> columns)
        {
            _writer = writer;
            _columnCount = columns.Count;
            _writer.WriteStartElement(new Worksheet());
            _writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }));
            var cols = new Columns();
            for (var i = 0; i < columns.Count; i++)
            {
                cols.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columns[i].Width, CustomWidth = true });
            }

            _writer.WriteElement(cols);
            _writer.WriteStartElement(new SheetData());
            foreach (var column in columns)
            {
                Cell(InlineText(column.Header), style: HeaderStyle);
            }

            EndRow();
        }

        public void Text(string? value) => Plain(value);

        public void Plain(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                Skip();
                return;
            }

            Cell(InlineText(value));
        }

        public void Number(decimal? value, NumberKind kind)
        {
            if (value is not { } number)
            {
                Skip();
                return;
            }

            Cell(new CellValue(number), style: kind switch
            {
                NumberKind.Money => MoneyStyle,
                NumberKind.Percent => PercentStyle,
                NumberKind.Decimal => DecimalStyle,
                _ => IntegerStyle,
            });
        }

        /// <summary>A date cell: the serial day number (OLE automation date) with the dd mmm yyyy format.</summary>
        public void Date(DateOnly? value)
        {
            if (value is not { } date)
            {
                Skip();
                return;
            }

            Cell(new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()), style: DateStyle);
        }

        public void EndRow()
        {
            OpenRow();
            _writer.WriteEndElement(); // row
            _rowOpen = false;
            _column = 0;
        }

        public void Dispose()
        {
            if (_rowOpen)
            {
                EndRow();
            }

            _writer.WriteEndElement(); // sheetData
            _writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(_columnCount - 1)}{Math.Max(_row, 1)}" });
            _writer.WriteEndElement(); // worksheet
            _writer.Close();
        }

        private void OpenRow()
        {
            if (!_rowOpen)
            {
                _row++;
                _writer.WriteStartElement(new Row { RowIndex = _row });
                _rowOpen = true;
            }
        }

        private void Skip()
        {
            OpenRow();
            _column++;
        }

        private void Cell(OpenXmlElement content, uint style = 0)
        {
            OpenRow();
            var cell = new Cell { CellReference = ColumnName(_column) + _row.ToString(CultureInfo.InvariantCulture) };
            if (content is InlineString)
            {
                cell.DataType = CellValues.InlineString;
            }

            if (style != 0)
            {
                cell.StyleIndex = style;
            }

            cell.Append(content);
            _writer.WriteElement(cell);
            _column++;
        }

        private static InlineString InlineText(string value) =>
            new(new Text(CleanForXml(value)) { Space = SpaceProcessingModeValues.Preserve });

        /// <summary>XML 1.0 forbids most control characters; a cell holds at most 32,767 characters.</summary>
        private static string CleanForXml(string value)
        {
            var text = value.Length > MaxCellText ? value[..MaxCellText] : value;
            if (!text.Any(c => char.IsControl(c) && c is not '\t' and not '\n' and not '\r' || char.IsSurrogate(c)))
            {
                return text;
            }

            var clean = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    clean.Append(c).Append(text[++i]);
                }
                else if (!char.IsSurrogate(c) && (!char.IsControl(c) || c is '\t' or '\n' or '\r'))
                {
                    clean.Append(c);
                }
            }

            return clean.ToString();
        }

        internal static string ColumnName(int index)
        {
            var name = "";
            for (var n = index + 1; n > 0; n = (n - 1) / 26)
            {
                name = (char)('A' + ((n - 1) % 26)) + name;
            }

            return name;
        }
    }
}
