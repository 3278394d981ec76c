using System.Text;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Accessibility;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.PersonalGain;
using SocialMonitor.Core.Rules.Pii;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules;

public sealed class ContentRulesRobustnessTests
{
    private const string Alphabet = "aeiou stfkc0123456789 .-()@$!|#'\u200b\u00fc\u0456\uff26\u2019\n\ud83d\ude00\u0301ABCXYZ";

    [Fact]
    public void Evaluate_RandomAndVeryLongTexts_NeverThrowsAndKeepsEvidenceInsideTheText()
    {
        IRule[] rules = [new ConductRule(), new PiiRule(), new PersonalGainRule(), new AccessibilityRule()];
        var context = new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value);
        var random = new Random(7);

        foreach (var length in (int[])[0, 1, 2, 3, 17, 300, 5_000, 60_000])
        {
            var text = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }
            var item = new Item { Id = "r", Text = text.ToString(), Origin = length % 2 == 0 ? ItemOrigins.Official : ItemOrigins.Guest, Media = [new ItemMedia("photo", null, null, false)] };

            foreach (var rule in rules)
            {
                Assert.All(rule.Evaluate(item, context), d => Assert.StartsWith(rule.Family + ".", d.Rule, StringComparison.Ordinal));
            }
        }
    }
}
