using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Benchmarks;

/// <summary>
/// The full rule set (as <c>AddStarterRules</c> registers it: links, conduct, pii, personal gain, accessibility) over a
/// realistic mix of items, beside the baseline over the same texts: <c>SearchValues</c> built from every term the
/// conduct and personal-gain lists ship, run as an <c>IndexOfAny</c> loop that finds every occurrence (and, for
/// reference, a single <c>ContainsAny</c> that stops at the first). One operation is one item. The Min column is the
/// fastest iteration: on a shared, busy machine it is the closest to an idle core.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[Config(typeof(Columns))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ContentRulesBenchmark
{
    private const int MixSize = 1000;

    private RuleSet _rules = null!;
    private RuleContext _context = null!;
    private Item[] _mix = [];
    private Item _clean = null!;
    private SearchValues<string> _terms = null!;

    [GlobalSetup]
    public void Setup()
    {
        var policy = PolicyLoader.Load(Path.Combine(AppContext.BaseDirectory, "policy", "policy.json"));
        _rules = new ServiceCollection().AddStarterRules().BuildServiceProvider().GetRequiredService<RuleSet>();
        _context = new RuleContext(new DateTimeOffset(2026, 10, 2, 15, 0, 0, TimeSpan.Zero), policy);
        _mix = BenchmarkItems.Mix(MixSize);
        _clean = BenchmarkItems.Mix(1)[0];
        string[] terms = [.. policy.Lists.Keys
            .Where(name => name.StartsWith("conduct.", StringComparison.Ordinal) || name.StartsWith("personal-gain.", StringComparison.Ordinal))
            .SelectMany(policy.List)
            .Select(term => term.TrimEnd('*'))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
        _terms = SearchValues.Create(terms, StringComparison.OrdinalIgnoreCase);
        var findings = _mix.Count(i => _rules.Evaluate(i, _context).Any(d => d.Family != "link-domain"));
        Console.Error.WriteLine(
            $"// Terms in the conduct and personal-gain lists: {terms.Length}; mix: {MixSize} items, " +
            $"mean {_mix.Average(i => i.Text.Length):0} chars, {_mix.Count(i => i.Text.Contains("http", StringComparison.Ordinal) || i.Text.Contains("bit.ly", StringComparison.Ordinal))} with a link, {findings} with a content finding");
    }

    [Benchmark(OperationsPerInvoke = MixSize, Description = "Full rule set, realistic mix")]
    public int FullRuleSet()
    {
        var found = 0;
        foreach (var item in _mix)
        {
            found += _rules.Evaluate(item, _context).Count;
        }
        return found;
    }

    [Benchmark(Description = "Full rule set, one clean item")]
    public int CleanItem() => _rules.Evaluate(_clean, _context).Count;

    [Benchmark(OperationsPerInvoke = MixSize, Description = "Reference: SearchValues ContainsAny")]
    public int SearchValuesBaseline()
    {
        var found = 0;
        foreach (var item in _mix)
        {
            found += item.Text.AsSpan().ContainsAny(_terms) ? 1 : 0;
        }
        return found;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = MixSize, Description = "Baseline: SearchValues IndexOfAny loop")]
    public int IndexOfAnyLoop()
    {
        var found = 0;
        foreach (var item in _mix)
        {
            var text = item.Text.AsSpan();
            int at;
            while ((at = text.IndexOfAny(_terms)) >= 0)
            {
                found++;
                text = text[(at + 1)..];
            }
        }
        return found;
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new ItemsPerSecondColumn());
    }
}
