using SocialMonitor.Core.Api;

namespace SocialMonitor.Tests.Api;

public sealed class CsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Cell_Value_IsEscaped(string? value, string expected) => Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void Write_Rows_UseCrlfAndAHeader() =>
        Assert.Equal("a,b\r\n1,\"x,y\"\r\n,'-2\r\n", Csv.Write(["a", "b"], [["1", "x,y"], [null, "-2"]]));
}
