using System.Globalization;
using System.Net;
using System.Text;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Records;

/// <summary>
/// One printable, self-contained HTML page (no script, no outside resource) of a thread: the post and every comment and
/// reply in thread order (<see cref="ThreadOrder"/>), each with author, time, permalink, every version (an edit shows
/// each text), deletions, hides and removals marked, media listed, and the findings beside it. Everything that came
/// from a platform is HTML-encoded.
/// </summary>
public static class ThreadPage
{
    public const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;max-width:60em;margin:2em auto;color:#111}
        .item{display:flex;gap:1em;border-top:1px solid #999;padding:.6em 0;break-inside:avoid}
        .body{flex:3}.findings{flex:2;font-size:90%;border-left:3px solid #c60;padding-left:.6em}
        .mark{font-weight:bold;padding:0 .3em;border:1px solid #000;margin-right:.3em}
        .deleted .text,.removed .text{text-decoration:line-through}
        .version{margin:.3em 0;padding:.3em;background:#f4f4f4;white-space:pre-wrap}
        .meta{color:#444;font-size:90%}
        @media print{a{color:#000}}
        """;

    public static string Render(string title, string scope, IReadOnlyList<ItemRecord> records, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(records);
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
            .Append(Style).Append("</style></head><body>\n<h1>").Append(E(title)).Append("</h1>\n<p class=\"meta\">")
            .Append(E(scope)).Append(". Times in UTC and in ").Append(E(zone.Id)).Append(".</p>\n");
        if (!records.Any(r => r.Index.Kind == ItemKinds.Post) && records.Count > 0 && records[0].Index.Stream is { } stream && stream.Contains(':', StringComparison.Ordinal))
        {
            html.Append("<p class=\"meta\">The post (").Append(E(stream[(stream.IndexOf(':', StringComparison.Ordinal) + 1)..]))
                .Append(") is not in this export's scope; its comments and replies that are follow.</p>\n");
        }
        foreach (var (record, depth) in ThreadOrder.Of(records))
        {
            Item(html, record, depth, zone);
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static void Item(StringBuilder html, ItemRecord record, int depth, TimeZoneInfo zone)
    {
        var index = record.Index;
        var latest = record.Latest;
        var gone = record.Events.LastOrDefault(e => e.Event is ItemEvents.Deleted or ItemEvents.Removed);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"item {(gone?.Event ?? (index.Hidden ? "hidden" : "shown"))}\" id=\"{E(RecordsPaths.Safe(index.ItemId))}\" style=\"margin-left:{depth * 2}em\">");
        html.Append("<div class=\"body\"><div class=\"meta\">");
        if (gone is not null)
        {
            html.Append("<span class=\"mark\">").Append(gone.Event == ItemEvents.Deleted ? "DELETED" : "REMOVED").Append("</span>");
        }
        if (index.Hidden)
        {
            html.Append("<span class=\"mark\">HIDDEN</span>");
        }
        if (record.Versions.Count() > 1)
        {
            html.Append("<span class=\"mark\">EDITED</span>");
        }
        html.Append("<b>").Append(E(index.Origin)).Append(' ').Append(E(index.Kind)).Append("</b> by ")
            .Append(E(latest?.Author?.Name ?? "unknown")).Append(latest?.Author?.Id is { } author ? $" (id {E(author)})" : "")
            .Append(", created ").Append(Time(index.CreatedAt, zone)).Append("<br>id ").Append(E(index.ItemId));
        if (latest?.Permalink is { } permalink)
        {
            html.Append(" · <a href=\"").Append(Uri.TryCreate(permalink, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? E(permalink) : "#")
                .Append("\">").Append(E(permalink)).Append("</a>");
        }
        html.Append("</div>\n");
        foreach (var version in record.Versions)
        {
            html.Append("<div class=\"version\"><div class=\"meta\">Version ").Append(version.Version?.ToString(CultureInfo.InvariantCulture))
                .Append(", captured ").Append(Time(version.At, zone)).Append(version.Item?.EditedAt is { } edited ? ", edited on the platform " + Time(edited, zone) : "")
                .Append("</div><div class=\"text\">").Append(E(version.Item?.Text ?? "(not kept)")).Append("</div>");
            Media(html, version.Item);
            html.Append("</div>\n");
        }
        foreach (var e in record.Events)
        {
            html.Append("<div class=\"meta\">").Append(E(e.Event!)).Append(' ').Append(Time(e.At, zone))
                .Append(e.Detail is { } detail ? ": " + E(detail) : "").Append("</div>\n");
        }
        html.Append("</div><div class=\"findings\">");
        if (record.Findings.Count == 0)
        {
            html.Append("<span class=\"meta\">No findings.</span>");
        }
        foreach (var (finding, history) in record.Findings)
        {
            html.Append("<p><b>").Append(E(RuleTexts.For(finding.Rule).Title)).Append("</b> (").Append(E(finding.Rule)).Append(", ").Append(E(finding.Severity))
                .Append(")<br>status <b>").Append(E(finding.Status)).Append("</b>")
                .Append(finding.Resolution is { } resolution ? ": " + E(resolution) : "")
                .Append(finding.DismissReason is { } reason ? ": dismissed as " + E(reason) : "")
                .Append("<br>evidence: ").Append(E(finding.Evidence)).Append("<br>first seen ").Append(Time(finding.FirstSeen, zone));
            foreach (var entry in history)
            {
                html.Append("<br>· ").Append(Time(entry.At, zone)).Append(' ').Append(E(entry.Actor)).Append(": ").Append(E(entry.Action))
                    .Append(string.IsNullOrEmpty(entry.Why) ? "" : " (" + E(entry.Why) + ")");
            }
            html.Append("</p>");
        }
        html.Append("</div></div>\n");
    }

    private static void Media(StringBuilder html, Item? item)
    {
        if (item is null || item.Media.Count == 0 && item.Links.Count == 0)
        {
            return;
        }
        html.Append("<ul class=\"meta\">");
        foreach (var media in item.Media)
        {
            html.Append("<li>").Append(E(media.Type)).Append(": ").Append(E(media.Url ?? "")).Append(media.AltText is { } alt ? ", alt text: " + E(alt) : "").Append("</li>");
        }
        foreach (var link in item.Links)
        {
            html.Append("<li>link: ").Append(E(link)).Append("</li>");
        }
        html.Append("</ul>");
    }

    private static string Time(DateTimeOffset? at, TimeZoneInfo zone) => RecordTime.Of(at, zone) is { } t ? $"{t.Utc} ({E(RecordTime.Readable(at!.Value, zone))})" : "unknown";

    public static string E(string text) => WebUtility.HtmlEncode(text);
}
