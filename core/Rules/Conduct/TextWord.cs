namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// One word of a read text: its form (lowercase, folded, leetspeak symbols dropped) and its leetspeak reading
/// (<c>sh1t</c> as <c>shit</c>; length 0 when there is none) in the scan's buffer, where it stands in the source, and
/// whether it opens a sentence.
/// </summary>
internal readonly record struct TextWord(int Start, int Length, int LeetStart, int LeetLength, int SourceStart, int SourceEnd, bool OpensSentence);
