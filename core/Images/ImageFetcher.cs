using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Evaluation;

namespace SocialMonitor.Core.Images;

/// <summary>
/// Fetches one profile picture or banner for the scanner (never for a rule), and refuses, with an
/// <see cref="ImageRefusedException"/> that says why: anything but https; a host that is not one of the platform's
/// own image hosts (<see cref="Platforms.IPlatformClient.ImageHosts"/>) or a subdomain of one; a private, loopback,
/// link-local or other non-public address (the connection itself goes through <see cref="AddressPolicy.PublicOnly"/>,
/// so a listed name that resolves inward is refused too); a redirect to a host the same checks refuse (at most
/// three, each checked); an answer that is not 200; a content type that is not PNG, JPEG, GIF or WebP; a body over
/// <see cref="PerceptualHash.MaxBytes"/> (declared or read); and no answer within <c>Images__TimeoutSeconds</c>.
/// <c>Images__AllowLoopback</c> (the demo and tests only, see <see cref="ImageOptions"/>) admits 127.0.0.1 and ::1.
/// </summary>
public sealed class ImageFetcher(IHttpClientFactory clients, IOptions<ImageOptions> options)
{
    public const string HttpClientName = "profile-images";

    private const int MaxRedirects = 3;

    private static readonly string[] s_types = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    /// <summary>The address policy of the fetch: public addresses only, plus loopback when <paramref name="allowLoopback"/>.</summary>
    public static AddressPolicy Addresses(bool allowLoopback) => allowLoopback
        ? new AddressPolicy(a => IPAddress.IsLoopback(a) ? null : AddressPolicy.PublicRefusal(a))
        : AddressPolicy.PublicOnly;

    /// <summary>The image's bytes and content type.</summary>
    public async Task<(byte[] Bytes, string ContentType)> FetchAsync(string url, IReadOnlyList<string> hosts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var client = clients.CreateClient(HttpClientName);
        var uri = Check(url, hosts, settings.AllowLoopback);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
                using var answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if ((int)answer.StatusCode is >= 300 and < 400 && answer.Headers.Location is { } location)
                {
                    if (hop == MaxRedirects)
                    {
                        throw new ImageRefusedException($"{Shown(uri)}: more than {MaxRedirects} redirects");
                    }
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    try
                    {
                        uri = Check(next.AbsoluteUri, hosts, settings.AllowLoopback);
                    }
                    catch (ImageRefusedException e)
                    {
                        throw new ImageRefusedException($"{Shown(uri)} redirects to {e.Message}", e);
                    }
                    continue;
                }
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    throw new ImageRefusedException(string.Create(CultureInfo.InvariantCulture, $"{Shown(uri)}: HTTP {(int)answer.StatusCode}"));
                }
                var type = answer.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
                if (type is null || !s_types.Contains(type))
                {
                    throw new ImageRefusedException($"{Shown(uri)}: the content type is {type ?? "not given"}, not an image (PNG, JPEG, GIF or WebP)");
                }
                if (answer.Content.Headers.ContentLength is > PerceptualHash.MaxBytes)
                {
                    throw new ImageRefusedException(string.Create(CultureInfo.InvariantCulture,
                        $"{Shown(uri)}: {answer.Content.Headers.ContentLength:N0} bytes, more than the {PerceptualHash.MaxBytes:N0} allowed"));
                }
                await using var body = await answer.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > PerceptualHash.MaxBytes)
                    {
                        throw new ImageRefusedException(string.Create(CultureInfo.InvariantCulture, $"{Shown(uri)}: more than the {PerceptualHash.MaxBytes:N0} bytes allowed"));
                    }
                    buffer.Write(chunk, 0, read);
                }
                return (buffer.ToArray(), type);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ImageRefusedException(string.Create(CultureInfo.InvariantCulture, $"{Shown(uri)}: no answer within {settings.TimeoutSeconds} s"));
        }
        catch (HttpRequestException e)
        {
            for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            {
                if (inner is AddressRefusedException refused)
                {
                    throw new ImageRefusedException($"{Shown(uri)}: {refused.Message}", e);
                }
            }
            throw new ImageRefusedException($"{Shown(uri)}: {e.Message}", e);
        }
    }

    /// <summary>The URL when it may be fetched; else why not.</summary>
    internal static Uri Check(string url, IReadOnlyList<string> hosts, bool allowLoopback)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ImageRefusedException($"'{url}' is not an absolute URL");
        }
        var loopback = allowLoopback && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(loopback && uri.Scheme == Uri.UriSchemeHttp))
        {
            throw new ImageRefusedException($"{Shown(uri)}: only https is fetched");
        }
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && Addresses(allowLoopback).Refusal(address) is { } refusal)
        {
            throw new ImageRefusedException($"{Shown(uri)}: {uri.Host} is {refusal}");
        }
        if (!loopback && !hosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ImageRefusedException($"{Shown(uri)}: {uri.Host} is not one of the platform's image hosts ({string.Join(", ", hosts)})");
        }
        return uri;
    }

    /// <summary>The URL without its query (CDN signatures stay out of messages and logs).</summary>
    private static string Shown(Uri uri) => uri.GetLeftPart(UriPartial.Path);
}
