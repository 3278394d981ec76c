using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// A web address read the way a browser reads it (WHATWG URL, special schemes): the authority ends at the first
/// <c>/</c>, <c>\</c>, <c>?</c> or <c>#</c>; a user-info part ends at the last <c>@</c> before that; the host is
/// percent-decoded and mapped with IDNA (UTS 46, so full-width letters become ASCII and Unicode becomes punycode); IPv4
/// hosts in any form (<c>3232235777</c>, <c>0x7f.1</c>) become dotted decimal; dot segments are removed from the path;
/// the fragment is dropped. A link without a scheme is taken as https, as platforms link it.
/// </summary>
public sealed record WebAddress
{
    private static readonly SearchValues<char> _authorityEnd = SearchValues.Create("/\\?#");
    private static readonly SearchValues<char> _asciiHost = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");
    private static readonly SearchValues<char> _digits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> _forbiddenHost = SearchValues.Create(" \t\r\n#%/:<>?@[\\]^|\"`{}");

    public required string Scheme { get; init; }

    /// <summary>What stood before the <c>@</c> in the authority (<c>trusted.gov</c> in <c>https://trusted.gov@other.example/</c>), or null.</summary>
    public string? UserInfo { get; init; }

    /// <summary>Lowercase ASCII (punycode for IDN), no trailing dot; an IPv6 address in brackets.</summary>
    public required string Host { get; init; }

    /// <summary>The port when it is not the scheme's default.</summary>
    public int? Port { get; init; }

    /// <summary>The path with dot segments removed and backslashes as slashes; empty or starting with <c>/</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>The query with its <c>?</c>, or empty.</summary>
    public string Query { get; init; } = "";

    public bool IsIpAddress { get; init; }

    /// <summary>Scheme, host, port, path (without a trailing slash) and query: the normalised target findings are keyed by.</summary>
    public string Key => $"{Scheme}://{Authority}{Path.TrimEnd('/')}{Query}";

    /// <summary>Host and port, as in a URL.</summary>
    public string Authority => Port is { } port ? $"{Host}:{port.ToString(CultureInfo.InvariantCulture)}" : Host;

