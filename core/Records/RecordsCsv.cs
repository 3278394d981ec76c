using System.Text;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Core.Records;

/// <summary><c>findings.csv</c>: the API's finding columns, then the status history on one line (time, who, what, why; oldest first).</summary>
internal static class RecordsCsv
{
    public static string Header { get; } = string.Join(',', FindingsApi.CsvColumns.Select(c => Csv.Cell(c.Header)).Append("statusHistory")) + "\r\n";

    public static string Row(RecordsFinding finding)
    {
        var history = string.Join(" | ", finding.History.Select(e => $"{ApiOutput.Time(e.At)} {e.Actor}: {e.Action}" + (string.IsNullOrEmpty(e.Why) ? "" : $" ({e.Why})")));
        var row = new StringBuilder();
        row.AppendJoin(',', FindingsApi.CsvColumns.Select(c => Csv.Cell(c.Value(finding.Finding))).Append(Csv.Cell(history)));
        return row.Append("\r\n").ToString();
    }
}
