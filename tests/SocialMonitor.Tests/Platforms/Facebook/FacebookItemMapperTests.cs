using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms.Facebook;
using SocialMonitor.Core.Rules;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Platforms.Facebook;

/// <summary>Unknown is not missing: the Graph API reports neither alt text nor captions, so the mapper writes null for both.</summary>
public sealed class FacebookItemMapperTests
{
    private static readonly Account s_account = new()
    {
        Id = "cln-hayden-fb", Platform = PlatformNames.Facebook, PlatformId = "104000000000003", Location = "hayden", Token = "cln-hayden-fb-token",
    };

    private const string PhotoAndVideoPost = """
        {"id":"104000000000003_1001","message":"Photos and a short video from STEM Saturday at the Hayden Library.",
         "created_time":"2026-10-02T15:04:05+0000","from":{"id":"104000000000003","name":"CLN Hayden"},
         "attachments":{"data":[{"media_type":"album","subattachments":{"data":[
           {"media_type":"photo","url":"https://www.facebook.com/photo.php?fbid=1","media":{"image":{"src":"https://scontent.example.net/a.jpg"}}},
           {"media_type":"video","url":"https://www.facebook.com/watch/?v=2","media":{"image":{"src":"https://scontent.example.net/v.jpg"}}}]}}]}}
        """;

    [Fact]
    public void MapPost_OfficialPhotoAndVideo_AltTextAndCaptionsUnknown()
    {
        using var post = JsonDocument.Parse(PhotoAndVideoPost);

        var item = FacebookItemMapper.MapPost(post.RootElement, s_account)!;

        Assert.Equal(ItemOrigins.Official, item.Origin);
        Assert.Equal([("photo", (string?)null, (bool?)null), ("video", null, null)], item.Media.Select(m => (m.Type, m.AltText, m.Captions)));
    }

    [Fact]
    public void MapPost_OfficialPhotoAndVideo_StarterRulesRaiseNothing()
    {
        using var post = JsonDocument.Parse(PhotoAndVideoPost);
        using var provider = new ServiceCollection().AddStarterRules().BuildServiceProvider();
        var item = FacebookItemMapper.MapPost(post.RootElement, s_account)!;

        var detections = provider.GetRequiredService<RuleSet>().Evaluate(item, new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value));

        Assert.Empty(detections);
    }
}
