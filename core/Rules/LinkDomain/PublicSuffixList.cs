using System.Globalization;

namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// The Public Suffix List (https://publicsuffix.org/list/), ICANN and private sections, with the standard
/// algorithm: the longest matching rule prevails, an exception rule beats every other rule, and an unknown
/// top-level domain falls back to the default <c>*</c> rule. Hosts come in as lowercase ASCII (IDN as punycode).
/// </summary>
public sealed class PublicSuffixList
{
    private const string ResourceName = "public_suffix_list.dat";
    private const int MaxLabels = 127;

    private static readonly Lazy<PublicSuffixList> _default = new(Load);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _rules;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wildcards;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exceptions;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _topLevelDomains;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcards, HashSet<string> exceptions, HashSet<string> topLevelDomains)
    {
        _rules = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcards = wildcards.GetAlternateLookup<ReadOnlySpan<char>>();
        _exceptions = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        _topLevelDomains = topLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The list embedded in this assembly, read once on first use.</summary>
    public static PublicSuffixList Default => _default.Value;

    /// <summary>Number of rules read (normal, wildcard and exception).</summary>
    public int Count => _rules.Set.Count + _wildcards.Set.Count + _exceptions.Set.Count;

    /// <summary>Reads a list in the PSL file format: one rule per line, <c>//</c> comments, Unicode or punycode rules.</summary>
    public static PublicSuffixList Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var wildcards = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);
        var topLevelDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var idn = new IdnMapping();

        while (reader.ReadLine() is { } line)
        {
            var rule = line.AsSpan().Trim();
            var space = rule.IndexOfAny(' ', '\t');
            if (space >= 0)
            {
                rule = rule[..space];
            }
            if (rule.IsEmpty || rule.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var target = rules;
            if (rule.StartsWith("!", StringComparison.Ordinal))
            {
                target = exceptions;
                rule = rule[1..];
            }
            else if (rule.StartsWith("*.", StringComparison.Ordinal))
            {
                target = wildcards;
                rule = rule[2..];
            }
            if (ToAscii(rule, idn) is not { } ascii)
            {
                continue;
            }
            target.Add(ascii);
            topLevelDomains.Add(ascii[(ascii.LastIndexOf('.') + 1)..]);
        }
        return new PublicSuffixList(rules, wildcards, exceptions, topLevelDomains);
    }

    /// <summary>
    /// Reads a newer list from <paramref name="path"/> (the <c>Links__PublicSuffixList</c> setting); a file that does not
    /// look like the Public Suffix List (too few rules, no <c>com</c>) is refused rather than used.
    /// </summary>
    public static PublicSuffixList Load(string path)
    {
        using var reader = new StreamReader(path);
        var list = Parse(reader);
        if (list.Count < 1000 || !list.IsTopLevelDomain("com") || !list.IsTopLevelDomain("gov"))
        {
            throw new InvalidOperationException(
                $"Setting Links__PublicSuffixList names {path}, which is not the Public Suffix List ({list.Count} rules; get it from https://publicsuffix.org/list/public_suffix_list.dat).");
        }
        return list;
    }

    /// <summary>True when <paramref name="label"/> (any case, ASCII or punycode) is a top-level domain on the list.</summary>
    public bool IsTopLevelDomain(ReadOnlySpan<char> label) => !label.IsEmpty && _topLevelDomains.Contains(label);

    /// <summary>
    /// The public suffix of <paramref name="host"/> (<c>co.uk</c> for <c>www.example.co.uk</c>), or null for an
    /// IP address or an invalid host.
    /// </summary>
    public string? PublicSuffix(string host)
    {
        if (Normalize(host) is not { } name)
        {
            return null;
        }
        Span<int> starts = stackalloc int[MaxLabels];
        var count = LabelStarts(name, starts);
        return count == 0 ? null : name[starts[SuffixLabel(name, starts[..count])]..];
    }

    /// <summary>
    /// The registrable domain of <paramref name="host"/>: its public suffix plus one more label
    /// (<c>example.co.uk</c> for <c>www.example.co.uk</c>). Null for an IP address, a bare public suffix or an
    /// invalid host.
    /// </summary>
    public string? RegistrableDomain(string host)
    {
        if (Normalize(host) is not { } name)
        {
            return null;
        }
        Span<int> starts = stackalloc int[MaxLabels];
        var count = LabelStarts(name, starts);
        if (count == 0)
        {
            return null;
        }
        var suffix = SuffixLabel(name, starts[..count]);
        return suffix == 0 ? null : name[starts[suffix - 1]..];
    }

    /// <summary>Index of the label where the public suffix starts.</summary>
    private int SuffixLabel(string name, ReadOnlySpan<int> starts)
    {
        // An exception rule prevails over every other rule; its suffix is the rule without its leftmost label.
        for (var i = 0; i < starts.Length - 1; i++)
        {
            if (_exceptions.Contains(name.AsSpan(starts[i])))
            {
                return i + 1;
            }
        }
        // Otherwise the longest matching rule, normal or wildcard; none matching means the default rule "*".
        for (var i = 0; i < starts.Length; i++)
        {
            if (_rules.Contains(name.AsSpan(starts[i])) ||
                (i + 1 < starts.Length && _wildcards.Contains(name.AsSpan(starts[i + 1]))))
            {
                return i;
            }
        }
        return starts.Length - 1;
    }

    /// <summary>The host lowercased, or null when it is not a valid DNS name of ASCII labels or is an IP address.</summary>
    private static string? Normalize(string host)
    {
        if (string.IsNullOrEmpty(host) || host.Length > 253)
        {
            return null;
        }
        var labelLength = 0;
        var lastLabelNumeric = true;
        foreach (var c in host)
        {
            if (c == '.')
            {
                if (labelLength == 0)
                {
                    return null;
                }
                labelLength = 0;
                lastLabelNumeric = true;
                continue;
            }
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || ++labelLength > 63)
            {
                return null;
            }
            lastLabelNumeric &= char.IsAsciiDigit(c);
        }
        if (labelLength == 0 || lastLabelNumeric)
        {
            return null;
        }
        return host.AsSpan().ContainsAnyInRange('A', 'Z') ? host.ToLowerInvariant() : host;
    }

    private static int LabelStarts(string name, Span<int> starts)
    {
        var count = 0;
        starts[count++] = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '.')
            {
                if (count == starts.Length)
                {
                    return 0;
                }
                starts[count++] = i + 1;
            }
        }
        return count;
    }

    private static string? ToAscii(ReadOnlySpan<char> rule, IdnMapping idn)
    {
        if (!rule.ContainsAnyExceptInRange((char)0, (char)127))
        {
            return rule.ToString().ToLowerInvariant();
        }
        try
        {
            return idn.GetAscii(rule.ToString());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static PublicSuffixList Load()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
