namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// A listed word: its kinds (every list it is in; none when it only starts phrases), the id of its written term, and
/// the phrases it starts, longest first.
/// </summary>
internal readonly record struct LexiconEntry(TermKind Kinds, int TermId, LexiconPhrase[]? Phrases);
