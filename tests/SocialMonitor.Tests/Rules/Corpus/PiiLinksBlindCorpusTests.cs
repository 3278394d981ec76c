using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Core.Rules.Pii;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Corpus;

/// <summary>
/// The blind corpus for the <c>pii</c> and <c>link-domain</c> families (<c>pii-links-blind.jsonl</c>): written by another
/// author from the policy and the item format only, without the rules, their tests or the other corpora, and committed
/// before the rules were changed against it. Scored per family over (item, rule id) pairs with the shipped policy, no
/// approvals, and no shortened link resolved (resolution is off, as offline: a shortener then hides its target), printed.
/// Measured blind first, before any rule change: pii precision 0.870, recall 0.938 (181 tp, 27 fp, 12 fn); link-domain
/// precision 0.758, recall 0.729 (94 tp, 30 fp, 35 fn). Then used to develop the rules (the corpus README says how);
/// after that, as labelled: pii 1.000 / 1.000, link-domain 0.902 / 0.860; under the product's contract (see
/// <see cref="ContractIds"/>): link-domain 1.000 / 0.992. Its floors hold those gains; they do not claim field accuracy.
/// The second blind corpus, <c>pii-links-blind2.jsonl</c>, written the same way, measured blind before any change: pii
/// precision 0.930, recall 0.629 (107 tp, 8 fp, 63 fn); link-domain 0.835 / 0.816 (111 tp, 22 fp, 25 fn) as labelled.
/// After generalising from its misses: pii 1.000 / 0.976 (166 tp, 0 fp, 4 fn); link-domain 0.865 / 0.846 as labelled and
/// 1.000 / 1.000 under the product's contract (<see cref="ContractIds2"/>); the first corpus then pii 0.995 / 1.000.
/// </summary>
public sealed class PiiLinksBlindCorpusTests
{
    private static readonly string[] Families = ["pii", "link-domain"];
    private static readonly RuleSet Rules = new([new PiiRule(), new UnapprovedLinkRule()]);

    [Fact]
    public void Corpus_Size_HasThirtyItemsPerKindAndHalfHardNegatives()
    {
        var corpus = LabelledCorpus.Load("pii-links-blind.jsonl");

        Assert.True(corpus.Count >= 500, $"{corpus.Count} items");
        Assert.True(corpus.Count(c => c.Tag.StartsWith("hard:", StringComparison.Ordinal)) * 2 >= corpus.Count, "at least half hard negatives");
        Assert.All(corpus.GroupBy(c => c.Tag[(c.Tag.IndexOf(':', StringComparison.Ordinal) + 1)..]), g => Assert.True(g.Count() >= 30, $"{g.Key}: {g.Count()}"));
    }

    /// <summary>
    /// Items whose link-domain id the corpus gives by its own reading of a kind where the product decided otherwise
    /// (the link corpus's labelling decisions in <c>Rules/LinkDomain/Corpus</c>, and <c>UnapprovedLinkRuleTests</c>): a
    /// look-alike is a name spelt to look like ours, while our name with words added (L013 <c>mycommunitylibrary.net</c>)
    /// or as a subdomain of another site (L009 <c>communitylibrary.net.evil.com</c>) is that other site, unapproved; a
    /// user-info trick is a site name before the <c>@</c>, while a plain user name (L069 <c>admin@evil.com</c>) is no
    /// trick, and a user name on our own host (L110) is our own site. Scored "under the product's contract", these items
    /// expect the id the product gives; scored "as labelled", the corpus's own ids.
    /// </summary>
    private static readonly Dictionary<string, string[]> ContractIds = new(StringComparer.Ordinal)
    {
        // Our name with words added, or as a subdomain of another registrable domain: unapproved (L009, L013).
        ["pl-0324"] = [UnapprovedLinkRule.Id], ["pl-0336"] = [UnapprovedLinkRule.Id], ["pl-0395"] = [UnapprovedLinkRule.Id],
        ["pl-0459"] = [UnapprovedLinkRule.Id], ["pl-0484"] = [UnapprovedLinkRule.Id], ["pl-0534"] = [UnapprovedLinkRule.Id],
        // A plain user name or password, no site name, before another host: unapproved (L069).
        ["pl-0017"] = [UnapprovedLinkRule.Id], ["pl-0203"] = [UnapprovedLinkRule.Id], ["pl-0316"] = [UnapprovedLinkRule.Id],
        ["pl-0327"] = [UnapprovedLinkRule.Id], ["pl-0366"] = [UnapprovedLinkRule.Id], ["pl-0429"] = [UnapprovedLinkRule.Id],
        ["pl-0125"] = [UnapprovedLinkRule.Id],
        // A user name on our own host: our own site, nothing (L110, Evaluate_UserInfoOnAllowedHost_ReturnsNothing).
        ["pl-0031"] = [], ["pl-0135"] = [], ["pl-0178"] = [], ["pl-0278"] = [],
    };

