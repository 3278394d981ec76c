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

    /// <summary>A UTC ISO 8601 time (<c>2026-10-01T00:00:00Z</c>) or date (<c>2026-10-01</c>, its midnight UTC).</summary>
    public DateTimeOffset? Time(string name)
    {
        if (Value(name) is not { } text)
        {
            return null;
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

    /// <summary>A from/to pair, checked to be in order.</summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Range()
    {
        var (from, to) = (Time("from"), Time("to"));
        return from >= to ? throw ApiProblemException.BadParameter("to", "must be later than 'from'") : (from, to);
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();
}
