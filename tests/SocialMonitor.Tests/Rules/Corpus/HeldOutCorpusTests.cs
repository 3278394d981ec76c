using System.Globalization;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Accessibility;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.PersonalGain;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Corpus;

/// <summary>
/// The held-out corpus (<c>conduct-heldout.jsonl</c>, issue 19: written without reading the rules, never edited to fit
/// them) through the conduct, personal-gain and accessibility rules: precision and recall per family, printed, and held
/// to at least 0.95 and 0.90 on each half and on the whole. The rules were developed against the odd-numbered half
/// (and their own unit tests); the even-numbered half was only checked afterwards.
/// </summary>
public sealed class HeldOutCorpusTests
{
    private const double MinPrecision = 0.95;
    private const double MinRecall = 0.90;
    private static readonly string[] Families = ["conduct", "personal-gain", "accessibility"];
    private static readonly RuleSet Rules = new([new ConductRule(), new PersonalGainRule(), new AccessibilityRule()]);

    [Fact]
    public void Corpus_Size_HasAtLeast600ItemsThirtyPerTagAndHalfHardNegatives()
    {
        var corpus = LabelledCorpus.Load("conduct-heldout.jsonl");

        Assert.True(corpus.Count >= 600, $"{corpus.Count} items");
        Assert.True(corpus.Count(c => c.Tag.StartsWith("hard:", StringComparison.Ordinal)) * 2 >= corpus.Count, "at least half hard negatives");
        Assert.All(corpus.GroupBy(c => c.Tag), g => Assert.True(g.Count() >= 30, $"{g.Key}: {g.Count()}"));
        Assert.All(corpus.Where(c => c.Tag.StartsWith("hard:", StringComparison.Ordinal)), c => Assert.Empty(c.Expected));
    }

    [Theory]
    [InlineData("development")]
    [InlineData("check")]
    [InlineData("all")]
    public void Evaluate_HeldOutCorpus_MeetsPrecisionAndRecallPerFamily(string half)
    {
        var context = new RuleContext(new DateTimeOffset(2026, 10, 20, 15, 0, 0, TimeSpan.Zero), ShippedPolicy.Value);
        var corpus = LabelledCorpus.Load("conduct-heldout.jsonl").Where(c => half switch
        {
            "development" => Number(c.Item.Id) % 2 == 1,
            "check" => Number(c.Item.Id) % 2 == 0,
            _ => true,
        });

        var (counts, report) = LabelledCorpus.Score(corpus, Rules, context, Families);

        TestContext.Current.TestOutputHelper?.WriteLine($"{half} half\n{report}");
        Assert.All(counts, c => Assert.True(
            LabelledCorpus.Ratio(c.Value.Tp, c.Value.Fp) >= MinPrecision && LabelledCorpus.Ratio(c.Value.Tp, c.Value.Fn) >= MinRecall,
            $"{c.Key} below precision {MinPrecision} or recall {MinRecall} ({half} half):\n{report}"));
    }

    /// <summary>
    /// The blind corpora, each written by another author without the rules, their lists or the other corpora, and
    /// committed before the rules were changed against it; then used to develop the rules, so their floors hold those
    /// gains, they do not claim field accuracy.
    /// <list type="bullet">
    /// <item><c>conduct-blind2.jsonl</c> (issue 19), from the kinds: measured blind conduct precision 0.976, recall
    /// 0.610; personal gain 0.955, 0.512; accessibility 0.938, 0.938.</item>
    /// <item><c>conduct-blind3.jsonl</c>, from the policy table, the item format and CLN's facts: measured blind conduct
    /// 0.933, 0.662; personal gain 0.970, 0.821; accessibility 1.000, 0.938 (the honest estimate of field accuracy);
    /// after: conduct 0.981 / 0.914, personal gain 0.971 / 0.872, accessibility 1.000 / 1.000.</item>
    /// <item><c>conduct-blind4.jsonl</c>, from DESIGN.md and policy.json only: measured blind conduct 0.890, 0.537;
    /// personal gain 0.933, 0.549; accessibility 1.000, 0.935; after: conduct 0.972 / 0.886, personal gain 1.000 / 0.843,
    /// accessibility unchanged.</item>
    /// </list>
    /// </summary>
    [Theory]
    [InlineData("conduct-blind2.jsonl", "conduct", 0.95, 0.90)]
    [InlineData("conduct-blind2.jsonl", "personal-gain", 0.95, 0.78)]
    [InlineData("conduct-blind2.jsonl", "accessibility", 0.90, 0.90)]
    [InlineData("conduct-blind3.jsonl", "conduct", 0.97, 0.90)]
    [InlineData("conduct-blind3.jsonl", "personal-gain", 0.95, 0.85)]
    [InlineData("conduct-blind3.jsonl", "accessibility", 0.95, 0.95)]
    [InlineData("conduct-blind4.jsonl", "conduct", 0.96, 0.87)]
    [InlineData("conduct-blind4.jsonl", "personal-gain", 0.95, 0.82)]
    [InlineData("conduct-blind4.jsonl", "accessibility", 0.95, 0.92)]
    public void Evaluate_BlindCorpus_HoldsItsFloors(string file, string family, double minPrecision, double minRecall)
    {
        var context = new RuleContext(new DateTimeOffset(2026, 10, 20, 15, 0, 0, TimeSpan.Zero), ShippedPolicy.Value);
        var (counts, report) = LabelledCorpus.Score(LabelledCorpus.Load(file), Rules, context, Families);

        TestContext.Current.TestOutputHelper?.WriteLine(report);
        var (tp, fp, fn) = (counts[family].Tp, counts[family].Fp, counts[family].Fn);
        Assert.True(LabelledCorpus.Ratio(tp, fp) >= minPrecision && LabelledCorpus.Ratio(tp, fn) >= minRecall,
            $"{file}: {family} below precision {minPrecision} or recall {minRecall}:\n{report}");
    }

    private static int Number(string id) => int.Parse(id.AsSpan(id.LastIndexOf('-') + 1), CultureInfo.InvariantCulture);
}
