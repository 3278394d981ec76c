using System.Security.Cryptography;
using System.Text;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// A list of findings: the locations to read (already narrowed to what the caller may see), a status, and the other
/// filters (each a set of values, any of which matches; empty matches everything). <see cref="From"/> is inclusive and
/// <see cref="To"/> exclusive, on the first detection.
/// </summary>
public sealed record FindingQuery(IReadOnlyList<string> Locations, string? Status)
{
    /// <summary>Statuses besides <see cref="Status"/>, any of which matches.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];
    public IReadOnlyList<string> Accounts { get; init; } = [];
    public IReadOnlyList<string> Platforms { get; init; } = [];
    public IReadOnlyList<string> Families { get; init; } = [];
    public IReadOnlyList<string> Rules { get; init; } = [];
    public IReadOnlyList<string> Severities { get; init; } = [];
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>Free text that a finding or its item must contain (<see cref="FindingText"/>); null matches everything.</summary>
    public string? Text { get; init; }

    /// <summary>Every status that matches: <see cref="Status"/> and <see cref="Statuses"/>.</summary>
    public IReadOnlyList<string> AllStatuses => Status is null ? Statuses : [Status, .. Statuses];

    /// <summary>A short hash of the whole query (values in a canonical order), which binds a continuation token to it.</summary>
    public string Hash()
    {
        static string Set(IEnumerable<string> values) => string.Join(',', values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var text = string.Join('|', Set(Locations), Set(AllStatuses), Set(Accounts), Set(Platforms), Set(Families), Set(Rules), Set(Severities),
            From?.UtcTicks, To?.UtcTicks, Text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
