using System.Globalization;

namespace SocialMonitor.Core.Records;

/// <summary>
/// What a records request asks for: the items of the accounts that match every filter given (locations, accounts,
/// platforms: any of the listed ones), created within [<see cref="From"/>, <see cref="To"/>) or with a version captured
/// within it, whose text (any version) holds <see cref="Text"/> (case-insensitive). An empty filter matches everything.
/// </summary>
public sealed record RecordsQuery
{
    public IReadOnlyList<string> Locations { get; init; } = [];
    public IReadOnlyList<string> Accounts { get; init; } = [];
    public IReadOnlyList<string> Platforms { get; init; } = [];
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? Text { get; init; }

    public bool InRange(DateTimeOffset? at) =>
        From is null && To is null || at is { } t && (From is null || t >= From) && (To is null || t < To);

    public bool HasText(string text) => string.IsNullOrEmpty(Text) || text.Contains(Text, StringComparison.OrdinalIgnoreCase);

    /// <summary>The query in words, for the index page and the audit log.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        void Add(string name, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                parts.Add($"{name} {string.Join(", ", values)}");
            }
        }
        Add("location", Locations);
        Add("account", Accounts);
        Add("platform", Platforms);
        if (From is { } from)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"from {from.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        }
        if (To is { } to)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"before {to.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        }
        if (!string.IsNullOrEmpty(Text))
        {
            parts.Add($"text \"{Text}\"");
        }
        return parts.Count == 0 ? "every captured item" : string.Join("; ", parts);
    }
}
