using System.Buffers;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// A text read into words (see <see cref="CharFolding"/>) and the listed terms found in it. The buffers are pooled:
/// dispose it when done.
/// </summary>
internal sealed class ScannedText : IDisposable
{
    private char[] _chars;
    private TextWord[] _words;
    private TermHit[] _hits;
    private int _wordCount;
    private int _hitCount;

    private ScannedText(string source, char[] chars, int charCount, TextWord[] words, int wordCount)
    {
        CharCount = charCount;
        Source = source;
        _chars = chars;
        _words = words;
        _wordCount = wordCount;
        _hits = ArrayPool<TermHit>.Shared.Rent(wordCount * 2 + 1);
    }

    public string Source { get; }

    /// <summary>How much of the buffer the words' forms use.</summary>
    public int CharCount { get; }

    /// <summary>Every word's forms back to back (the stem finder searches them all at once).</summary>
    public ReadOnlySpan<char> AllForms => _chars.AsSpan(0, CharCount);

    public ReadOnlySpan<TextWord> Words => _words.AsSpan(0, _wordCount);

    public ReadOnlySpan<TermHit> Hits => _hits.AsSpan(0, _hitCount);

    public ReadOnlySpan<char> Form(int word) => _chars.AsSpan(_words[word].Start, _words[word].Length);

    public ReadOnlySpan<char> LeetForm(int word) => _chars.AsSpan(_words[word].LeetStart, _words[word].LeetLength);

    /// <summary>The source text from the first word's start to the last word's end, as written.</summary>
    public string Quote(int word, int count) =>
        Source[_words[word].SourceStart.._words[word + count - 1].SourceEnd];

    /// <summary>
    /// Reads <paramref name="text"/> into words: maximal runs of letters, digits and leetspeak symbols. Quotes come from
    /// <paramref name="source"/> when given (the text as written, of the same length: <paramref name="text"/> unmasked).
    /// </summary>
    public static ScannedText Read(string text, CharFolding folding, string? source = null)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length * 2 + 1);
        var words = ArrayPool<TextWord>.Shared.Rent(text.Length / 2 + 2);
        var count = 0;
        var used = 0;
        var opensSentence = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var folded = folding.Fold(c);
            if (!IsWordChar(folded) || folded is '@' or '!' or '|')
            {
                opensSentence |= c is '.' or '!' or '?' or '\n' or ';';
                i++;
                continue;
            }
            var sourceStart = i;
            var start = used;
            var sourceEnd = i;
            var mixed = false;
            for (; i < text.Length; i++)
            {
                folded = folding.Fold(text[i]);
                if (folded is >= 'a' and <= 'z')
                {
                    chars[used++] = folded;
                    sourceEnd = i + 1;
                    continue;
                }
                if (folded == CharFolding.Dropped)
                {
                    continue;
                }
                if (!IsWordChar(folded))
                {
                    break;
                }
                mixed |= folded is (>= '0' and <= '9') or '@' or '$' or '!' or '|';
                chars[used++] = folded;
                sourceEnd = i + 1;
            }
            var endsSentence = false;
            if (chars[used - 1] is '!' or '|' or '@')
            {
                while (used > start && chars[used - 1] is '!' or '|' or '@')
                {
                    endsSentence |= chars[used - 1] == '!';
                    used--;
                }
                while (sourceEnd > sourceStart && folding.Fold(text[sourceEnd - 1]) is '!' or '|' or '@' or CharFolding.Dropped)
                {
                    sourceEnd--;
                }
            }
            if (used > start && !mixed)
            {
                words[count++] = new TextWord(start, used - start, used, 0, sourceStart, sourceEnd, opensSentence);
                opensSentence = false;
            }
            else if (used > start && Forms(chars, start, ref used) is var (length, leetStart, leetLength) && (length > 0 || leetLength > 0))
            {
                words[count++] = new TextWord(start, length, leetStart, leetLength, sourceStart, sourceEnd, opensSentence);
                opensSentence = false;
            }
            opensSentence |= endsSentence;
        }
        return new ScannedText(source ?? text, chars, used, words, count);
    }

    /// <summary>
    /// Turns the raw word at <c>chars[start..used]</c> into its form (letters and digits, in place) and, when it mixes
    /// letters with digits or symbols, its leetspeak reading written after it; <paramref name="used"/> moves past both.
    /// </summary>
    private static (int Length, int LeetStart, int LeetLength) Forms(char[] chars, int start, ref int used)
    {
        var raw = chars.AsSpan(start, used - start);
        var hasLetter = false;
        var hasOther = false;
        foreach (var c in raw)
        {
            if (c is (>= '0' and <= '9') or '@' or '$' or '!' or '|')
            {
                hasOther = true;
            }
            else
            {
                hasLetter = true;
            }
        }
        if (!hasOther)
        {
            return (raw.Length, used, 0);
        }

        var leetStart = used;
        var leetLength = 0;
        if (hasLetter)
        {
            foreach (var c in raw)
            {
                var letter = Leet(c);
                if (letter == '\0')
                {
                    leetLength = 0;
                    break;
                }
                chars[leetStart + leetLength++] = letter;
            }
        }
        var length = 0;
        foreach (var c in raw)
        {
            if (c is not ('@' or '$' or '!' or '|'))
            {
                chars[start + length++] = c;
            }
        }
        if (leetLength > 0)
        {
            used = leetStart + leetLength;
        }
        return (length, leetStart, leetLength);
    }

    private static char Leet(char c) => c switch
    {
        '0' => 'o',
        '1' or '!' => 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        '|' => 'l',
        >= '0' and <= '9' => '\0',
        _ => c,
    };

    private static bool IsWordChar(char folded) =>
        folded is not (CharFolding.Separator or CharFolding.Dropped or '\'');

    internal void Add(TermHit hit) => _hits[_hitCount++] = hit;

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<TextWord>.Shared.Return(_words);
        ArrayPool<TermHit>.Shared.Return(_hits);
        _chars = [];
        _words = [];
        _hits = [];
        _wordCount = 0;
        _hitCount = 0;
    }
}
