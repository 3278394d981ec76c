using System.Globalization;

namespace SocialMonitor.Core.Records;

/// <summary><c>threads/index.html</c>: the export's query and one row per thread page, written as the pages are.</summary>
internal static class IndexPage
{
    public const string Tail = "</tbody></table></body></html>\n";

    public static string Head(RecordsQuery query, TimeZoneInfo zone) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Records export</title><style>" + ThreadPage.Style
        + "td,th{text-align:left;padding:.2em .6em}</style></head><body>\n<h1>Records export</h1>\n<p class=\"meta\">"
        + ThreadPage.E(query.Describe()) + ". Times in UTC and in " + ThreadPage.E(zone.Id) + ". The manifest (manifest.json) lists every file with its SHA-256.</p>\n"
        + "<table><thead><tr><th>page</th><th>location</th><th>items</th></tr></thead><tbody>\n";

    public static string Row(string path, string title, Accounts.Account account, int items) => string.Create(CultureInfo.InvariantCulture,
        $"<tr><td><a href=\"{ThreadPage.E(Path.GetFileName(path))}\">{ThreadPage.E(title)}</a></td><td>{ThreadPage.E(account.Location)}</td><td>{items}</td></tr>\n");
}
