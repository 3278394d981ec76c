using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Approvals;

/// <summary>
/// One approval of any kind (<see cref="ApprovalKinds"/>): where it applies (<c>all</c>, a location id or an account
/// id), what it approves (the kind's value fields), who approved it and when, an optional expiry, a note, and its
/// revocation (who, when, why). An expired or revoked approval no longer allows. A link approval (kind <c>links</c>: what
/// it matches, <see cref="LinkMatches"/>, and the destination) is stored and answered exactly as before the other kinds
/// existed: the other kinds' fields are left out of its JSON (they are null), and its kind comes from its table
/// partition (<see cref="ApprovalStore"/>), never from the row.
/// </summary>
public sealed partial record Approval
{
    public const int MaxIdLength = 100;
    public const int MaxScopeLength = 100;
    public const int MaxTextLength = 500;

    /// <summary>The kind; not in the JSON of a stored row (the row's partition says it).</summary>
    [JsonIgnore]
    public string Kind { get; init; } = ApprovalKinds.Links;

    public required string Id { get; init; }

    /// <summary>The stored row's version, for a change that must not overwrite one its author did not see; not in the JSON of a row.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }

    /// <summary>links: <c>domain</c>, <c>prefix</c> or <c>url</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Match { get; init; }

    /// <summary>links: the destination; accounts: the account id; access: the person's email; apps: the app id; attestations: the fact.</summary>
    public required string Value { get; init; }

