using System.Globalization;
using System.Text;

namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// A small skeleton in the spirit of Unicode TS 39: letters of other scripts that look like Latin ones (Cyrillic
/// <c>а о с р е і</c>, Greek <c>ο α ν ρ</c>, Armenian <c>օ ս</c> and the like) become that Latin letter, accents are
/// dropped, and the classic ASCII tricks (<c>rn</c> for <c>m</c>, <c>0</c> for <c>o</c>, <c>1</c> for <c>l</c>) are
/// undone. Two names with the same skeleton look the same to a reader. Hosts come in after IDNA mapping (lowercase,
/// compatibility forms such as full-width letters already folded).
/// </summary>
public static class Confusables
{
    private static readonly Dictionary<char, char> _latin = new()
    {
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['г'] = 'r', ['е'] = 'e', ['һ'] = 'h', ['і'] = 'i', ['ј'] = 'j', ['к'] = 'k', ['ӏ'] = 'l',
        ['о'] = 'o', ['п'] = 'n', ['р'] = 'p', ['ԛ'] = 'q', ['с'] = 'c', ['ѕ'] = 's', ['у'] = 'y', ['х'] = 'x', ['ь'] = 'b',
        ['ԁ'] = 'd', ['ԝ'] = 'w', ['ү'] = 'y',
        // Greek
        ['α'] = 'a', ['γ'] = 'y', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't',
        ['υ'] = 'u', ['χ'] = 'x', ['ω'] = 'w', ['ϲ'] = 'c', ['ϳ'] = 'j',
        // Armenian
        ['օ'] = 'o', ['ս'] = 'u', ['հ'] = 'h', ['ո'] = 'n', ['ց'] = 'g', ['զ'] = 'q',
        // Latin look-alikes and ASCII digits
        ['ı'] = 'i', ['ȷ'] = 'j', ['ɡ'] = 'g', ['ɑ'] = 'a', ['ɩ'] = 'i', ['ʏ'] = 'y', ['ſ'] = 'f', ['ƅ'] = 'b', ['0'] = 'o', ['1'] = 'l',
    };

    /// <summary>The skeleton of a host or label (Unicode form): what it looks like, in plain Latin letters.</summary>
    public static string Skeleton(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            text.Append(_latin.TryGetValue(lower, out var latin) ? latin : lower);
        }
        return text.Replace("rn", "m").Replace("vv", "w").ToString();
    }
}
