using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Evaluation;

/// <summary>
/// Resolves shortened links before evaluation (when <c>Links__Resolve</c> is on, or <c>check --resolve</c>): HEAD
/// requests only, redirects followed by hand until the link leaves the shorteners, at most <c>Links__MaxRedirects</c>
/// of them within <c>Links__ResolveTimeoutSeconds</c>. Every connection goes through the <see cref="AddressPolicy"/>,
/// checked on the addresses actually connected to (after DNS), so neither a redirect nor a DNS answer can lead it to a
/// private, loopback or link-local address. A failure is an answer (<see cref="ResolvedLink.Failure"/>), never an
/// exception: the link is then flagged as hiding its target. A retried evaluation resolves again.
/// </summary>
public sealed partial class LinkResolver(IHttpClientFactory http, LinkAnalyzer analyzer, IOptions<LinkOptions> options, ILogger<LinkResolver> logger)
{
    public const string HttpClientName = "link-resolver";

    /// <summary>Resolves every shortened link of the item, by its normalised short link.</summary>
    public async Task<IReadOnlyDictionary<string, ResolvedLink>> ResolveLinksAsync(Item item, Policy policy, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, ResolvedLink>(StringComparer.Ordinal);
        foreach (var link in analyzer.ShortLinks(item, policy))
        {
            resolved[link] = await ResolveAsync(link, host => analyzer.IsShortener(host, policy), cancellationToken);
        }
        return resolved;
    }

    /// <summary>Follows <paramref name="shortLink"/>'s redirects while they stay on hosts for which <paramref name="isShortener"/> holds.</summary>
    public async Task<ResolvedLink> ResolveAsync(string shortLink, Func<string, bool> isShortener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isShortener);
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.ResolveTimeoutSeconds));
        var client = http.CreateClient(HttpClientName);
        var current = new Uri(shortLink);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Head, current);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is < 300 or >= 400 || response.Headers.Location is not { } location)
                {
                    return redirects == 0
                        ? Failed(shortLink, string.Create(CultureInfo.InvariantCulture, $"it answered HTTP {status} without a redirect"))
                        : ResolvedLink.To(shortLink, current.AbsoluteUri);
                }
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    return Failed(shortLink, $"it redirects to a {next.Scheme}: address");
                }
                if (WebAddress.Parse(next.AbsoluteUri) is not { } address || !isShortener(address.Host))
                {
                    return ResolvedLink.To(shortLink, next.AbsoluteUri);
                }
                if (redirects + 1 >= settings.MaxRedirects)
                {
                    return Failed(shortLink, string.Create(CultureInfo.InvariantCulture, $"more than {settings.MaxRedirects} redirects"));
                }
                current = next;
            }
        }
        catch (HttpRequestException e) when (Refusal(e) is { } refused)
        {
            return Failed(shortLink, $"refused: {refused.Message}");
        }
        catch (HttpRequestException e)
        {
            return Failed(shortLink, $"it could not be reached: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(shortLink, string.Create(CultureInfo.InvariantCulture, $"no answer within {settings.ResolveTimeoutSeconds} s"));
        }
    }

    /// <summary>
    /// The handler behind the resolver's HttpClient: no automatic redirects, no proxy, no cookies, and a connect step
    /// that resolves the host itself and connects only to addresses <paramref name="policy"/> allows.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(AddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host.Trim('[', ']');
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
                var allowed = addresses.Where(a => policy.Refusal(a) is null).ToArray();
                if (allowed.Length == 0)
                {
                    var first = addresses.FirstOrDefault();
                    throw new AddressRefusedException(first is null ? $"{host} has no address"
                        : first.ToString() == host ? $"{host} is {policy.Refusal(first)}"
                        : $"{host} is {policy.Refusal(first)}: {first}");
                }
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    private ResolvedLink Failed(string shortLink, string failure)
    {
        LogUnresolved(logger, shortLink, failure);
        return ResolvedLink.Failed(shortLink, failure);
    }

    private static AddressRefusedException? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AddressRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shortened link {ShortLink} not resolved: {Failure}")]
    private static partial void LogUnresolved(ILogger logger, string shortLink, string failure);
}
