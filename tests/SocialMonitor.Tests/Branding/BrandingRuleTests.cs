using SocialMonitor.Core.Images;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Branding;
using SocialMonitor.Local;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Branding;

/// <summary>Each branding rule raises on its case and stays quiet on the matching compliant profile of Hayden.</summary>
public sealed class BrandingRuleTests
{
    public static readonly DateTimeOffset Now = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    private static readonly RuleContext s_hayden = new(Now, ShippedPolicy.Value) { Location = "hayden" };

    /// <summary>Hayden's Facebook Page as the policy wants it.</summary>
    public static Item Profile(params (string Name, string? Value)[] changes)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ProfileFacts.Name] = "Community Library Network - Hayden",
            [ProfileFacts.Handle] = "CLNHayden",
            [ProfileFacts.Website] = "https://www.communitylibrary.net/locations/hayden",
            [ProfileFacts.Bio] = "The Hayden branch. Comment policy: https://communitylibrary.net/social-media-policy",
            [ProfileFacts.Phone] = "(208) 555-0140",
            [ProfileFacts.Email] = "info@communitylibrary.net",
            [ProfileFacts.Address] = "8385 N Government Way, Hayden, ID 83835",
            [ProfileFacts.Hours] = "mon 10:00-19:00; tue 10:00-19:00; wed 10:00-19:00; thu 10:00-19:00; fri 10:00-18:00; sat 10:00-17:00",
            [ProfileFacts.PictureHash] = PerceptualHash.Format(PerceptualHash.Compute(BrandArt.Encoded(BrandArt.Logo))),
            [ProfileFacts.BannerHash] = PerceptualHash.Format(PerceptualHash.Compute(BrandArt.Encoded(BrandArt.Banner))),
        };
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                facts.Remove(name);
            }
            else
            {
                facts[name] = value;
            }
        }
        return new Item { Id = "104000000000003", Platform = "facebook", Account = "cln-hayden-fb", Kind = ItemKinds.Profile, Origin = ItemOrigins.Official, Facts = facts };
    }

    private static List<Detection> Run(IRule rule, Item item, RuleContext? context = null) => [.. rule.Evaluate(item, context ?? s_hayden)];

    [Fact]
    public void TheCompliantProfileRaisesNoBrandingFinding()
    {
        IRule[] rules = [new BrandNameRule(), new BrandImageRule(), new BrandWebsiteRule(), new PolicyLinkRule(), new ContactsRule(), new StaleAccountRule()];
        Assert.Empty(rules.SelectMany(r => r.Evaluate(Profile(), s_hayden)));
    }

    [Fact]
    public void NameMatchingNoPatternIsRaised()
    {
        var found = Assert.Single(Run(new BrandNameRule(), Profile((ProfileFacts.Name, "Hayden Book Club"), (ProfileFacts.Handle, "haydenbooks"))));
        Assert.Equal(("branding.name", Clauses.Branding), (found.Rule, found.Clause));
        Assert.Equal("name 'Hayden Book Club', handle 'haydenbooks': matches none of the library's name patterns for facebook", found.Evidence);
    }

    [Fact]
    public void AHandleAloneMayCarryTheName()
    {
        Assert.Empty(Run(new BrandNameRule(), Profile((ProfileFacts.Name, "Hayden Library"), (ProfileFacts.Handle, "cln_hayden"))));
        Assert.Single(Run(new BrandNameRule(), Profile((ProfileFacts.Name, "CLN Post Falls"), (ProfileFacts.Handle, "clnpostfalls"))));
    }

    [Fact]
    public void ALocationOfTwoWordsMatchesWrittenWithOrWithoutItsSpace()
    {
        var postFalls = s_hayden with { Location = "post-falls" };
        Assert.Empty(Run(new BrandNameRule(), Profile((ProfileFacts.Name, "Post Falls Library"), (ProfileFacts.Handle, "clnpostfalls")), postFalls));
        Assert.Empty(Run(new BrandNameRule(), Profile((ProfileFacts.Name, "Community Library Network - Post Falls")), postFalls));
    }

    [Fact]
    public void APictureThatIsAnotherLogoIsRaisedAndTheOldColoursAreNot()
    {
        var other = PerceptualHash.Format(PerceptualHash.Compute(BrandArt.Encoded(BrandArt.OtherLogo)));
        var found = Assert.Single(Run(new BrandImageRule(), Profile((ProfileFacts.PictureHash, other))));
        Assert.Equal("branding.image", found.Rule);
        Assert.StartsWith($"profile picture (hash {other}) is ", found.Evidence, StringComparison.Ordinal);
        Assert.EndsWith("from the nearest approved image, brand/cln-logo.png; at most 10 allowed", found.Evidence, StringComparison.Ordinal);
        var old = PerceptualHash.Format(PerceptualHash.Compute(BrandArt.Encoded(BrandArt.OldLogo)));
        Assert.Empty(Run(new BrandImageRule(), Profile((ProfileFacts.PictureHash, old))));
    }

    [Fact]
    public void ABannerThatIsNotApprovedIsRaisedAsTheBanner()
    {
        var other = PerceptualHash.Format(PerceptualHash.Compute(BrandArt.Encoded(BrandArt.OtherLogo)));
        Assert.StartsWith("banner ", Assert.Single(Run(new BrandImageRule(), Profile((ProfileFacts.BannerHash, other)))).Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void AWebsiteOnAnotherDomainIsRaisedAndOneMissingToo()
    {
        var found = Assert.Single(Run(new BrandWebsiteRule(), Profile((ProfileFacts.Website, "https://haydenlibraryfriends.org/"))));
        Assert.Equal(("branding.website", "website https://haydenlibraryfriends.org/ is not on communitylibrary.net", "haydenlibraryfriends.org"),
            (found.Rule, found.Evidence, found.EvidenceKey));
        Assert.Equal("no website on the profile", Assert.Single(Run(new BrandWebsiteRule(), Profile((ProfileFacts.Website, "")))).Evidence);
        Assert.Empty(Run(new BrandWebsiteRule(), Profile((ProfileFacts.Website, "communitylibrary.net/hayden"))));
    }

    [Fact]
    public void ABioWithoutTheCommentPolicyIsRaised()
    {
        var found = Assert.Single(Run(new PolicyLinkRule(), Profile((ProfileFacts.Bio, "The Hayden branch of the Community Library Network."))));
        Assert.Equal(("branding.policy-link", "the bio does not link the comment policy (https://communitylibrary.net/social-media-policy)"), (found.Rule, found.Evidence));
        Assert.Single(Run(new PolicyLinkRule(), Profile((ProfileFacts.Bio, ""))));
        Assert.Empty(Run(new PolicyLinkRule(), Profile((ProfileFacts.Bio, "Rules: www.communitylibrary.net/social-media-policy/"))));
        Assert.Empty(Run(new PolicyLinkRule(), Profile((ProfileFacts.Bio, "Rules: https://t.co/abc"), (ProfileFacts.BioLinks, "https://communitylibrary.net/social-media-policy"))));
    }

    [Fact]
    public void HoursThatDifferFromThePolicyAreRaisedWithTheDays()
    {
        var found = Assert.Single(Run(new ContactsRule(), Profile((ProfileFacts.Hours, "mon 10:00-19:00; tue 10:00-19:00; wed 10:00-19:00; thu 10:00-19:00; fri 10:00-18:00; sat 10:00-17:00; sun 12:00-16:00"))));
        Assert.Equal(("branding.contacts", "hours sun 12:00-16:00 (published closed) on the profile; the library publishes Hayden's hours in policy.json"), (found.Rule, found.Evidence));
    }

    [Fact]
    public void APhoneEmailOrAddressThatDiffersIsRaisedOncePerKind()
    {
        var found = Run(new ContactsRule(), Profile((ProfileFacts.Phone, "(208) 555-0199"), (ProfileFacts.Email, "hayden.library@gmail.com"), (ProfileFacts.Address, "100 W Main St, Hayden ID")));
        Assert.Equal(["phone:(208) 555-0199", "email:hayden.library@gmail.com", "address:100 w main st, hayden id"], found.Select(d => d.EvidenceKey));
        Assert.Empty(Run(new ContactsRule(), Profile((ProfileFacts.Phone, "+1 208-555-0140"), (ProfileFacts.Email, "hayden@communitylibrary.net"))));
    }

    [Fact]
    public void WhatTheProfileDoesNotCarryIsNotAFinding()
    {
        var x = Profile((ProfileFacts.Hours, null), (ProfileFacts.Phone, null), (ProfileFacts.Email, null), (ProfileFacts.Address, null),
            (ProfileFacts.BannerHash, null), (ProfileFacts.Bio, null), (ProfileFacts.Website, null)) with { Platform = "x" };
        IRule[] rules = [new BrandImageRule(), new BrandWebsiteRule(), new PolicyLinkRule(), new ContactsRule()];
        Assert.Empty(rules.SelectMany(r => r.Evaluate(x, s_hayden)));
    }

    [Fact]
    public void TheProfileRulesLeaveAccountItemsAlone()
    {
        var account = Profile((ProfileFacts.Website, "https://elsewhere.example/")) with { Kind = ItemKinds.Account };
        Assert.Empty(Run(new BrandWebsiteRule(), account));
    }

    [Fact]
    public void AnAccountWithNoPostFor45DaysIsStaleAndOneWith30IsNot()
    {
        static Item Account(string? last) => new()
        {
            Id = "cln-hayden-fb", Platform = "facebook", Account = "cln-hayden-fb", Kind = ItemKinds.Account, Origin = ItemOrigins.Official,
            Facts = last is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [ProfileFacts.LastOfficialPostAt] = last },
        };
        var found = Assert.Single(Run(new StaleAccountRule(), Account("2026-08-31T18:00:00Z")));
        Assert.Equal(("branding.stale", Clauses.CurrentInformation, "no official post for 45 days (the last on 2026-08-31); at most 30 allowed", "since:2026-08-31"),
            (found.Rule, found.Clause, found.Evidence, found.EvidenceKey));
        Assert.Empty(Run(new StaleAccountRule(), Account("2026-09-15T18:00:00Z")));
        Assert.Empty(Run(new StaleAccountRule(), Account(null)));
        Assert.Empty(Run(new StaleAccountRule(), Profile((ProfileFacts.LastOfficialPostAt, "2026-01-01T00:00:00Z"))));
    }

    [Fact]
    public void AnAccountWithNoPostEverIsStaleOnceItsPostsWereReadLongerThanTheLimit()
    {
        static Item Account(params (string Name, string Value)[] facts) => new()
        {
            Id = "cln-spiritlake-fb", Platform = "facebook", Account = "cln-spiritlake-fb", Kind = ItemKinds.Account, Origin = ItemOrigins.Official,
            Facts = facts.ToDictionary(f => f.Name, f => f.Value),
        };
        var found = Assert.Single(Run(new StaleAccountRule(), Account((ProfileFacts.NoOfficialPostSince, "2026-09-01T12:00:00Z"))));
        Assert.Equal(("branding.stale", "no official post in the 44 days the monitor has read the account (since 2026-09-01); at most 30 allowed", "none-since:2026-09-01"),
            (found.Rule, found.Evidence, found.EvidenceKey));
        Assert.Empty(Run(new StaleAccountRule(), Account((ProfileFacts.NoOfficialPostSince, "2026-10-01T12:00:00Z"))));
        Assert.Empty(Run(new StaleAccountRule(), Account((ProfileFacts.NoOfficialPostSince, "not a time"))));
        // A known last post wins over the reads' start: a post 10 days ago is not stale whatever the reads cover.
        Assert.Empty(Run(new StaleAccountRule(), Account((ProfileFacts.LastOfficialPostAt, "2026-10-05T12:00:00Z"), (ProfileFacts.NoOfficialPostSince, "2026-08-01T12:00:00Z"))));
    }

    [Fact]
    public void EveryBrandingRuleHasItsWords()
    {
        foreach (var rule in new[] { BrandNameRule.Rule, BrandImageRule.Rule, BrandWebsiteRule.Rule, PolicyLinkRule.Rule, ContactsRule.Rule, StaleAccountRule.Rule })
        {
            Assert.NotNull(RuleTexts.Find(rule));
        }
    }
}
