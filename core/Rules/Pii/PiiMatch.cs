namespace SocialMonitor.Core.Rules.Pii;

/// <summary>Personal data found at <c>text[Start..End]</c>, with its masked form (the only form that leaves the rule).</summary>
internal readonly record struct PiiMatch(PiiKind Kind, int Start, int End, string Masked);
