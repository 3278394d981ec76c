using System.Globalization;
using System.Text.Json;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Tests.Rules.LinkDomain;

/// <summary>
/// The labelled corpus in <c>Corpus/</c> (written before the rule; see its README): precision and recall of the
/// <c>link-domain</c> rules, counted per finding as "rule registrable-domain", printed, and at least 0.97 each.
/// </summary>
public sealed class LinkCorpusTests
{
    private const double Threshold = 0.97;
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Rules", "LinkDomain", "Corpus");
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_LabelledCorpus_PrecisionAndRecallAtLeast097()
    {
        var policy = PolicyLoader.Load(Path.Combine(AppContext.BaseDirectory, "policy", "policy.json"));
        var approvals = ApprovalsFile.Read(Path.Combine(Directory, "approvals.json"), PublicSuffixList.Default);
        var rule = new UnapprovedLinkRule();
        var lines = File.ReadAllLines(Path.Combine(Directory, "links.jsonl")).Where(l => l.Trim().Length > 0).ToList();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var mistakes = new List<string>();

        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var item = root.Deserialize<Item>(ItemJson.Options)!;
            var resolved = root.TryGetProperty("resolved", out var map)
                ? map.EnumerateObject().ToDictionary(p => p.Name, p => ResolvedLink.To(p.Name, p.Value.GetString()!))
                : [];
            var context = new RuleContext(Now, policy) { Location = root.GetProperty("location").GetString(), Approvals = approvals, ResolvedLinks = resolved };
            var expected = root.GetProperty("expect").EnumerateArray().Select(e => Normalise(e.GetString()!)).ToList();
            var actual = rule.Evaluate(item, context).Select(Label).ToList();

            foreach (var label in actual)
            {
                if (expected.Remove(label))
                {
                    truePositives++;
                }
                else
                {
                    falsePositives++;
                    mistakes.Add($"{item.Id} false positive: {label} ({root.GetProperty("note").GetString()})");
                }
            }
            falseNegatives += expected.Count;
            mistakes.AddRange(expected.Select(label => $"{item.Id} false negative: {label} ({root.GetProperty("note").GetString()})"));
        }

        var precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        var recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"link corpus: {lines.Count} items, {truePositives} true positives, {falsePositives} false positives, {falseNegatives} false negatives; precision {precision:F3}, recall {recall:F3}");
        foreach (var line in mistakes.Prepend(summary))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            TestContext.Current.SendDiagnosticMessage(line);
        }
        Assert.True(lines.Count >= 120, $"The corpus must have at least 120 items; it has {lines.Count}.");
        Assert.True(precision >= Threshold && recall >= Threshold, $"{summary}{Environment.NewLine}{string.Join(Environment.NewLine, mistakes)}");
    }

    [Fact]
    public void Corpus_Labels_AtLeastHalfHardNegatives()
    {
        var kinds = File.ReadAllLines(Path.Combine(Directory, "links.jsonl")).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()).ToList();

        Assert.True(kinds.Count(k => k == "hard-negative") * 2 >= kinds.Count, $"{kinds.Count(k => k == "hard-negative")} hard negatives of {kinds.Count}");
    }

    private static string Label(Detection detection)
    {
        var target = WebAddress.Parse(detection.EvidenceKey)!;
        return $"{detection.Rule} {LinkAnalyzer.Default.Domain(target)}";
    }

    /// <summary>The expected domain mapped as a host is (IDNA), so labels may be written in Unicode.</summary>
    private static string Normalise(string expected)
    {
        var space = expected.IndexOf(' ', StringComparison.Ordinal);
        return $"{expected[..space]} {new IdnMapping().GetAscii(expected[(space + 1)..]).ToLowerInvariant()}";
    }
}
