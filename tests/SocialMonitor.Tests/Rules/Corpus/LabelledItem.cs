using SocialMonitor.Core.Items;

namespace SocialMonitor.Tests.Rules.Corpus;

/// <summary>One corpus item with the rule ids that should fire on it and its tag.</summary>
internal sealed record LabelledItem(Item Item, HashSet<string> Expected, string Tag);
