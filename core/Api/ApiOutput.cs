using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Api;

/// <summary>
/// How answers are written: JSON by default (docs/architecture.md, "Conventions"); a list as <c>{"items":[...],"continuationToken":...}</c>,
/// or as RFC 4180 CSV for <c>?format=csv</c> or <c>Accept: text/csv</c>, with the continuation token in the
/// <c>X-Continuation-Token</c> header.
/// </summary>
public static class ApiOutput
{
    public const string CsvContentType = "text/csv; charset=utf-8; header=present";
    public const string ContinuationHeader = "X-Continuation-Token";

    /// <summary>Whether the caller asked for CSV: <c>format</c> decides when given, else the <c>Accept</c> header.</summary>
    public static bool WantsCsv(HttpRequest request, ApiQuery query)
    {
        switch (query.Value("format"))
        {
            case "csv":
                return true;
            case "json":
                return false;
            case { } other:
                throw ApiProblemException.BadParameter("format", $"must be json or csv, not '{other}'");
        }
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string type) => accept.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var csv = Quality("text/csv");
        return csv > 0 && csv >= Quality("application/json");
    }

    public static Task WriteJsonAsync<T>(HttpContext context, T value, CancellationToken cancellationToken) =>
        context.Response.WriteAsJsonAsync(value, ItemJson.Options, cancellationToken);

    public static Task WriteListAsync<T>(
        HttpContext context, bool csv, IReadOnlyList<T> items, string? continuationToken, IReadOnlyList<CsvColumn<T>> columns, CancellationToken cancellationToken)
    {
        if (!csv)
        {
            return WriteJsonAsync(context, new { items, continuationToken }, cancellationToken);
        }
        if (continuationToken is not null)
        {
            context.Response.Headers[ContinuationHeader] = continuationToken;
        }
        context.Response.ContentType = CsvContentType;
        return context.Response.WriteAsync(
            Csv.Write([.. columns.Select(c => c.Header)], items.Select(item => columns.Select(c => c.Value(item)))), cancellationToken);
    }

    /// <summary>A time as CSV writes it: UTC ISO 8601, like the JSON.</summary>
    public static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
