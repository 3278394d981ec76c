namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// What emoji say where the words are few (the scanner reads no emoji): the middle finger is profanity; a run of
/// weapons (🔫🔫, 💣💣) with a target or an <c>@mention</c> is a threat, unless it sits by praise (💣🔥 "the bomb");
/// a run of clowns at an <c>@mention</c> or a person is an insult; eggplant, tongue, splash or a run of peaches aimed at
/// a person is a sexual remark; a run of apes or cockroaches beside a group is dehumanising; and a leer (🥵🤤😈😏😉)
/// is a second come-on signal beside a listed one. A run is two or more of the same emoji in a row.
/// </summary>
internal static class EmojiSigns
{
    private static readonly string[] s_weapons = ["🔫", "💣", "🔪", "🗡"];
    private static readonly string[] s_praise = ["🔥", "💯", "🙌", "❤", "😍"];
    private static readonly string[] s_sexual = ["🍆", "👅", "💦"];
    private static readonly string[] s_animals = ["🐒", "🦍", "🐵", "🪳"];
    private static readonly string[] s_leers = ["🥵", "🤤", "😈", "😏", "😉", "😜"];

    /// <summary>Whether the text may hold any of these (a surrogate pair or the dagger's symbol): most texts have none.</summary>
    public static bool MayHave(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    public static bool MiddleFinger(string text) => text.Contains("🖕", StringComparison.Ordinal);

    public static bool WeaponAimed(string text, bool target) =>
        (target || Mentions(text)) && HasRun(text, s_weapons) && !Any(text, s_praise);

    public static bool ClownsAt(string text, bool person) => (person || Mentions(text)) && HasRun(text, ["🤡"]);

    public static bool SexualAt(string text, bool person) =>
        (person || Mentions(text)) && (Any(text, s_sexual) || HasRun(text, ["🍑"]));

    public static bool AnimalsAtGroup(string text, bool group) => group && HasRun(text, s_animals);

    public static bool Leer(string text) => Any(text, s_leers);

    /// <summary>An @mention: "@" straight before a letter, at the start or after no letter or digit.</summary>
    private static bool Mentions(string text)
    {
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0 && at + 1 < text.Length; at = text.IndexOf('@', at + 1))
        {
            if (char.IsLetter(text[at + 1]) && (at == 0 || !char.IsLetterOrDigit(text[at - 1])))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Any(string text, ReadOnlySpan<string> emoji)
    {
        foreach (var e in emoji)
        {
            if (text.Contains(e, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Two or more of one emoji in a row (a variation selector or a space between counts as none).</summary>
    private static bool HasRun(string text, ReadOnlySpan<string> emoji)
    {
        foreach (var e in emoji)
        {
            for (var at = text.IndexOf(e, StringComparison.Ordinal); at >= 0; at = text.IndexOf(e, at + e.Length, StringComparison.Ordinal))
            {
                var next = at + e.Length;
                while (next < text.Length && text[next] is '\uFE0F' or ' ')
                {
                    next++;
                }
                if (text.AsSpan(next).StartsWith(e, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
