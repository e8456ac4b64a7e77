using TriageBot.Evaluation;

namespace TriageBot.Tests.Evaluation;

public class LabelledCsvTests
{
    [Fact]
    public void Reads_quoted_fields_doubled_quotes_and_newlines_with_crlf()
    {
        var csv = "id,text,label\r\n1,plain text,a\r\n2,\"with, comma and \"\"quotes\"\"\",b\r\n3,\"two\r\nlines\",a\r\n";
        var rows = LabelledCsv.Parse(csv);
        Assert.Equal(3, rows.Count);
        Assert.Equal(new LabelledText("1", "plain text", "a"), rows[0]);
        Assert.Equal("with, comma and \"quotes\"", rows[1].Text);
        Assert.Equal("two\r\nlines", rows[2].Text);
        Assert.Equal("a", rows[2].Label);
    }

    [Fact]
    public void Columns_are_found_by_header_name()
    {
        var rows = LabelledCsv.Parse("label,id,text\nx,7,hello\n");
        Assert.Equal(new LabelledText("7", "hello", "x"), Assert.Single(rows));
    }

    [Fact]
    public void Missing_column_is_an_error_that_names_it()
    {
        var ex = Assert.Throws<FormatException>(() => LabelledCsv.Parse("id,body\n1,x\n"));
        Assert.Contains("text", ex.Message);
    }
}
