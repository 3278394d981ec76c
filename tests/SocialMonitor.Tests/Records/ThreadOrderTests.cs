using SocialMonitor.Core.Items;
using SocialMonitor.Core.Records;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Tests.Records;

public sealed class ThreadOrderTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_CommentsAndReplies_PostThenEachCommentFollowedByItsReplies()
    {
        var records = new[]
        {
            Record("c2", ItemKinds.Comment, "p", 3), Record("r1", ItemKinds.Reply, "c1", 2), Record("p", ItemKinds.Post, null, 0),
            Record("c1", ItemKinds.Comment, "p", 1), Record("r2", ItemKinds.Reply, "c1", 4),
        };

        var ordered = ThreadOrder.Of(records);

        Assert.Equal(["p", "c1", "r1", "r2", "c2"], ordered.Select(o => o.Record.Index.ItemId));
        Assert.Equal([0, 1, 2, 2, 1], ordered.Select(o => o.Depth));
    }

    [Fact]
    public void Of_ParentNotExported_AtTheTopLevelAfterThePost()
    {
        var records = new[] { Record("r9", ItemKinds.Reply, "gone", 1), Record("p", ItemKinds.Post, null, 5) };

        Assert.Equal(["p", "r9"], ThreadOrder.Of(records).Select(o => o.Record.Index.ItemId));
    }

    [Fact]
    public void Render_PlatformText_HtmlEncodedAndNoScript()
    {
        var record = Record("c1", ItemKinds.Comment, "p", 1, "<script>alert('x')</script> & <img src=x onerror=y>");

        var page = ThreadPage.Render("t <b>", "scope", [record], TimeZoneInfo.Utc);

        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img", page, StringComparison.Ordinal);
        Assert.Contains("<title>t &lt;b&gt;</title>", page, StringComparison.Ordinal);
    }

    private static ItemRecord Record(string id, string kind, string? parent, int minutes, string text = "text")
    {
        var at = Start.AddMinutes(minutes);
        var item = new Item { Id = id, Kind = kind, ParentId = parent, Text = text, CreatedAt = at, Platform = "facebook" };
        var index = new IndexedItem
        {
            Account = "a", ItemId = id, Platform = "facebook", Kind = kind, ParentId = parent, Origin = ItemOrigins.Guest, Hash = "h",
            Stream = kind == ItemKinds.Post ? "posts" : "comments:p", CreatedAt = at, FirstSeen = at,
        };
        return new ItemRecord(index, "hayden", [new ItemHistoryEntry { ItemId = id, Platform = "facebook", Account = "a", At = at, Version = 1, Item = item }], []);
    }
}