    /// <summary>The address as written, read as a browser would; null when it is not an http(s) address with a valid host.</summary>
    public static WebAddress? Parse(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var text = written.Trim().AsSpan();
        string scheme;
        if (StartsWith(text, "https:") || StartsWith(text, "http:"))
        {
            scheme = StartsWith(text, "https:") ? "https" : "http";
            text = text[(scheme.Length + 1)..].TrimStart("/\\");
        }
        else if (text.StartsWith("//", StringComparison.Ordinal))
        {
            scheme = "https";
            text = text.TrimStart("/\\");
        }
        else if (HasOtherScheme(text))
        {
            return null;
        }
        else
        {
            scheme = "https";
        }

        var end = text.IndexOfAny(_authorityEnd);
        var authority = end < 0 ? text : text[..end];
        var rest = end < 0 ? [] : text[end..];
        var at = authority.LastIndexOf('@');
        var userInfo = at >= 0 ? authority[..at].ToString() : null;
        var hostAndPort = authority[(at + 1)..];

        if (!SplitPort(hostAndPort, out var rawHost, out var portText))
        {
            return null;
        }
        int? port = null;
        if (!portText.IsEmpty)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)
            {
                return null;
            }
            port = number == (scheme == "https" ? 443 : 80) ? null : number;
        }
        if (ParseHost(rawHost) is not var (host, isIp))
        {
            return null;
        }

        var fragment = rest.IndexOf('#');
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }
        var question = rest.IndexOf('?');
        var path = question >= 0 ? rest[..question] : rest;
        var query = question >= 0 ? rest[question..].ToString() : "";
        return new WebAddress
        {
            Scheme = scheme,
            UserInfo = userInfo,
            Host = host,
            Port = port,
            Path = RemoveDotSegments(path.ToString().Replace('\\', '/')),
            Query = query.Length == 1 ? "" : query,
            IsIpAddress = isIp,
        };
    }

    /// <summary>The host for people: Unicode for IDN labels, else as stored.</summary>
    public string UnicodeHost()
    {
        if (!Host.Contains("xn--", StringComparison.Ordinal))
        {
            return Host;
        }
        try
        {
            return new IdnMapping().GetUnicode(Host);
        }
        catch (ArgumentException)
        {
            return Host;
        }
    }

    /// <summary>The value of a query parameter, decoded as a form value (<c>+</c> is a space), or null.</summary>
    public string? QueryValue(string name)
    {
        var query = Query.AsSpan().TrimStart('?');
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair[..equals].Equals(name, StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..].ToString().Replace('+', ' '));
            }
        }
        return null;
    }

    /// <summary><c>mailto:</c>, <c>tel:</c>, <c>ftp:</c> and the like: a scheme followed by a colon that is not a port number.</summary>
    private static bool HasOtherScheme(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || (colon + 1 < text.Length && char.IsAsciiDigit(text[colon + 1])))
        {
            return false;
        }
        foreach (var c in text[..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }
        return char.IsAsciiLetter(text[0]);
    }

    private static bool StartsWith(ReadOnlySpan<char> text, string prefix) => text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool SplitPort(ReadOnlySpan<char> hostAndPort, out ReadOnlySpan<char> host, out ReadOnlySpan<char> port)
    {
        host = hostAndPort;
        port = [];
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']');
            if (close < 0)
            {
                return false;
            }
            host = hostAndPort[..(close + 1)];
            var after = hostAndPort[(close + 1)..];
            if (after.IsEmpty)
            {
                return true;
            }
            if (after[0] != ':')
            {
                return false;
            }
            port = after[1..];
            return true;
        }
        var colon = hostAndPort.LastIndexOf(':');
        if (colon >= 0)
        {
            host = hostAndPort[..colon];
            port = hostAndPort[(colon + 1)..];
        }
        return true;
    }

    /// <summary>The host percent-decoded, IDNA-mapped, lowercased, without a trailing dot; IP addresses canonical.</summary>
    private static (string Host, bool IsIp)? ParseHost(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty)
        {
            return null;
        }
        if (raw[0] == '[')
        {
            return IPAddress.TryParse(raw[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? ($"[{v6}]", true)
                : null;
        }
        string decoded;
        try
        {
            decoded = raw.Contains('%') ? PercentDecode(raw) : raw.ToString();
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        string host;
        if (!decoded.AsSpan().ContainsAnyExcept(_asciiHost))
        {
            // Plain ASCII letters, digits, hyphens and dots: IDNA mapping would only lowercase it.
            host = decoded.ToLowerInvariant();
        }
        else
        {
            try
            {
                host = new IdnMapping().GetAscii(decoded).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        host = host.TrimEnd('.');
        if (host.Length == 0 || host.AsSpan().ContainsAny(_forbiddenHost))
        {
            return null;
        }
        var last = host.AsSpan(host.LastIndexOf('.') + 1);
        if (!last.IsEmpty && (!last.ContainsAnyExcept(_digits) || last.StartsWith("0x", StringComparison.Ordinal)))
        {
            // The last label is a number: an IPv4 address in one of its forms, or no valid host at all.
            return IPAddress.TryParse(host, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? (v4.ToString(), true) : null;
        }
        return (host, false);
    }

    private static string PercentDecode(ReadOnlySpan<char> text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && byte.TryParse(text.Slice(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                bytes.Add(value);
                i += 2;
                continue;
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(text.Slice(i, 1).ToString()));
        }
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
    }

    /// <summary>RFC 3986 section 5.2.4, with <c>%2e</c> read as a dot, as browsers do.</summary>
    private static string RemoveDotSegments(string path)
    {
        if (path.Length == 0)
        {
            return "";
        }
        var output = new List<string>();
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i].Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add("");
                }
                continue;
            }
            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
                if (last)
                {
                    output.Add("");
                }
                continue;
            }
            output.Add(segments[i]);
        }
        return "/" + string.Join('/', output);
    }
}
