using System.Globalization;
using System.Text;
using System.Text.Json;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Tests.Rules.Corpus;

/// <summary>
/// A labelled corpus file (item JSON plus <c>label.expected</c> and <c>label.tag</c>, see the README) and its score:
/// precision and recall per rule family over (item, rule id) pairs, with every miss listed.
/// </summary>
internal static class LabelledCorpus
{
    public static List<LabelledItem> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Rules", "Corpus", file);
        var corpus = new List<LabelledItem>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var label = document.RootElement.GetProperty("label");
            var expected = label.GetProperty("expected").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
            corpus.Add(new LabelledItem(ItemJson.Deserialize<Item>(line), expected, label.GetProperty("tag").GetString()!));
        }
        return corpus;
    }

    /// <summary>
    /// Runs <paramref name="rules"/> over <paramref name="corpus"/>; the counts per family (families not named are not
    /// counted), a printable table and the misses ("FP"/"FN", rule, tag, id, text).
    /// </summary>
    public static (Dictionary<string, (int Tp, int Fp, int Fn)> Counts, string Report) Score(
        IEnumerable<LabelledItem> corpus, RuleSet rules, RuleContext context, IReadOnlyList<string> families)
    {
        var counts = families.ToDictionary(f => f, _ => (Tp: 0, Fp: 0, Fn: 0));
        var misses = new StringBuilder();
        foreach (var (item, expected, tag) in corpus)
        {
            var found = rules.Evaluate(item, context).Select(d => d.Rule).ToHashSet(StringComparer.Ordinal);
            foreach (var rule in found.Union(expected))
            {
                if (!counts.TryGetValue(rule.Split('.')[0], out var count))
                {
                    continue;
                }
                var (tp, fp, fn) = count;
                counts[rule.Split('.')[0]] = (found.Contains(rule), expected.Contains(rule)) switch
                {
                    (true, true) => (tp + 1, fp, fn),
                    (true, false) => (tp, fp + 1, fn),
                    _ => (tp, fp, fn + 1),
                };
                if (found.Contains(rule) != expected.Contains(rule))
                {
                    misses.AppendLine(CultureInfo.InvariantCulture, $"  {(found.Contains(rule) ? "FP" : "FN")} {rule} [{tag}] {item.Id}: {item.Text}");
                }
            }
        }
        var report = new StringBuilder("family          precision  recall   tp  fp  fn\n");
        foreach (var (family, (tp, fp, fn)) in counts)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{family,-15} {Ratio(tp, fp),9:0.000} {Ratio(tp, fn),7:0.000} {tp,4} {fp,3} {fn,3}");
        }
        return (counts, report.Append(misses).ToString());
    }

    public static double Ratio(int hits, int misses) => hits + misses == 0 ? 1 : (double)hits / (hits + misses);
}
