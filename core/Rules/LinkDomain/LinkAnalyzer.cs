using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// Finds an item's links without any network: every link in its text and its <c>links</c>, read as a browser reads
/// them, redirect wrappers unwrapped, and X <c>t.co</c> links in the text paired in order with the expanded links the
/// platform gave (docs/architecture.md, "Conventions": judge a <c>t.co</c> link by its expanded URL). Shared by the link rule and by the step
/// before evaluation that resolves shortened links, so both see the same links.
/// </summary>
public sealed class LinkAnalyzer(PublicSuffixList suffixes, IEnumerable<string> extraShorteners)
{
    /// <summary>X's own shortener: every link in a post's text is one, and the API gives the expanded URL beside it.</summary>
    public const string XShortener = "t.co";

    private const int MaxUnwrap = 5;

    private readonly LinkExtractor _extractor = new(suffixes);
    private readonly string[] _extraShorteners = [.. extraShorteners.Select(s => s.Trim().TrimEnd('.').ToLowerInvariant()).Where(s => s.Length > 0)];

    public static LinkAnalyzer Default { get; } = new(PublicSuffixList.Default, []);

    public PublicSuffixList Suffixes => suffixes;

    /// <summary>The item's links: those in the text first (in order, with offsets), then those only in <c>links</c>.</summary>
    public IReadOnlyList<LinkCandidate> Find(Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = new List<LinkCandidate>();
        foreach (var found in _extractor.Extract(item.Text))
        {
            if (WebAddress.Parse(found.Written) is { } address)
            {
                text.Add(new LinkCandidate(found.Written, found.Offset, address, Unwrap(address)));
            }
        }
        var links = new List<LinkCandidate>();
        foreach (var written in item.Links)
        {
            if (WebAddress.Parse(written) is { } address)
            {
                links.Add(new LinkCandidate(written, null, address, Unwrap(address)));
            }
        }
        if (links.Count > 0 && text.Exists(c => c.Target.Host == XShortener))
        {
            PairExpandedLinks(text, links);
        }
        return [.. text, .. links];
    }

    /// <summary>A host of a link shortener: X's <c>t.co</c>, the policy's <c>shorteners</c>, or the <c>Links__Shorteners</c> setting's.</summary>
    public bool IsShortener(string host, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(policy);
        return IsOrUnder(host, XShortener) || policy.Shorteners.Any(s => IsOrUnder(host, s)) || _extraShorteners.Any(s => IsOrUnder(host, s));
    }

    /// <summary>The item's shortened links that only the network can resolve, by their normalised short link.</summary>
    public IReadOnlyList<string> ShortLinks(Item item, Policy policy) =>
        [.. Find(item).Select(c => c.Target).Where(t => IsShortener(t.Host, policy)).Select(t => t.Key).Distinct(StringComparer.Ordinal)];

    /// <summary>The registrable domain of the address's host (Public Suffix List), or the host itself for an address or a bare suffix.</summary>
    public string Domain(WebAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIpAddress ? address.Host : suffixes.RegistrableDomain(address.Host) ?? address.Host;
    }

    /// <summary>The addresses a chain of redirect wrappers leads to, outermost first; empty when the address is no wrapper.</summary>
    public static IReadOnlyList<WebAddress> Unwrap(WebAddress address)
    {
        List<WebAddress>? steps = null;
        var current = address;
        for (var depth = 0; depth < MaxUnwrap && RedirectWrappers.Target(current) is { } inner && WebAddress.Parse(inner) is { } next; depth++)
        {
            (steps ??= []).Add(next);
            current = next;
        }
        return steps ?? (IReadOnlyList<WebAddress>)[];
    }

    private static bool IsOrUnder(string host, string domain) =>
        host.EndsWith(domain, StringComparison.Ordinal) && (host.Length == domain.Length || host[host.Length - domain.Length - 1] == '.');

    /// <summary>
    /// The n-th <c>t.co</c> link of the text leads to the n-th link that the text does not already show; a <c>t.co</c>
    /// link left without one stays a shortener, and a link left without a <c>t.co</c> is judged on its own.
    /// </summary>
    private static void PairExpandedLinks(List<LinkCandidate> text, List<LinkCandidate> links)
    {
        var shown = text.Select(c => c.Target.Key).ToHashSet(StringComparer.Ordinal);
        var expanded = new Queue<LinkCandidate>(links.Where(l => !shown.Contains(l.Target.Key)));
        for (var i = 0; i < text.Count && expanded.Count > 0; i++)
        {
            if (text[i].Target.Host != XShortener)
            {
                continue;
            }
            var link = expanded.Dequeue();
            text[i] = text[i] with { Steps = [.. text[i].Steps, link.Address, .. link.Steps] };
            links.Remove(link);
        }
    }
}
