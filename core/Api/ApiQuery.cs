using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Accounts;

namespace SocialMonitor.Core.Api;

/// <summary>
/// One request's query parameters: only those the endpoint names are accepted (a misspelt filter is a 400, never a
/// silently wider answer), each value is checked against its form, and every problem names the parameter.
/// </summary>
public sealed partial class ApiQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxValues = 20;
    public const int MaxValueLength = 200;

    /// <summary>A token holds a position per location read, so it grows with the district: room for a hundred locations.</summary>
    public const int MaxTokenLength = 16 * 1024;

    private readonly IQueryCollection _query;

    public ApiQuery(HttpRequest request, params string[] known)
    {
        _query = request.Query;
        if (_query.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw ApiProblemException.BadParameter(unknown, known.Length == 0
                ? "is not known: this endpoint takes no query parameters"
                : $"is not known here; the parameters are {string.Join(", ", known)}");
        }
    }

    /// <summary>The value, or null when absent; given twice it is a 400.</summary>
    public string? Value(string name, int maxLength = MaxValueLength)
    {
        var values = _query[name];
        if (values.Count > 1)
        {
            throw ApiProblemException.BadParameter(name, "is given more than once");
        }
        var value = values.Count == 1 ? values[0] : null;
        if (value?.Length > maxLength || value?.Any(char.IsControl) == true)
        {
            throw ApiProblemException.BadParameter(name, $"must be at most {maxLength} printable characters");
        }
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Values given comma-separated, repeated, or both; each must be <paramref name="valid"/> (<paramref name="form"/> says what that is).</summary>
    public IReadOnlyList<string> List(string name, Func<string, bool> valid, string form)
    {
        var values = _query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        if (values.Count > MaxValues)
        {
            throw ApiProblemException.BadParameter(name, $"takes at most {MaxValues} values");
        }
        if (values.FirstOrDefault(v => v.Length > MaxValueLength || !valid(v)) is { } bad)
        {
            throw ApiProblemException.BadParameter(name, $"must be {form} (comma-separated for several); '{Shorten(bad)}' is not");
        }
        return values;
    }

    public IReadOnlyList<string> Slugs(string name) =>
        List(name, AccountsFilePatterns.Slug().IsMatch, "an id of lowercase letters, digits and hyphens");

    public IReadOnlyList<string> RuleIds(string name) =>
        List(name, RuleId().IsMatch, "a rule id such as conduct.profanity");

    public IReadOnlyList<string> OneOf(string name, IReadOnlyList<string> allowed) =>
        List(name, allowed.Contains, $"one of {string.Join(", ", allowed)}");

    /// <summary>
    /// Each of <paramref name="values"/> must be one of <paramref name="known"/>: an unknown one is a 400 that names it
    /// and the near one (as the accounts file does), never a filter that silently answers nothing.
    /// </summary>
    public static IReadOnlyList<string> MustBeKnown(string name, IReadOnlyList<string> values, IReadOnlyList<string> known, string what)
    {
        if (values.FirstOrDefault(v => !known.Contains(v, StringComparer.Ordinal)) is { } unknown)
        {
            var closest = NearMiss.Closest(unknown, known);
            throw ApiProblemException.BadParameter(name, $"names no {what}: there is no {what} '{Shorten(unknown)}'"
                + (closest is null ? "" : $" (did you mean '{closest}'?)"));
        }
        return values;
    }

    /// <summary>
    /// A UTC ISO 8601 time (<c>2026-10-01T15:00:00Z</c>), or a date (<c>2026-10-01</c>): the whole day in
    /// <paramref name="zone"/>, the library's time zone, so its midnight there as a start and the next midnight as an end.
    /// </summary>
    public DateTimeOffset? Time(string name, TimeZoneInfo zone, bool end)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Value(name) is not { } text)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = (end ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
        }
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        throw ApiProblemException.BadParameter(name, $"must be an ISO 8601 date or UTC time such as 2026-10-01 or 2026-10-01T15:00:00Z; '{Shorten(text)}' is not");
    }

    public int PageSize()
    {
        if (Value("pageSize") is not { } text)
        {
            return DefaultPageSize;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw ApiProblemException.BadParameter("pageSize", $"must be a whole number from 1 to {MaxPageSize}");
    }

    public string? ContinuationToken() => Value("continuationToken", MaxTokenLength);

    /// <summary>
    /// A from/to pair as a half-open range [from, to), checked to be in order: a date alone is its whole day in
    /// <paramref name="zone"/>, so <c>to=2026-10-15</c> includes that day and <c>from=2026-10-15&amp;to=2026-10-15</c> is that day.
    /// </summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Range(TimeZoneInfo zone)
    {
        var (from, to) = (Time("from", zone, end: false), Time("to", zone, end: true));
        return from >= to ? throw ApiProblemException.BadParameter("to", "must be later than 'from'") : (from, to);
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();
}
