using System.Globalization;
using System.Text;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// The <c>link-domain</c> family (Linking to external websites 1): every link in an item's text or <c>links</c> must go to
/// an allowed top-level domain (.edu, .gov), the library's own domain or a subdomain of it, or a destination the
/// coordinator approved (in force, in scope). Links are read as a browser reads them, wrappers unwrapped, X <c>t.co</c>
/// links judged by their expanded links and shortened links by what they resolved to before evaluation. One detection
/// per distinct target, under the most specific id:
/// <list type="bullet">
/// <item><c>link-domain.lookalike</c>: the host imitates an allowed or approved name with look-alike characters, or is a
/// typo, hyphenation or other ending of it (<see cref="NameImitation"/>).</item>
/// <item><c>link-domain.userinfo</c>: a site name (or a host and port) before an <c>@</c> makes the link look like it goes
/// elsewhere; it outranks a look-alike host.</item>
/// <item><c>link-domain.shortener</c>: a shortener whose target is unknown (resolution off or failed).</item>
/// <item><c>link-domain.unapproved</c>: any other destination that is not allowed or approved.</item>
/// </list>
/// </summary>
public sealed class UnapprovedLinkRule(LinkAnalyzer analyzer) : IRule
{
    public const string Id = "link-domain.unapproved";
    public const string ShortenerId = "link-domain.shortener";
    public const string LookalikeId = "link-domain.lookalike";
    public const string UserInfoId = "link-domain.userinfo";

    public UnapprovedLinkRule()
        : this(LinkAnalyzer.Default)
    {
    }

    public string Family => "link-domain";

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        var candidates = analyzer.Find(item);
        if (candidates.Count == 0)
        {
            return [];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<Detection>? detections = null;
        foreach (var candidate in candidates)
        {
            if (Judge(candidate, item, context, seen) is { } detection)
            {
                (detections ??= []).Add(detection);
            }
        }
        return detections ?? (IEnumerable<Detection>)[];
    }

    private Detection? Judge(LinkCandidate candidate, Item item, RuleContext context, HashSet<string> seen)
    {
        var policy = context.Policy;
        var target = candidate.Target;
        string? shortenerProblem = null;
        if (analyzer.IsShortener(target.Host, policy))
        {
            var shortLink = target;
            if (context.ResolvedLinks.TryGetValue(shortLink.Key, out var resolved) && resolved.Target is { } url && WebAddress.Parse(url) is { } destination)
            {
                var steps = LinkAnalyzer.Unwrap(destination);
                target = steps.Count > 0 ? steps[^1] : destination;
                if (analyzer.IsShortener(target.Host, policy))
                {
                    shortenerProblem = $"it resolved only to another shortener ({target.Host})";
                }
            }
            else
            {
                shortenerProblem = resolved?.Failure is { } failure ? $"resolving it failed ({failure})" : "it was not resolved";
            }
        }

        if (!seen.Add(target.Key) || IsAllowed(target, item, context))
        {
            return null;
        }
        // The link as written, once; where it really goes only when that is somewhere else (unwrapped, resolved).
        var evidence = target.Key == candidate.Address.Key ? candidate.Written : $"{candidate.Written}, which leads to {target.Key}";
        var domain = analyzer.Domain(target);
        string rule;
        string explanation;
        // The most specific id first, as the class comment lists them: a trick in the written link outranks a shortener.
        // A site name shown before an @ is the trick the reader sees, whatever the real host looks like.
        if (TrickUserInfo(candidate) is { } shown)
        {
            rule = UserInfoId;
            explanation = $"The link shows {shown} before an @ but goes to {domain}, which is not approved; " +
                $"links may go only to {Allowed(policy)} or an approved destination.";
        }
        else if (Imitated(target, context) is var (imitated, how))
        {
            rule = LookalikeId;
            explanation = $"{target.UnicodeHost()} ({target.Host}) imitates {imitated} {how}; " +
                $"it is a different site, and links may go only to {Allowed(policy)} or an approved destination.";
        }
        else if (shortenerProblem is not null)
        {
            rule = ShortenerId;
            explanation = $"{target.Host} is a link shortener that hides where the link goes and {shortenerProblem}, " +
                $"so the destination cannot be checked against the linking policy.";
        }
        else
        {
            rule = Id;
            explanation = $"Links may go only to {Allowed(policy)} unless the coordinator approved the destination; " +
                $"{domain} is not approved{WhyNotApproved(target, item, context)}.";
        }
        var severity = policy.SeverityOf(rule, rule is LookalikeId or UserInfoId ? Severities.High : Severities.Medium);
        return new Detection(rule, severity, Clauses.LinkingToExternalWebsites, evidence, target.Key, explanation)
        {
            Offset = candidate.Offset,
            Length = candidate.Offset is null ? null : candidate.Length,
        };
    }