    public string Scope { get; init; } = LinkApprovalScopes.All;
    public required string Approver { get; init; }
    public required DateOnly Date { get; init; }
    public DateOnly? Expires { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RevokedReason { get; init; }

    /// <summary>access: the platform's role name (Facebook task, LinkedIn role), or <c>SHARED_LOGIN</c> for a shared login.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Role { get; init; }

    /// <summary>access: <c>administrator</c>, <c>editor</c> or <c>analyst</c>, from the policy's table when the role was approved.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Level { get; init; }

    /// <summary>access: the person as the platform shows them (name or handle).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Person { get; init; }

    /// <summary>access: when the approval is to be reviewed; attestations: when the next one is due.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? ReviewOn { get; init; }

    /// <summary>access: the day the access must end (the editor leaves), optional.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? ClosesOn { get; init; }

    /// <summary>apps: the app's name as the platform shows it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AppName { get; init; }

    /// <summary>attestations: the manager's statement.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Statement { get; init; }

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
        if (Kind != ApprovalKinds.Links || WebAddress.Parse(Value) is not { } value)
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

    /// <summary>
    /// Why this approval cannot be stored or used, one <c>field: reason</c> per problem (the field as the API and the
    /// approvals file name it); empty when it is valid. The one check of every kind, for the API, the CLI and files.
    /// </summary>
    public IReadOnlyList<string> Problems(PublicSuffixList? suffixes = null)
    {
        suffixes ??= PublicSuffixList.Default;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id) || !IdPattern().IsMatch(Id))
        {
            problems.Add($"id: '{Shorten(Id)}' must be 1 to {MaxIdLength} letters, digits, dots, hyphens or underscores");
        }
        if (!ApprovalKinds.All.Contains(Kind))
        {
            problems.Add($"kind: '{Kind}' is not one of {string.Join(", ", ApprovalKinds.All)}");
            return problems;
        }
        var scopeIsAccount = Kind is ApprovalKinds.Accounts or ApprovalKinds.Access or ApprovalKinds.Attestations;
        if (Scope is null || Scope.Length > MaxScopeLength || (Scope != LinkApprovalScopes.All && !ScopePattern().IsMatch(Scope)))
        {
            problems.Add($"scope: '{Shorten(Scope)}' must be {(scopeIsAccount ? "an account id" : Kind == ApprovalKinds.Apps ? "'all' or an account id" : "'all', a location id or an account id")} (lowercase letters, digits and hyphens, at most {MaxScopeLength})");
        }
        else if (scopeIsAccount && Scope == LinkApprovalScopes.All)
        {
            problems.Add($"scope: {Kind} approvals are for one account: give its id, not 'all'");
        }
        problems.AddRange(Kind switch
        {
            ApprovalKinds.Links => LinkProblems(suffixes),
            ApprovalKinds.Accounts => AccountProblems(),
            ApprovalKinds.Access => AccessProblems(),
            ApprovalKinds.Apps => AppProblems(),
            _ => AttestationProblems(),
        });
        problems.AddRange(FieldsOtherThan(Kind).Select(field => $"{field}: does not apply to {Kind} approvals"));
        if (string.IsNullOrWhiteSpace(Approver) || Approver.Length > 254 || !Approver.Contains('@', StringComparison.Ordinal))
        {
            problems.Add($"approver: '{Shorten(Approver)}' must be the approver's email address");
        }
        if (Expires is { } expires && expires < Date)
        {
            problems.Add($"expires: {expires:yyyy-MM-dd} is before the approval's date {Date:yyyy-MM-dd}");
        }
        if (Note?.Length > MaxTextLength)
        {
            problems.Add($"note: is at most {MaxTextLength} characters");
        }
        return problems;
    }

    private IEnumerable<string> LinkProblems(PublicSuffixList suffixes)
    {
        if (!LinkMatches.All.Contains(Match))
        {
            yield return $"match: '{Match}' is not one of {string.Join(", ", LinkMatches.All)}";
        }
        else if (ValueProblem(suffixes) is { } problem)
        {
            yield return $"value: '{Shorten(Value)}' {problem}";
        }
    }

    private IEnumerable<string> AccountProblems()
    {
        if (Value != Scope)
        {
            yield return $"value: '{Shorten(Value)}' must be the account id, the same as the scope '{Shorten(Scope)}'";
        }
    }

    private IEnumerable<string> AccessProblems()
    {
        if (string.IsNullOrWhiteSpace(Value) || Value.Length > 254 || Value.Count(c => c == '@') != 1 || Value.Any(char.IsWhiteSpace))
        {
            yield return $"value: '{Shorten(Value)}' must be the email of the person as the registry knows them";
        }
        if (string.IsNullOrWhiteSpace(Role) || !RolePattern().IsMatch(Role))
        {
            yield return $"role: '{Shorten(Role)}' must be the platform's role name in capitals (e.g. CREATE_CONTENT, CURATOR) or {ApprovalKinds.SharedLogin}";
        }
        if (!ApprovalKinds.Levels.Contains(Level))
        {
            yield return $"level: '{Level}' is not one of {string.Join(", ", ApprovalKinds.Levels)}";
        }
        if (string.IsNullOrWhiteSpace(Person) || Person.Length > 200)
        {
            yield return "person: the person as the platform shows them (a name or handle, at most 200 characters) is required";
        }
        if (ReviewOn is not { } review)
        {
            yield return "reviewOn: the review date is required";
        }
        else if (review < Date)
        {
            yield return $"reviewOn: {review:yyyy-MM-dd} is before the approval's date {Date:yyyy-MM-dd}";
        }
        if (ClosesOn is { } closes && closes < Date)
        {
            yield return $"closesOn: {closes:yyyy-MM-dd} is before the approval's date {Date:yyyy-MM-dd}";
        }
    }

    private IEnumerable<string> AppProblems()
    {
        if (string.IsNullOrWhiteSpace(Value) || !IdPattern().IsMatch(Value))
        {
            yield return $"value: '{Shorten(Value)}' must be the platform's app id (1 to {MaxIdLength} letters, digits, dots, hyphens or underscores)";
        }
        if (string.IsNullOrWhiteSpace(AppName) || AppName.Length > 200)
        {
            yield return "appName: the app's name as the platform shows it (at most 200 characters) is required";
        }
    }

    private IEnumerable<string> AttestationProblems()
    {
        if (!ApprovalKinds.Facts.Contains(Value))
        {
            yield return $"value: '{Shorten(Value)}' must be the fact attested, one of {string.Join(", ", ApprovalKinds.Facts)}";
        }
        if (string.IsNullOrWhiteSpace(Statement) || Statement.Length > 2000)
        {
            yield return "statement: the manager's statement (at most 2000 characters) is required";
        }
        if (ReviewOn is not { } due)
        {
            yield return "reviewOn: the date the next attestation is due is required";
        }
        else if (due < Date)
        {
            yield return $"reviewOn: {due:yyyy-MM-dd} is before the attestation's date {Date:yyyy-MM-dd}";
        }
    }

    /// <summary>The value fields set that belong to another kind than <paramref name="kind"/>.</summary>
    private IEnumerable<string> FieldsOtherThan(string kind)
    {
        (string Field, object? Value, bool Applies)[] fields =
        [
            ("match", Match, kind == ApprovalKinds.Links),
            ("role", Role, kind == ApprovalKinds.Access),
            ("level", Level, kind == ApprovalKinds.Access),
            ("person", Person, kind == ApprovalKinds.Access),
            ("closesOn", ClosesOn, kind == ApprovalKinds.Access),
            ("reviewOn", ReviewOn, kind is ApprovalKinds.Access or ApprovalKinds.Attestations),
            ("appName", AppName, kind == ApprovalKinds.Apps),
            ("statement", Statement, kind == ApprovalKinds.Attestations),
        ];
        return fields.Where(f => f.Value is not null && !f.Applies).Select(f => f.Field);
    }

    private static string? Shorten(string? text) => text is { Length: > 60 } ? text[..60] + "…" : text;

    /// <summary>Why <see cref="Value"/> cannot be matched as a <see cref="Match"/>, or null when it can.</summary>
    public string? ValueProblem(PublicSuffixList suffixes)
    {
        var value = Value ?? "";
        var hasScheme = value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (Match != LinkMatches.Domain && !hasScheme)
        {
            return "must be a full URL starting with https:// or http://";
        }
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

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,99}$")]
    private static partial Regex RolePattern();
}
