namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>A listed phrase of two or more words, as normalised words.</summary>
internal sealed record LexiconPhrase(string[] Words, TermKind Kinds, int TermId);
