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

        var (counts, report) = LabelledCorpus.Score(Load(), Rules, context, Families);

        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.All(counts, c => Assert.True(
            LabelledCorpus.Ratio(c.Value.Tp, c.Value.Fp) >= MinPrecision && LabelledCorpus.Ratio(c.Value.Tp, c.Value.Fn) >= MinRecall,
            $"{c.Key} below precision {MinPrecision} or recall {MinRecall}:\n{report}"));
    }

    private static List<LabelledItem> Load() => LabelledCorpus.Load("content-corpus.jsonl");
}
