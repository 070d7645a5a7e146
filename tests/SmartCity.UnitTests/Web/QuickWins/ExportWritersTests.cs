using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using SmartCity.Web.Common;
using SmartCity.Web.Features.QuickWins.Export;

namespace SmartCity.UnitTests.Web.QuickWins;

public sealed class ExportWritersTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(51, "AZ")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names_follow_the_spreadsheet_alphabet(int index, string name) =>
        Assert.Equal(name, XlsxWorkbookWriter.SheetWriter.ColumnName(index));

    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+62 812", "'+62 812")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("Nama biasa, dengan koma", "Nama biasa, dengan koma")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void User_text_that_would_run_as_a_formula_is_defused_in_CSV(string? value, string? expected) =>
        Assert.Equal(expected, CsvTableWriter.DefuseFormula(value));

    [Fact]
    public void A_CSV_has_a_BOM_CRLF_rows_invariant_numbers_and_ISO_dates()
    {
        using var csv = new CsvTableWriter([new("Nama", 10), new("Anggaran", 10), new("Mulai", 10)]);
        csv.Text("A \"b\", c");
        csv.Number(1234567.5m, NumberKind.Money);
        csv.Date(new DateOnly(2026, 1, 5));
        csv.EndRow();

        var bytes = csv.ToArray();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.Equal("Nama,Anggaran,Mulai\r\n\"A \"\"b\"\", c\",1234567.5,2026-01-05\r\n", text);
        Assert.Equal(["A \"b\", c", "1234567.5", "2026-01-05"], Csv.Read(new StringReader(text)).Last().Fields);
    }

    [Fact]
    public void Control_characters_are_dropped_so_the_workbook_stays_valid_XML()
    {
        byte[] bytes;
        using (var workbook = new XlsxWorkbookWriter())
        {
            using (var sheet = workbook.AddSheet("Uji", [new("Teks", 10), new("Angka", 10)]))
            {
                sheet.Text("a\u0001b\u000Bc\td\ud83d\ude00 ");
                sheet.Number(null, NumberKind.Integer);
                sheet.EndRow();
            }

            bytes = workbook.Complete();
        }

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        Assert.Equal(["A1", "B1", "A2"], cells.Select(c => c.CellReference!.Value));
        Assert.Equal("abc\td\ud83d\ude00 ", cells[2].InlineString!.Text!.Text);
    }
}
