using BenchmarkDotNet.Attributes;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Benchmarks;

/// <summary>The link rules on a link-heavy official post (wrappers, a shortener resolved, an IDN look-alike) with approvals in force, and on one plain link.</summary>
[MemoryDiagnoser]
public class LinkRuleBenchmark
{
    private readonly UnapprovedLinkRule _rule = new();
    private readonly RuleContext _context;

    private readonly Item _linkHeavy = new()
    {
        Id = "19292868552_10158407835073555",
        Platform = "facebook",
        Origin = ItemOrigins.Official,
        Account = "cln-hayden-fb",
        Text = "This week: storytime (communitylibrary.net/events), free tax help https://www.irs.gov/help, teen STEM night " +
            "https://www.eventbrite.com/o/community-library-network-30512345/events, summer reading at idahoreads.org, " +
            "the recap https://www.youtube.com/watch?v=clnStory01 and tickets bit.ly/cln-party. Renew at https://c\u03bfmmunitylibrary.net/renew (not us!)",
        Links = ["https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.uidaho.edu%2Fextension&h=AT0abc"],
    };

    private readonly Item _oneLink = new() { Id = "19292868552_10158407835073556", Platform = "facebook", Text = "Register at https://www.eventbrite.com/e/storytime-123" };

    public LinkRuleBenchmark()
    {
        var policy = PolicyLoader.Load(Path.Combine(AppContext.BaseDirectory, "policy", "policy.json"));
        Approval Approval(string id, string match, string value, string scope) =>
            new() { Id = id, Match = match, Value = value, Scope = scope, Approver = "coordinator@example.org", Date = new DateOnly(2026, 1, 1) };
        _context = new RuleContext(new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero), policy)
        {
            Location = "hayden",
            Approvals =
            [
                Approval("a1", LinkMatches.Domain, "idahoreads.org", "all"),
                Approval("a2", LinkMatches.Prefix, "https://www.eventbrite.com/o/community-library-network-30512345", "all"),
                Approval("a3", LinkMatches.Url, "https://www.youtube.com/watch?v=clnStory01", "hayden"),
            ],
            ResolvedLinks = new Dictionary<string, ResolvedLink> { ["https://bit.ly/cln-party"] = ResolvedLink.To("https://bit.ly/cln-party", "https://www.eventbrite.com/e/777") },
        };
    }

    [Benchmark]
    public int LinkHeavyPost() => _rule.Evaluate(_linkHeavy, _context).Count();

    [Benchmark(Baseline = true)]
    public int OneLink() => _rule.Evaluate(_oneLink, _context).Count();
}
