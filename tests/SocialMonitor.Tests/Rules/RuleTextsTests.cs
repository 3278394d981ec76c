using System.Text.Json;
using System.Text.RegularExpressions;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.PersonalGain;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules;

/// <summary>Every rule id a person can meet, in the policy or raised by the code, has words and advice.</summary>
public sealed partial class RuleTextsTests
{
    private static readonly string[] s_sections = ["severities", "lists"];
    private static readonly string[] s_families = ["link-domain", "conduct", "pii", "personal-gain", "accessibility", "governance", "branding", "capture"];

    /// <summary>
    /// Term lists named like rules that raise nothing themselves: the words that hide a conduct term, and the signal lists
    /// that only qualify another hit (a way to be contacted, a work of fiction, a topic an event is about).
    /// </summary>
    private static readonly HashSet<string> s_listsOnly =
    [
        .. ConductRule.Lists.Concat(PersonalGainRule.Lists)
            .Where(l => l.Kind is TermKind.Allow or TermKind.Contact or TermKind.Fiction or TermKind.Topic).Select(l => l.List),
    ];

    [Fact]
    public void Find_EveryRuleIdInTheShippedPolicy_HasTitleAndAdvice()
    {
        using var policy = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "policy", "policy.json")));
        var ids = s_sections
            .SelectMany(section => policy.RootElement.TryGetProperty(section, out var names) ? names.EnumerateObject().Select(p => p.Name) : [])
            .Where(IsRuleId)
            .ToList();

        Assert.Contains("conduct.profanity", ids);
        Assert.DoesNotContain(ids, id => RuleTexts.Find(id) is null);
    }

    [Fact]
    public void Find_EveryRuleIdTheCodeCanRaise_HasTitleAndAdvice()
    {
        var core = Path.Combine(RepositoryPaths.Root, "core");
        var ids = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => Literal().Matches(File.ReadAllText(path)).Select(m => m.Groups["id"].Value))
            .Where(IsRuleId)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("capture.permission-missing", ids); // Raised from a method, not a constant.
        Assert.Contains("governance.moderation", ids);
        Assert.Empty(ids.Where(id => RuleTexts.Find(id) is null).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_EveryText_IsWordsForPeople()
    {
        foreach (var text in RuleTexts.All)
        {
            Assert.True(IsRuleId(text.Id) || text.Id.StartsWith("conduct.", StringComparison.Ordinal), text.Id);
            Assert.True(char.IsUpper(text.Title[0]), $"{text.Id}: the title starts a subject");
            Assert.False(text.Title.EndsWith('.'), $"{text.Id}: the title is not a sentence");
            Assert.EndsWith(".", text.Advice, StringComparison.Ordinal);
            Assert.DoesNotContain(text.Id, text.Title + text.Advice, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void For_UnknownRule_PlainWordsInstead()
    {
        var text = RuleTexts.For("conduct.brand-new");

        Assert.Null(RuleTexts.Find("conduct.brand-new"));
        Assert.DoesNotContain("conduct.brand-new", text.Title, StringComparison.Ordinal);
        Assert.NotEmpty(text.Advice);
    }

    private static bool IsRuleId(string name) =>
        name.Split('.') is [var family, { Length: > 0 }] && s_families.Contains(family) && !s_listsOnly.Contains(name);

    [GeneratedRegex("\"(?<id>[a-z]+(?:-[a-z]+)*\\.[a-z]+(?:-[a-z]+)*)\"")]
    private static partial Regex Literal();
}
