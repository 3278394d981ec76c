using System.Globalization;
using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// The <c>Links</c> settings: whether shortened links are resolved before evaluation (bounded HEAD requests, never to
/// private, loopback or link-local addresses), more shortener hosts than the policy lists, and a newer Public Suffix
/// List file than the embedded one.
/// </summary>
public sealed class LinkOptions : ISettings
{
    public const string Section = "Links";

    /// <summary><c>Links__Resolve</c>: resolve shortened links (else they are flagged as hiding their target).</summary>
    public bool Resolve { get; set; }

    /// <summary><c>Links__Shorteners</c>: comma-separated shortener hosts added to the policy's <c>shorteners</c>.</summary>
    public string Shorteners { get; set; } = "";

    /// <summary><c>Links__PublicSuffixList</c>: a newer <c>public_suffix_list.dat</c>; relative paths resolve against the app's base directory. Empty: the embedded list.</summary>
    public string PublicSuffixList { get; set; } = "";

    /// <summary><c>Links__MaxRedirects</c>: the most redirects followed from one shortened link.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary><c>Links__ResolveTimeoutSeconds</c>: the most time spent resolving one shortened link, all its requests together.</summary>
    public int ResolveTimeoutSeconds { get; set; } = 5;

    public IReadOnlyList<string> ExtraShorteners =>
        [.. Shorteners.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant())];

    /// <summary>The Public Suffix List file as a full path, or null for the embedded list.</summary>
    public string? PublicSuffixListPath => string.IsNullOrWhiteSpace(PublicSuffixList) ? null : ServiceCollectionExtensions.PolicyPath(PublicSuffixList);

    public IEnumerable<string> Validate()
    {
        foreach (var host in ExtraShorteners)
        {
            if (WebAddress.Parse(host) is not { } address || address.Host != host.TrimEnd('.') || !host.Contains('.', StringComparison.Ordinal))
            {
                yield return $"Setting Links__Shorteners must be a comma-separated list of host names (bit.ly, tinyurl.com); '{host}' is not one.";
            }
        }
        if (PublicSuffixListPath is { } path && !File.Exists(path))
        {
            yield return $"Setting Links__PublicSuffixList names {path}, which does not exist.";
        }
        if (MaxRedirects is < 1 or > 20)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Setting Links__MaxRedirects must be a whole number from 1 to 20; it is {MaxRedirects}.");
        }
        if (ResolveTimeoutSeconds is < 1 or > 60)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Setting Links__ResolveTimeoutSeconds must be a whole number of seconds from 1 to 60; it is {ResolveTimeoutSeconds}.");
        }
    }
}
