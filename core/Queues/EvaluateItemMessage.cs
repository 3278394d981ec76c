using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Queues;

/// <summary>
/// An item to evaluate, inline, or (when too large for a queue message) the name of its claim-check blob, with the
/// events the scan recorded for it with this version (<c>hidden</c>, <c>unhidden</c>, <c>edited</c>). A message queued
/// before events were carried has none: it reads as no event.
/// </summary>
public sealed record EvaluateItemMessage(Item? Item, string? ClaimCheck, IReadOnlyList<string>? Events = null, DateTimeOffset? ApprovalsChangedAt = null);
