namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>A listed term found at <paramref name="Word"/>, covering <paramref name="Count"/> words.</summary>
internal readonly record struct TermHit(int Word, int Count, TermKind Kinds, int TermId);
