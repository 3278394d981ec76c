namespace SocialMonitor.Core.Rules.Pii;

/// <summary>
/// A text with its digits and dashes as ASCII, for the number finders: full-width (<c>２０８</c>), Arabic-Indic
/// (<c>٢٠٨</c>) and other Unicode decimal digits read as 0-9, emoji keycaps (<c>2️⃣</c>) as their digit, and full-width,
/// minus and other dashes as <c>-</c>. <see cref="Map"/> gives, for each character of <see cref="Text"/>, where it
/// stands in the original, so a finding's offsets stay the original's; both are the original (no copy, no map) when
/// there is nothing to change.
/// </summary>
internal sealed class PlainDigits
{
    private readonly int[]? _map;

    private PlainDigits(string text, int[]? map)
    {
        Text = text;
        _map = map;
    }

    public string Text { get; }

    public static PlainDigits Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsChange(text))
        {
            return new PlainDigits(text, null);
        }
        var chars = new char[text.Length];
        var map = new int[text.Length + 1];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\uFE0F' or '\u20E3')
            {
                continue; // a keycap's variation selector and enclosing keycap: the digit before them stands
            }
            map[length] = i;
            chars[length++] = Plain(c);
        }
        map[length] = text.Length;
        return new PlainDigits(new string(chars, 0, length), map);
    }

    /// <summary>The original offset of <paramref name="index"/> in <see cref="Text"/> (its length maps to the original's).</summary>
    public int Map(int index) => _map is null ? index : _map[index];

    /// <summary>The original end of a range of <see cref="Text"/> that ends at <paramref name="end"/> (after its last character).</summary>
    public int MapEnd(int end) => _map is null || end == 0 ? end : _map[end - 1] + 1;

    private static bool NeedsChange(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007F' && Plain(c) != c || c is '\uFE0F' or '\u20E3')
            {
                return true;
            }
        }
        return false;
    }

    private static char Plain(char c) => c switch
    {
        < '\u0080' => c,
        '\uFF0D' or '\u2212' or '\u2010' or '\uFE63' => '-',
        '\u3000' => ' ',
        _ when char.IsDigit(c) => (char)('0' + (int)char.GetNumericValue(c)),
        _ => c,
    };
}
