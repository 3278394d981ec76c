using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Conduct;

/// <summary>The conduct rule ids the shipped policy finds in one text (a guest comment unless told).</summary>
internal static class ConductText
{
    private static readonly ConductRule Rule = new();

    public static List<Detection> Detections(string text, string origin = ItemOrigins.Guest) =>
        [.. Rule.Evaluate(new Item { Id = "g1", Text = text, Origin = origin }, new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value))];

    public static HashSet<string> Rules(string text, string origin = ItemOrigins.Guest) =>
        [.. Detections(text, origin).Select(d => d.Rule)];
}
