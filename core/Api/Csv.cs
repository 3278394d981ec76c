using System.Text;

namespace SocialMonitor.Core.Api;

/// <summary>
/// RFC 4180 CSV: CRLF line ends, a field with a comma, a quote or a line break quoted, quotes doubled. A cell that a
/// spreadsheet would read as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return)
/// gets a leading apostrophe, so that text from a post never runs as a formula in the coordinator's spreadsheet.
/// </summary>
public static class Csv
{
    public static string Write(IReadOnlyList<string> headers, IEnumerable<IEnumerable<string?>> rows)
    {
        var csv = new StringBuilder();
        AppendRow(csv, headers);
        foreach (var row in rows)
        {
            AppendRow(csv, row);
        }
        return csv.ToString();
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string?> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }
}