    /// <summary>
    /// The same for <c>pii-links-blind2.jsonl</c>: the items whose link-domain id the corpus gives by its own reading where
    /// the product decided otherwise, grouped by the contract that decides them.
    /// </summary>
    private static readonly Dictionary<string, string[]> ContractIds2 = new(StringComparer.Ordinal)
    {
        // Our name with words added, as a subdomain of another registrable domain, or another word form of it: that other
        // site, unapproved (L009, L013; NameImitationTests: communitylibraries.org shares our words, it is another site).
        ["pl2-0006"] = [UnapprovedLinkRule.Id], ["pl2-0031"] = [UnapprovedLinkRule.Id], ["pl2-0135"] = [UnapprovedLinkRule.Id],
        ["pl2-0145"] = [UnapprovedLinkRule.Id], ["pl2-0245"] = [UnapprovedLinkRule.Id], ["pl2-0248"] = [UnapprovedLinkRule.Id],
        ["pl2-0267"] = [UnapprovedLinkRule.Id], ["pl2-0278"] = [UnapprovedLinkRule.Id], ["pl2-0292"] = [UnapprovedLinkRule.Id],
        ["pl2-0464"] = [UnapprovedLinkRule.Id],
        // A plain user name or password, no site name and no host:port, before another host: unapproved (L069).
        ["pl2-0065"] = [UnapprovedLinkRule.Id], ["pl2-0241"] = [UnapprovedLinkRule.Id], ["pl2-0370"] = [UnapprovedLinkRule.Id],
        ["pl2-0413"] = [UnapprovedLinkRule.Id], ["pl2-0437"] = [UnapprovedLinkRule.Id], ["pl2-0499"] = [UnapprovedLinkRule.Id],
        ["pl2-0541"] = [UnapprovedLinkRule.Id], ["pl2-0552"] = [UnapprovedLinkRule.Id],
        // A user name on our own or an allowed (.edu) host: that site, nothing (Evaluate_UserInfoOnAllowedHost_ReturnsNothing).
        ["pl2-0143"] = [], ["pl2-0550"] = [],
        // ftp:// is no web link a platform makes clickable: nothing (LinkExtractorTests.Extract_NotLinks_ReturnsNothing).
        ["pl2-0002"] = [],
    };

    [Theory]
    [InlineData("pii-links-blind.jsonl", "pii", 0.98, 0.98)]
    [InlineData("pii-links-blind.jsonl", "link-domain", 0.88, 0.84)]
    [InlineData("pii-links-blind2.jsonl", "pii", 0.98, 0.95)]
    [InlineData("pii-links-blind2.jsonl", "link-domain", 0.84, 0.82)]
    public void Evaluate_BlindCorpus_AsLabelled_HoldsItsFloors(string file, string family, double minPrecision, double minRecall) =>
        AssertFloors(LabelledCorpus.Load(file), $"{file} as labelled", family, minPrecision, minRecall);

    [Theory]
    [InlineData("pii-links-blind.jsonl", "pii", 0.98, 0.98)]
    [InlineData("pii-links-blind.jsonl", "link-domain", 0.98, 0.97)]
    [InlineData("pii-links-blind2.jsonl", "pii", 0.98, 0.95)]
    [InlineData("pii-links-blind2.jsonl", "link-domain", 0.98, 0.97)]
    public void Evaluate_BlindCorpus_UnderTheProductsContract_HoldsItsFloors(string file, string family, double minPrecision, double minRecall) =>
        AssertFloors(LabelledCorpus.Load(file).Select(UnderContract), $"{file} under the product's contract", family, minPrecision, minRecall);

    private static LabelledItem UnderContract(LabelledItem labelled)
    {
        if (!ContractIds.TryGetValue(labelled.Item.Id, out var links) && !ContractIds2.TryGetValue(labelled.Item.Id, out links))
        {
            return labelled;
        }
        var expected = labelled.Expected.Where(id => !id.StartsWith("link-domain.", StringComparison.Ordinal)).Concat(links).ToHashSet(StringComparer.Ordinal);
        return labelled with { Expected = expected };
    }

    private static void AssertFloors(IEnumerable<LabelledItem> corpus, string how, string family, double minPrecision, double minRecall)
    {
        // Resolution off, as the rule's own tests evaluate links: nothing is resolved, so a shortener hides its target.
        var context = new RuleContext(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), ShippedPolicy.Value)
        {
            ResolvedLinks = new Dictionary<string, ResolvedLink>(),
        };
        var (counts, report) = LabelledCorpus.Score(corpus, Rules, context, Families);

        TestContext.Current.TestOutputHelper?.WriteLine($"{how}\n{report}");
        var (tp, fp, fn) = (counts[family].Tp, counts[family].Fp, counts[family].Fn);
        Assert.True(LabelledCorpus.Ratio(tp, fp) >= minPrecision && LabelledCorpus.Ratio(tp, fn) >= minRecall,
            $"{family} below precision {minPrecision} or recall {minRecall} ({how}):\n{report}");
    }
}
