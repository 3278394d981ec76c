using System.Globalization;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Api;

/// <summary>
/// The body of <c>POST /api/approvals/links</c>: what to allow (<c>match</c> <c>domain</c>, <c>prefix</c> or <c>url</c>,
/// and the value), where (<c>scope</c>: <c>all</c>, a location id or an account id; default <c>all</c>), until when
/// (<c>expires</c>, a date, optional) and why (<c>note</c>: the presenter or program it is for).
/// </summary>
public sealed record LinkApprovalRequest
{
    public const int MaxNoteLength = 500;

    public string? Match { get; init; }
    public string? Value { get; init; }
    public string? Scope { get; init; }
    public DateOnly? Expires { get; init; }
    public string? Note { get; init; }

    /// <summary>
    /// The value as it is stored and matched: a domain in lowercase ASCII (IDN converted) that must be registrable (a
    /// subdomain would silently widen to its whole domain), a prefix or URL an absolute http(s) URL. A problem throws.
    /// </summary>
    public string NormalisedValue()
    {
        var value = Value?.Trim() ?? "";
        if (value.Length is 0 or > 2000)
        {
            throw ApiProblemException.BadBody("'value' must be given (at most 2000 characters).");
        }
        switch (Match)
        {
            case LinkMatches.Domain:
                string domain;
                try
                {
                    domain = new IdnMapping().GetAscii(value.TrimEnd('.')).ToLowerInvariant();
                }
                catch (ArgumentException)
                {
                    throw ApiProblemException.BadBody($"'value' must be a domain such as example.org (no scheme or path) for match domain; '{value}' is not.");
                }
                var registrable = PublicSuffixList.Default.RegistrableDomain(domain);
                if (registrable is null)
                {
                    throw ApiProblemException.BadBody($"'value' must be a registrable domain such as example.org for match domain; '{value}' is not.");
                }
                if (registrable != domain)
                {
                    throw ApiProblemException.BadBody($"'{value}' is a subdomain: approve its registrable domain '{registrable}' (which includes every subdomain) or use match prefix for less.");
                }
                return domain;
            case LinkMatches.Prefix or LinkMatches.Url:
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
                {
                    throw ApiProblemException.BadBody($"'value' must be an absolute http or https URL for match {Match}; '{value}' is not.");
                }
                return value;
            default:
                throw ApiProblemException.BadBody($"'match' must be one of {string.Join(", ", LinkMatches.All)}.");
        }
    }
}
