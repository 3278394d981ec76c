using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Tests.Scanning;

public sealed class AccountCaptureTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Window = Now.AddDays(-30);
    private static readonly Item Post = new() { Id = "1_2", Kind = ItemKinds.Post, CreatedAt = Now.AddDays(-3) };

    [Fact]
    public void CommentsDue_NeverReadWithoutComments_NotRead() =>
        Assert.False(AccountCapture.CommentsDue(Post, null, new ChangeHint("a|0", 0), Window, Now));

    [Fact]
    public void CommentsDue_NeverReadWithCommentsOrNoCount_Read()
    {
        Assert.True(AccountCapture.CommentsDue(Post, null, new ChangeHint("a|3", 3), Window, Now));
        Assert.True(AccountCapture.CommentsDue(Post, null, new ChangeHint("a|", null), Window, Now));
        Assert.True(AccountCapture.CommentsDue(Post, null, null, Window, Now));
    }

    [Fact]
    public void CommentsDue_SameHintReadRecently_NotRead() =>
        Assert.False(AccountCapture.CommentsDue(Post, Cursor("a|3", Now.AddHours(-1)), new ChangeHint("a|3", 3), Window, Now));

    [Fact]
    public void CommentsDue_HintMoved_Read() =>
        Assert.True(AccountCapture.CommentsDue(Post, Cursor("a|3", Now.AddHours(-1)), new ChangeHint("b|4", 4), Window, Now));

    [Fact]
    public void CommentsDue_SameHintButADayOld_ReadOnceADayForEditsHidesAndDeletions()
    {
        Assert.True(AccountCapture.CommentsDue(Post, Cursor("a|3", Now.AddHours(-24)), new ChangeHint("a|3", 3), Window, Now));
        Assert.False(AccountCapture.CommentsDue(Post, Cursor("a|0", Now.AddHours(-24)), new ChangeHint("a|0", 0), Window, Now));
    }

    [Fact]
    public void CommentsDue_PostOlderThanTheWindow_NotReadAgainEvenWhenItsHintMoved() =>
        Assert.False(AccountCapture.CommentsDue(Post with { CreatedAt = Now.AddDays(-31) }, Cursor("a|3", Now.AddHours(-1)), new ChangeHint("b|4", 4), Window, Now));

    private static StreamCursor Cursor(string hint, DateTimeOffset readAt) => new("comments:1_2") { Hint = hint, ReadAt = readAt };
}
