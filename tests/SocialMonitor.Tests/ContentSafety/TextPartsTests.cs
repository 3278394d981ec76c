using SocialMonitor.Core.ContentSafety;

namespace SocialMonitor.Tests.ContentSafety;

public sealed class TextPartsTests
{
    [Fact]
    public void Split_ShortText_IsOnePart()
    {
        Assert.Equal(["Hello there. Bye."], TextParts.Split("Hello there. Bye.", 10_000));
    }

    [Fact]
    public void Split_EmptyText_IsOneEmptyPart()
    {
        Assert.Equal([""], TextParts.Split("", 10));
    }

    [Fact]
    public void Split_Sentences_EndsEachPartAfterASentenceAndItsSpace()
    {
        Assert.Equal(["One two. ", "Three four! ", "Five six? ", "Seven."], TextParts.Split("One two. Three four! Five six? Seven.", 12));
        Assert.Equal(["One two. Three four! ", "Five six? Seven."], TextParts.Split("One two. Three four! Five six? Seven.", 21));
    }

    [Fact]
    public void Split_LineBreaks_AreSentenceBoundaries()
    {
        Assert.Equal(["first line\n", "second line"], TextParts.Split("first line\nsecond line", 14));
    }

    [Fact]
    public void Split_ADecimalPoint_IsNoSentenceEnd()
    {
        Assert.Equal(["It costs 3.50 ", "dollars now."], TextParts.Split("It costs 3.50 dollars now.", 16));
    }

    [Fact]
    public void Split_SentenceLongerThanAPart_CutsAtTheLastSpace()
    {
        Assert.Equal(["aaaa bbbb ", "cccc dddd"], TextParts.Split("aaaa bbbb cccc dddd", 12));
    }

    [Fact]
    public void Split_NoSpaceAtAll_CutsAtTheLimitButNeverInsideASurrogatePair()
    {
        var text = "abc\U0001F600def";

        var parts = TextParts.Split(text, 4);

        Assert.Equal(["abc", "\U0001F600de", "f"], parts);
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_LongText_PartsAreWithinTheLimitAndJoinToTheText()
    {
        var text = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"Sentence number {i} is here. "));

        var parts = TextParts.Split(text, 10_000);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, 10_000));
        Assert.All(parts.Take(parts.Count - 1), p => Assert.EndsWith("here. ", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Concat(parts));
    }
}
