using Azure.Data.Tables;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// The table filter of a <see cref="FindingQuery"/> on one location's partition of <c>FindingsByTime</c>. Every value
/// goes through <see cref="TableClient.CreateQueryFilter(FormattableString)"/>, which quotes it; only the property
/// names and operators written here are literal.
/// </summary>
internal static class FindingFilters
{
    public static string For(FindingQuery query, string location, string? after)
    {
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {location}") };
        if (after is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"RowKey gt {after}"));
        }
        if (query.To is { } to)
        {
            parts.Add(TableClient.CreateQueryFilter($"RowKey ge {TimeKeys.Bound(to)}"));
        }
        if (query.From is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"RowKey lt {TimeKeys.Bound(from)}"));
        }
        AddAny(parts, "Status", query.AllStatuses);
        AddAny(parts, "Account", query.Accounts);
        AddAny(parts, "Platform", query.Platforms);
        AddAny(parts, "Family", query.Families);
        AddAny(parts, "Rule", query.Rules);
        AddAny(parts, "Severity", query.Severities);
        return string.Join(" and ", parts);
    }

    private static void AddAny(List<string> parts, string property, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        var any = values.Distinct(StringComparer.Ordinal).Select(v => property switch
        {
            "Status" => TableClient.CreateQueryFilter($"Status eq {v}"),
            "Account" => TableClient.CreateQueryFilter($"Account eq {v}"),
            "Platform" => TableClient.CreateQueryFilter($"Platform eq {v}"),
            "Family" => TableClient.CreateQueryFilter($"Family eq {v}"),
            "Rule" => TableClient.CreateQueryFilter($"Rule eq {v}"),
            "Severity" => TableClient.CreateQueryFilter($"Severity eq {v}"),
            _ => throw new ArgumentOutOfRangeException(nameof(property), property, "Not a filterable property."),
        });
        parts.Add($"({string.Join(" or ", any)})");
    }
}
