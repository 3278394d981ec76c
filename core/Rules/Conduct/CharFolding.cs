using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// How one character reads for matching: ASCII letters lowercased; look-alike letters (the policy's
/// <c>confusables</c> list) and accented letters (Unicode compatibility decomposition) as their ASCII letter;
/// zero-width and combining characters dropped, so they cannot split a word; digits and the leetspeak symbols
/// <c>@ $ ! |</c> kept for the word reader; everything else a separator.
/// </summary>
internal sealed class CharFolding
{
    /// <summary>Read as nothing: the word goes on (zero-width characters, combining marks).</summary>
    public const char Dropped = '\0';

    /// <summary>Ends a word.</summary>
    public const char Separator = ' ';

    private static readonly (char From, char To)[] s_extraLetters = [('ø', 'o'), ('Ø', 'o'), ('đ', 'd'), ('Đ', 'd'), ('ł', 'l'), ('Ł', 'l'), ('ı', 'i'), ('ß', 's'), ('æ', 'a'), ('œ', 'o')];

    private static readonly char[] s_ascii = CreateAsciiTable();

    private readonly FrozenDictionary<char, char> _nonAscii;

    private CharFolding(FrozenDictionary<char, char> nonAscii) => _nonAscii = nonAscii;

    /// <summary>
    /// Builds the folding from the confusables list (lines <c>0430 a</c>: a hexadecimal code point and its ASCII
    /// letter or digit) and the decompositions of the Latin, Greek, Cyrillic and full-width blocks.
    /// </summary>
    public static CharFolding Create(IReadOnlyList<string> confusables)
    {
        ArgumentNullException.ThrowIfNull(confusables);
        var map = new Dictionary<char, char>();
        foreach (var line in confusables)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[1].Length == 1 && char.IsAsciiLetterOrDigit(parts[1][0]) &&
                int.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code is > 127 and <= 0xFFFF)
            {
                map[(char)code] = char.ToLowerInvariant(parts[1][0]);
            }
        }
        foreach (var (from, to) in s_extraLetters)
        {
            map.TryAdd(from, to);
        }
        foreach (var (first, last) in new[] { (0x00C0, 0x024F), (0x1E00, 0x1EFF), (0xFF10, 0xFF5A) })
        {
            for (var code = first; code <= last; code++)
            {
                var c = (char)code;
                if (!map.ContainsKey(c) && c.ToString().Normalize(NormalizationForm.FormKD) is [var b, ..] && char.IsAsciiLetterOrDigit(b))
                {
                    map[c] = char.ToLowerInvariant(b);
                }
            }
        }
        return new CharFolding(map.ToFrozenDictionary());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public char Fold(char c) => c < 128 ? s_ascii[c] : FoldNonAscii(c);

    private char FoldNonAscii(char c)
    {
        if (_nonAscii.TryGetValue(c, out var folded))
        {
            return folded;
        }
        if (c is '\u2019' or '\u2018' or '\u02BC')
        {
            return '\'';
        }
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => Dropped,
            UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter => c,
            UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => char.ToLowerInvariant(c),
            _ => Separator,
        };
    }

    private static char[] CreateAsciiTable()
    {
        var table = new char[128];
        for (var c = (char)0; c < 128; c++)
        {
            table[c] = c switch
            {
                >= 'A' and <= 'Z' => (char)(c | 0x20),
                (>= 'a' and <= 'z') or (>= '0' and <= '9') or '@' or '$' or '!' or '|' or '\'' => c,
                _ => Separator,
            };
        }
        return table;
    }
}
