using SocialMonitor.Core.Items;

namespace SocialMonitor.Tests.Items;

public sealed class ItemJsonTests
{
    private static readonly Item s_item = new()
    {
        Id = "104000000000003_1001",
        Platform = "facebook",
        Account = "cln-hayden-fb",
        Kind = ItemKinds.Post,
        Origin = ItemOrigins.Official,
        Text = "Storytime moves to 10:30 on Saturdays.",
        Links = ["https://communitylibrary.net/events"],
        Media = [new ItemMedia("photo", "https://example.org/a.jpg", null, false)],
        CreatedAt = new DateTimeOffset(2026, 10, 2, 15, 4, 5, TimeSpan.FromHours(-7)),
    };

    [Fact]
    public void Serialize_Item_WritesContractNamesAndUtcTimes()
    {
        var json = ItemJson.Serialize(s_item);

        Assert.Contains("\"parentId\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"createdAt\":\"2026-10-02T22:04:05Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"altText\":null", json, StringComparison.Ordinal);
        Assert.Equal(s_item with { CreatedAt = s_item.CreatedAt!.Value.ToUniversalTime() }, ItemJson.Deserialize<Item>(json) with { Links = s_item.Links, Media = s_item.Media });
    }

    [Fact]
    public void Deserialize_OnlyIdAndText_DefaultsToGuestCommentOnUnknownPlatform()
    {
        var item = ItemJson.Deserialize<Item>("""{"id":"1","text":"hello"}""");

        Assert.Equal(("unknown", ItemKinds.Comment, ItemOrigins.Guest), (item.Platform, item.Kind, item.Origin));
    }

    [Fact]
    public void ContentHash_HiddenStateTimesAndPermalink_DoNotCount()
    {
        var moved = s_item with { Hidden = true, EditedAt = DateTimeOffset.UnixEpoch, Permalink = "https://facebook.com/x", CreatedAt = null };

        Assert.Equal(ItemJson.ContentHash(s_item), ItemJson.ContentHash(moved));
    }

    [Fact]
    public void ContentHash_CaptionsUnknownInsteadOfFalse_Unchanged() =>
        Assert.Equal(ItemJson.ContentHash(s_item), ItemJson.ContentHash(s_item with { Media = [s_item.Media[0] with { Captions = null }] }));

    [Fact]
    public void Deserialize_MediaWithNullAndEmptyAltText_KeepsThemApart()
    {
        var item = ItemJson.Deserialize<Item>(
            """{"id":"1","text":"","media":[{"type":"photo","url":"a","altText":null,"captions":null},{"type":"photo","url":"b","altText":"","captions":false}]}""");

        Assert.Equal([new ItemMedia("photo", "a", null, null), new ItemMedia("photo", "b", "", false)], item.Media);
        Assert.Contains("\"altText\":null,\"captions\":null", ItemJson.Serialize(item), StringComparison.Ordinal);
        Assert.Contains("\"altText\":\"\",\"captions\":false", ItemJson.Serialize(item), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("link")]
    [InlineData("alt")]
    [InlineData("captions")]
    public void ContentHash_ContentChanges_Changes(string what)
    {
        var changed = what switch
        {
            "text" => s_item with { Text = s_item.Text + "!" },
            "link" => s_item with { Links = ["https://communitylibrary.net/hours"] },
            "alt" => s_item with { Media = [s_item.Media[0] with { AltText = "Children at storytime" }] },
            _ => s_item with { Media = [s_item.Media[0] with { Captions = true }] },
        };

        Assert.NotEqual(ItemJson.ContentHash(s_item), ItemJson.ContentHash(changed));
    }
}
