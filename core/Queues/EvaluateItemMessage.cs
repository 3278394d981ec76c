using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Queues;

/// <summary>An item to evaluate, inline, or (when too large for a queue message) the name of its claim-check blob.</summary>
public sealed record EvaluateItemMessage(Item? Item, string? ClaimCheck);
