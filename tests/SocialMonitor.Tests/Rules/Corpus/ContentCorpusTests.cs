using System.Globalization;
using System.Text;
using System.Text.Json;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Accessibility;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.PersonalGain;
using SocialMonitor.Core.Rules.Pii;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Corpus;

/// <summary>
/// The labelled corpus (<c>content-corpus.jsonl</c>, written before the rules) through the four content rule families:
/// precision and recall per family over (item, rule id) pairs, printed, and held to at least 0.95 and 0.90.
/// </summary>
public sealed class ContentCorpusTests
{
    private const double MinPrecision = 0.95;
    private const double MinRecall = 0.90;
    private static readonly string[] Families = ["conduct", "pii", "personal-gain", "accessibility"];
    private static readonly RuleSet Rules = new([new ConductRule(), new PiiRule(), new PersonalGainRule(), new AccessibilityRule()]);

    [Fact]
    public void Corpus_Size_HasAtLeast300ItemsAndAThirdHardNegatives()
    {
        var corpus = Load();

        Assert.True(corpus.Count >= 300, $"{corpus.Count} items");
        Assert.True(corpus.Count(c => c.Tag.StartsWith("hard:", StringComparison.Ordinal)) * 3 >= corpus.Count, "at least a third hard negatives");
        Assert.All(corpus.Where(c => c.Tag.StartsWith("hard:", StringComparison.Ordinal)), c => Assert.Empty(c.Expected));
    }

    [Fact]
    public void Evaluate_Corpus_MeetsPrecisionAndRecallPerFamily()
    {
        var context = new RuleContext(new DateTimeOffset(2026, 10, 20, 15, 0, 0, TimeSpan.Zero), ShippedPolicy.Value);
        var counts = Families.ToDictionary(f => f, _ => (Tp: 0, Fp: 0, Fn: 0));
        var misses = new StringBuilder();

        foreach (var (item, expected, tag) in Load())
        {
            var found = Rules.Evaluate(item, context).Select(d => d.Rule).ToHashSet(StringComparer.Ordinal);
            foreach (var rule in found.Union(expected))
            {
                var family = rule.Split('.')[0];
                var (tp, fp, fn) = counts[family];
                counts[family] = (found.Contains(rule), expected.Contains(rule)) switch
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
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString() + misses);
        Assert.All(counts, c => Assert.True(
            Ratio(c.Value.Tp, c.Value.Fp) >= MinPrecision && Ratio(c.Value.Tp, c.Value.Fn) >= MinRecall,
            $"{c.Key} below precision {MinPrecision} or recall {MinRecall}:\n{report}{misses}"));
    }

    private static double Ratio(int hits, int misses) => hits + misses == 0 ? 1 : (double)hits / (hits + misses);

    private static List<(Item Item, HashSet<string> Expected, string Tag)> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Rules", "Corpus", "content-corpus.jsonl");
        var corpus = new List<(Item, HashSet<string>, string)>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var label = document.RootElement.GetProperty("label");
            var expected = label.GetProperty("expected").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
            corpus.Add((ItemJson.Deserialize<Item>(line), expected, label.GetProperty("tag").GetString()!));
        }
        return corpus;
    }
}
