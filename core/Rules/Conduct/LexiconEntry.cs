namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>A listed word: its kinds (every list it is in) and the id of its written term.</summary>
internal readonly record struct LexiconEntry(TermKind Kinds, int TermId);
