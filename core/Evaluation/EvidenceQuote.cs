using System.Text;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Evaluation;

/// <summary>
/// The words around a detection's span in the item's text, the span marked <c>»…«</c>, for the finding
/// (<see cref="Findings.Finding.Quote"/>) and so for its emails. Personal data never reaches it: every <c>pii</c> span of
/// the item is replaced by its masked form, and the mailer's masker runs over the rest.
/// </summary>
public static class EvidenceQuote
{
    public const string MarkStart = "»";
    public const string MarkEnd = "«";

    private const int Context = 40;

    /// <summary>The quote, or null for a detection without a span in the text (a photo, an account fact).</summary>
    public static string? For(string text, Detection detection, IReadOnlyList<Detection> all, PersonalDataMasker masker)
    {
        if (detection.Offset is not { } offset || detection.Length is not { } length || offset < 0 || length <= 0 || offset + length > text.Length)
        {
            return null;
        }
        var from = WordStart(text, Math.Max(0, offset - Context), offset);
        var to = WordEnd(text, Math.Min(text.Length, offset + length + Context), offset + length);
        var personal = all.Where(d => d.Family == "pii" && d.Offset is { } o && d.Length is { } l && o < to && o + l > from)
            .OrderBy(d => d.Offset).ToList();
        var quote = new StringBuilder(from > 0 ? "…" : "");
        var at = from;
        foreach (var (cut, mark) in new[] { (offset, MarkStart), (offset + length, MarkEnd), (to, "") })
        {
            while (at < cut)
            {
                // A span of personal data inside the window is written masked, whole.
                if (personal.Find(d => d.Offset <= at && at < d.Offset + d.Length) is { } pii)
                {
                    quote.Append(pii.EvidenceKey);
                    at = Math.Max(at + 1, pii.Offset!.Value + pii.Length!.Value);
                    continue;
                }
                var next = personal.Where(d => d.Offset > at).Select(d => d.Offset!.Value).DefaultIfEmpty(cut).Min();
                var end = Math.Min(cut, next);
                quote.Append(text, at, end - at);
                at = end;
            }
            quote.Append(mark);
        }
        quote.Append(to < text.Length ? "…" : "");
        return masker.Mask(OneLine(quote.ToString()));
    }

    private static int WordStart(string text, int at, int limit)
    {
        for (var i = at; i < limit && at > 0; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i + 1;
            }
        }
        return at;
    }

    private static int WordEnd(string text, int at, int limit)
    {
        for (var i = at - 1; i > limit && at < text.Length; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }
        return at;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
