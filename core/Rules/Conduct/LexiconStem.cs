namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>A listed stem (<c>fuck*</c>): also matched inside longer words that are neither English words nor allowed.</summary>
internal sealed record LexiconStem(string Stem, TermKind Kinds, int TermId);
