using System.Text;
using SmartCity.Web.Common;

namespace SmartCity.UnitTests.Web.Common;

public class CsvTests
{
    [Fact]
    public void Reads_plain_records_with_their_line_numbers()
    {
        var records = Read("code,name\n33.20,Jepara\n35.17,Jombang\n");

        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
        Assert.Equal(["code", "name"], records[0].Fields);
        Assert.Equal(["33.20", "Jepara"], records[1].Fields);
        Assert.Equal(["35.17", "Jombang"], records[2].Fields);
    }

    [Fact]
    public void Quoted_fields_may_hold_commas()
    {
        var record = Assert.Single(Read("33.20,\"Kabupaten Jepara, Jawa Tengah\",x"));

        Assert.Equal(["33.20", "Kabupaten Jepara, Jawa Tengah", "x"], record.Fields);
    }

    [Fact]
    public void Doubled_quotes_inside_quotes_are_one_quote()
    {
        var record = Assert.Single(Read("\"JOSS \"\"Jepara Online Smart Service\"\"\",\"\"\"\",\"a\"\"\"\n"));

        Assert.Equal(["JOSS \"Jepara Online Smart Service\"", "\"", "a\""], record.Fields);
    }

    [Fact]
    public void Quoted_fields_may_span_lines_and_the_next_record_keeps_its_own_line_number()
    {
        var records = Read("id,note\n1,\"first line\nsecond line\nthird line\"\n2,plain\n3,\"x\"\n");

        Assert.Equal([1, 2, 5, 6], records.Select(r => r.Line));
        Assert.Equal(["1", "first line\nsecond line\nthird line"], records[1].Fields);
        Assert.Equal(["2", "plain"], records[2].Fields);
        Assert.Equal(["3", "x"], records[3].Fields);
    }

    [Fact]
    public void CRLF_rows_give_the_same_records_and_line_numbers_as_LF_rows()
    {
        var lf = Read("a,b\n\"c\nd\",e\nf,g\n");
        var crlf = Read("a,b\r\n\"c\nd\",e\r\nf,g\r\n");

        Assert.Equal(lf.Select(r => r.Line), crlf.Select(r => r.Line));
        Assert.Equal([1, 2, 4], crlf.Select(r => r.Line));
        Assert.Equal(lf.Select(r => string.Join("|", r.Fields)), crlf.Select(r => string.Join("|", r.Fields)));
    }

    [Fact]
    public void CRLF_inside_quotes_is_kept_and_counted_as_one_line()
    {
        var records = Read("\"a\r\nb\",c\r\nd,e\r\n");

        Assert.Equal(["a\r\nb", "c"], records[0].Fields);
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public void A_lone_CR_ends_a_record()
    {
        var records = Read("a,b\rc,d");

        Assert.Equal([1, 2], records.Select(r => r.Line));
        Assert.Equal(["c", "d"], records[1].Fields);
    }

    [Fact]
    public void The_last_record_needs_no_trailing_newline()
    {
        var with = Read("a,b\nc,d\n");
        var without = Read("a,b\nc,d");

        Assert.Equal(2, with.Count);
        Assert.Equal(2, without.Count);
        Assert.Equal(["c", "d"], without[1].Fields);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted()
    {
        var records = Read("a\n\n\nb\r\n\r\n");

        Assert.Equal([(1, "a"), (4, "b")], records.Select(r => (r.Line, r.Fields.Single())));
    }

    [Fact]
    public void Empty_input_has_no_records()
    {
        Assert.Empty(Read(""));
        Assert.Empty(Read("\n\r\n"));
    }

    [Fact]
    public void Empty_fields_are_kept()
    {
        var records = Read(",,\na,,b\n\"\",x,\n\"\"\n");

        Assert.Equal(["", "", ""], records[0].Fields);
        Assert.Equal(["a", "", "b"], records[1].Fields);
        Assert.Equal(["", "x", ""], records[2].Fields);
        Assert.Equal([""], records[3].Fields);
        Assert.Equal([1, 2, 3, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Spaces_are_not_trimmed()
    {
        var record = Assert.Single(Read(" a , b "));

        Assert.Equal([" a ", " b "], record.Fields);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_literal()
    {
        var record = Assert.Single(Read("5\" disk,b"));

        Assert.Equal(["5\" disk", "b"], record.Fields);
    }

    [Fact]
    public void A_byte_order_mark_in_the_text_is_not_stripped_by_Csv()
    {
        var record = Assert.Single(Read("\uFEFFcode,name\n"));

        Assert.Equal("\uFEFFcode", record.Fields[0]);
    }

    [Fact]
    public void A_byte_order_mark_in_the_bytes_is_removed_by_the_StreamReader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("code,name\n33.20,Jepara\n")).ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);

        var records = Csv.Read(reader).ToList();

        Assert.Equal(["code", "name"], records[0].Fields);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("Jepara", "Jepara")]
    [InlineData(" padded ", " padded ")]
    [InlineData("Jepara, Jawa Tengah", "\"Jepara, Jawa Tengah\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("cr\ronly", "\"cr\ronly\"")]
    public void Escape_quotes_only_when_needed(string? value, string expected)
    {
        Assert.Equal(expected, Csv.Escape(value));
    }

    [Fact]
    public void Line_is_CRLF_terminated()
    {
        Assert.Equal("a,\"b,c\",,d\r\n", Csv.Line(["a", "b,c", null, "d"]));
    }

    [Fact]
    public void Lines_read_back_to_the_same_values()
    {
        string?[][] rows =
        [
            ["code", "name", "note"],
            ["33.20", "Kabupaten Jepara, Jawa Tengah", "JOSS \"Jepara Online Smart Service\""],
            ["35.17", "multi\r\nline\nnote", ""],
            [null, "", "\"quoted\""],
            ["33.27", "Pemalang", " spaced , out "],
        ];
        var text = string.Concat(rows.Select(Csv.Line));

        var records = Read(text);

        Assert.Equal(rows.Length, records.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].Select(v => v ?? ""), records[i].Fields);
        }

        Assert.Equal([1, 2, 3, 6, 7], records.Select(r => r.Line));
    }

    private static List<(int Line, string[] Fields)> Read(string text)
    {
        using var reader = new StringReader(text);
        return Csv.Read(reader).ToList();
    }
}
