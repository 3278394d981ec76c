using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Benchmarks;

/// <summary>One guest comment through the registered rules: with a link and a profanity, and clean.</summary>
[MemoryDiagnoser]
public class RulesBenchmark
{
    private readonly RuleSet _rules = new ServiceCollection().AddStarterRules().BuildServiceProvider().GetRequiredService<RuleSet>();
    private readonly RuleContext _context = new(new DateTimeOffset(2026, 10, 2, 15, 0, 0, TimeSpan.Zero), PolicyLoader.Load(Path.Combine(AppContext.BaseDirectory, "policy", "policy.json")));

    private readonly Item _withLink = new()
    {
        Id = "19292868552_10158407835073553",
        Platform = "facebook",
        Text = "Loved the Saturday storytime at the Post Falls branch, my kids talk about it all week! " +
            "Damn shame the parking lot was full again though. For anyone who missed it, the author is reading " +
            "again next month, tickets here: bit.ly/3xYzQ7 (free, but they go fast). Thanks to the staff, e.g. Ms. Dana!",
    };

    private readonly Item _clean = new()
    {
        Id = "19292868552_10158407835073554",
        Platform = "facebook",
        Text = "Loved the Saturday storytime at the Post Falls branch, my kids talk about it all week! " +
            "Shame the parking lot was full again though. For anyone who missed it, the author is reading again " +
            "next month, details at the front desk (free, but seats go fast). Thanks to the staff, e.g. Ms. Dana!",
    };

    [GlobalSetup]
    public void Setup() => _rules.Evaluate(_clean, _context);

    [Benchmark]
    public IReadOnlyList<Detection> CommentWithLink() => _rules.Evaluate(_withLink, _context);

    [Benchmark(Baseline = true)]
    public IReadOnlyList<Detection> CleanComment() => _rules.Evaluate(_clean, _context);
}