    private bool IsAllowed(WebAddress target, Item item, RuleContext context)
    {
        var policy = context.Policy;
        if (!target.IsIpAddress)
        {
            var tld = target.Host[(target.Host.LastIndexOf('.') + 1)..];
            if (policy.AllowedTopLevelDomains.Any(t => t.TrimStart('.') == tld) && analyzer.Suffixes.RegistrableDomain(target.Host) is not null)
            {
                return true;
            }
            if (policy.OwnDomains.Any(own => target.Host == own || target.Host.EndsWith("." + own, StringComparison.Ordinal)))
            {
                return true;
            }
        }
        if (context.Approvals.Count == 0)
        {
            return false;
        }
        var today = context.Today;
        return context.Approvals.Any(a => a.InForce(today) && a.AppliesTo(item.Account, context.Location) && a.Matches(target));
    }

    /// <summary>
    /// The allowed or approved name the host imitates (<c>communitylibrary.net</c>, <c>.gov</c>) and how (with look-alike
    /// characters, or as a typo or another suffix of the name: <see cref="NameImitation"/>), or null.
    /// </summary>
    private (string Name, string How)? Imitated(WebAddress target, RuleContext context)
    {
        if (target.IsIpAddress)
        {
            return null;
        }
        var skeleton = Confusables.Skeleton(target.UnicodeHost());
        var names = context.Policy.OwnDomains.Concat(context.Approvals.Where(a => a.Match == LinkMatches.Domain)
            .Select(a => WebAddress.Parse(a.Value)?.Host).OfType<string>());
        var (label, suffix) = RegistrableLabel(target.Host, skeleton);
        foreach (var name in names)
        {
            var imitated = Confusables.Skeleton(new WebAddress { Scheme = "https", Host = name }.UnicodeHost());
            var isName = target.Host == name || target.Host.EndsWith("." + name, StringComparison.Ordinal);
            if (isName)
            {
                continue;
            }
            if (skeleton == imitated || skeleton.EndsWith("." + imitated, StringComparison.Ordinal))
            {
                return (name, "with look-alike characters");
            }
            if (label is not null && RegistrableLabel(name, imitated) is ({ } nameLabel, { } nameSuffix) &&
                NameImitation.Imitates(label, suffix!, nameLabel, nameSuffix) is { } how)
            {
                return (name, how);
            }
        }
        var lastLabel = skeleton[(skeleton.LastIndexOf('.') + 1)..];
        var tld = target.Host[(target.Host.LastIndexOf('.') + 1)..];
        foreach (var allowed in context.Policy.AllowedTopLevelDomains.Select(t => t.TrimStart('.')))
        {
            if (lastLabel == allowed && tld != allowed)
            {
                return ("." + allowed, "with look-alike characters");
            }
        }
        return null;
    }

    /// <summary>The label before the public suffix of <paramref name="host"/>, from its skeleton, and the suffix; nulls for a bare suffix.</summary>
    private (string? Label, string? Suffix) RegistrableLabel(string host, string skeleton)
    {
        if (analyzer.Suffixes.PublicSuffix(host) is not { } suffix || suffix.Length >= host.Length)
        {
            return (null, null);
        }
        var labels = skeleton.Split('.');
        var index = labels.Length - 1 - suffix.Count(c => c == '.') - 1;
        return index < 0 ? (null, null) : (labels[index], suffix);
    }

    /// <summary>
    /// A user-info part that reads like a site name (<c>trusted.gov</c> in <c>https://trusted.gov@other.example/</c>, also
    /// percent-encoded: <c>%63ommunitylibrary.net</c>), or like a host and port (<c>cln:8080@other.example</c>).
    /// </summary>
    private static string? TrickUserInfo(LinkCandidate candidate)
    {
        foreach (var address in candidate.Steps.Prepend(candidate.Address))
        {
            if (address.UserInfo is not { } userInfo)
            {
                continue;
            }
            var shown = userInfo.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(userInfo) : userInfo;
            var parts = shown.Split(':');
            if (parts[0].Contains('.', StringComparison.Ordinal))
            {
                return parts[0];
            }
            if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length is > 0 and <= 5 && parts[1].All(char.IsAsciiDigit))
            {
                return shown;
            }
        }
        return null;
    }

    /// <summary>" (its approval x expired on ...)" when an approval matches the target but does not allow it here and now.</summary>
    private static string WhyNotApproved(WebAddress target, Item item, RuleContext context)
    {
        var today = context.Today;
        foreach (var approval in context.Approvals.Where(a => a.Matches(target)))
        {
            if (approval.RevokedAt is { } revoked)
            {
                return string.Create(CultureInfo.InvariantCulture, $" (approval {approval.Id} was revoked on {revoked:yyyy-MM-dd})");
            }
            if (!approval.InForce(today))
            {
                return string.Create(CultureInfo.InvariantCulture, $" (approval {approval.Id} expired on {approval.Expires:yyyy-MM-dd})");
            }
            if (!approval.AppliesTo(item.Account, context.Location))
            {
                return $" (approval {approval.Id} covers only {approval.Scope})";
            }
        }
        return "";
    }

    /// <summary>".edu, .gov or communitylibrary.net".</summary>
    private static string Allowed(Policy policy)
    {
        string[] names = [.. policy.AllowedTopLevelDomains.Select(t => "." + t.TrimStart('.')), .. policy.OwnDomains];
        return names.Length switch
        {
            0 => "approved destinations",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " or " + names[^1],
        };
    }
}
