using System.Text.RegularExpressions;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Approvals;

/// <summary>
/// The coordinator's approval of a link destination (docs/architecture.md, "Approvals of link destinations"): what it matches
/// (<see cref="LinkMatches"/>: a registrable domain, a URL prefix or one exact URL), where it applies (<c>all</c>, a
/// location id or an account id), who approved it and when, an optional expiry, and a note (the presenter or program).
/// An expired or revoked approval no longer allows.
/// </summary>
public sealed partial record LinkApproval
{
    public required string Id { get; init; }
    public required string Match { get; init; }
    public required string Value { get; init; }
    public string Scope { get; init; } = LinkApprovalScopes.All;
    public required string Approver { get; init; }
    public required DateOnly Date { get; init; }
    public DateOnly? Expires { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }

    /// <summary>In force on <paramref name="today"/> (the district's local date): not revoked and not past its expiry.</summary>
    public bool InForce(DateOnly today) => RevokedAt is null && (Expires is null || today <= Expires);

    /// <summary>Applies to an item of <paramref name="account"/> at <paramref name="location"/>: scope <c>all</c>, or that location or account.</summary>
    public bool AppliesTo(string? account, string? location) =>
        Scope == LinkApprovalScopes.All ||
        (location is not null && string.Equals(Scope, location, StringComparison.Ordinal)) ||
        (account is not null && string.Equals(Scope, account, StringComparison.Ordinal));

    /// <summary>
    /// Matches the link target: <c>domain</c> the host or any subdomain of it; <c>prefix</c> the same host and port with a
    /// path and query that start with the prefix's and continue at a segment boundary (<c>/o/cln</c> covers <c>/o/cln/x</c>
    /// and <c>/o/cln?p=2</c>, not <c>/o/cln2</c>); <c>url</c> exactly that URL. Both sides are read as a browser reads
    /// them (IDN, case of scheme and host, default ports, dot segments, fragment); http and https count as the same.
    /// </summary>
    public bool Matches(WebAddress target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (WebAddress.Parse(Value) is not { } value)
        {
            return false;
        }
        switch (Match)
        {
            case LinkMatches.Domain:
                return target.Host == value.Host || target.Host.EndsWith("." + value.Host, StringComparison.Ordinal);
            case LinkMatches.Prefix:
                if (target.Authority != value.Authority)
                {
                    return false;
                }
                var prefix = value.Query.Length == 0 ? value.Path.TrimEnd('/') : value.Path + value.Query;
                var rest = (target.Path + target.Query).AsSpan();
                return rest.StartsWith(prefix, StringComparison.Ordinal) &&
                    (rest.Length == prefix.Length || prefix.EndsWith('/') || rest[prefix.Length] is '/' or '?' or '&');
            case LinkMatches.Url:
                return target.Authority == value.Authority && target.Path.TrimEnd('/') == value.Path.TrimEnd('/') && target.Query == value.Query;
            default:
                return false;
        }
    }

    /// <summary>Why this approval cannot be stored or used, one <c>field: reason</c> per problem; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems(PublicSuffixList? suffixes = null)
    {
        suffixes ??= PublicSuffixList.Default;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id) || !IdPattern().IsMatch(Id))
        {
            problems.Add($"id: '{Id}' must be 1 to 100 letters, digits, dots, hyphens or underscores");
        }
        if (!LinkMatches.All.Contains(Match))
        {
            problems.Add($"match: '{Match}' is not one of {string.Join(", ", LinkMatches.All)}");
        }
        else if (ValueProblem(suffixes) is { } problem)
        {
            problems.Add($"value: '{Value}' {problem}");
        }
        if (Scope != LinkApprovalScopes.All && !ScopePattern().IsMatch(Scope ?? ""))
        {
            problems.Add($"scope: '{Scope}' must be 'all', a location id or an account id (lowercase letters, digits and hyphens)");
        }
        if (string.IsNullOrWhiteSpace(Approver) || !Approver.Contains('@', StringComparison.Ordinal))
        {
            problems.Add($"approver: '{Approver}' must be the approver's email address");
        }
        if (Expires is { } expires && expires < Date)
        {
            problems.Add($"expires: {expires:yyyy-MM-dd} is before the approval's date {Date:yyyy-MM-dd}");
        }
        return problems;
    }

    /// <summary>Why <see cref="Value"/> cannot be matched as a <see cref="Match"/>, or null when it can.</summary>
    public string? ValueProblem(PublicSuffixList suffixes)
    {
        var value = Value ?? "";
        var hasScheme = value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (WebAddress.Parse(value) is not { } address || value.Any(char.IsWhiteSpace))
        {
            return "is not a web address";
        }
        if (address.UserInfo is not null)
        {
            return "must not carry a user name (text before an @)";
        }
        if (Match == LinkMatches.Domain)
        {
            if (hasScheme || address.Port is not null || address.Path.Length > 0 || address.Query.Length > 0)
            {
                return "must be a domain name only (no scheme, port, path or query), e.g. eventbrite.com";
            }
            if (address.IsIpAddress || suffixes.RegistrableDomain(address.Host) is null)
            {
                return "is a public suffix or an address, not a domain one organisation owns; approving it would allow every site under it";
            }
            return null;
        }
        return hasScheme ? null : "must be a full URL starting with https:// or http://";
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex ScopePattern();
}
