using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Accessibility;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Accessibility;

public sealed class AccessibilityRuleTests
{
    private static readonly AccessibilityRule Rule = new();

    private static List<Detection> Evaluate(string text, IReadOnlyList<ItemMedia>? media = null, string origin = ItemOrigins.Official) =>
        [.. Rule.Evaluate(new Item { Id = "p1", Text = text, Origin = origin, Media = media ?? [] }, new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value))];

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("IMG_4471.JPG")]
    [InlineData("photo")]
    [InlineData("May be an image of 3 people and text")]
    public void Evaluate_PhotoWithoutRealAltText_IsFoundKeyedByUrlWithoutQuery(string altText)
    {
        var detection = Assert.Single(Evaluate("Photos!", [new ItemMedia("photo", "https://cdn.example.net/a.jpg?oh=1&oe=2", altText, false)]));

        Assert.Equal((AccessibilityRule.AltText, Severities.Low, "https://cdn.example.net/a.jpg"), (detection.Rule, detection.Severity, detection.EvidenceKey));
    }

    [Fact]
    public void Evaluate_PhotoWithEmptyAltText_SaysEmpty() =>
        Assert.Equal("photo 1 of 1: alt text empty", Assert.Single(Evaluate("Photos!", [new ItemMedia("photo", "a", "", null)])).Evidence);

    [Fact]
    public void Evaluate_PhotoWithUnknownAltText_ReturnsNothing() =>
        Assert.Empty(Evaluate("Photos!", [new ItemMedia("photo", "https://cdn.example.net/a.jpg", null, null)]));

    [Fact]
    public void Evaluate_PhotoWithAltTextAndVideoWithCaptions_ReturnsNothing() =>
        Assert.Empty(Evaluate("Rocket day", [new ItemMedia("photo", "a", "Two children launch straw rockets", false), new ItemMedia("video", "b", null, true)]));

    [Fact]
    public void Evaluate_TwoVideosWithoutCaptions_ReturnsOneEach() =>
        Assert.Equal(["https://v.example.net/1.mp4", "video[1]"],
            Evaluate("How-to videos", [new ItemMedia("video", "https://v.example.net/1.mp4", null, false), new ItemMedia("video", null, null, false)])
                .Select(d => d.EvidenceKey));

    [Fact]
    public void Evaluate_VideoWithUnknownCaptions_ReturnsNothing() =>
        Assert.Empty(Evaluate("Storytime video", [new ItemMedia("video", "https://v.example.net/1.mp4", null, null)]));

    [Theory]
    [InlineData("Join us! #storytime", "#storytime")]
    [InlineData("Happy National Library Week! #LIBRARYLOVE", "#librarylove")]
    [InlineData("#BookClub #bookclub", "#bookclub")]
    [InlineData("Game time #Gamenight", "#gamenight")]
    [InlineData("Fall colors #harrisonidaho", "#harrisonidaho")]
    [InlineData("Opening day #postfallslibrary", "#postfallslibrary")]
    [InlineData("Sunset over the water #lakecoeurdalene", "#lakecoeurdalene")]
    [InlineData("Closed Monday #pinehurstidaho", "#pinehurstidaho")]
    [InlineData("Bring your pup! #walkadog", "#walkadog")]
    [InlineData("Laptop clinic Tuesday #techtips", "#techtips")]
    [InlineData("Sábado en Hayden #leemosjuntos", "#leemosjuntos")]
    public void Evaluate_MultiWordHashtagNotInCamelCase_IsFound(string text, string key) =>
        Assert.Equal((AccessibilityRule.HashtagCase, key), Evaluate(text).Select(d => (d.Rule, d.EvidenceKey)).Single());

    [Theory]
    [InlineData("#StoryTime #SummerReading #TeenTuesday")]
    [InlineData("#library #books #idaho #STEM #CLN")]
    [InlineData("The stop is Wednesday at 3. #Bookmobile #Rathdrum #Kootenai")]
    [InlineData("See https://example.org/page#storytime and item#storytime")]
    [InlineData("Straight A report cards get a bookmark #aplus #ebooks")]
    [InlineData("Nuevos títulos #biblioteca #Cuentos")]
    public void Evaluate_CamelCaseOrSingleWordHashtags_ReturnsNothing(string text) => Assert.Empty(Evaluate(text));

    [Fact]
    public void Evaluate_GuestComment_ReturnsNothing() =>
        Assert.Empty(Evaluate("#storytime", [new ItemMedia("photo", "a", "", false)], ItemOrigins.Guest));

    [Theory]
    [InlineData(ItemKinds.Profile)]
    [InlineData(ItemKinds.Role)]
    [InlineData(ItemKinds.App)]
    public void Evaluate_AccountFactWithPictureAndCover_ReturnsNothing(string kind)
    {
        var item = new Item
        {
            Id = "104000000000003", Kind = kind, Origin = ItemOrigins.Official, Text = "Community Library Network #hayden",
            Media = [new ItemMedia("photo", "https://cdn.example.net/picture.jpg", "", false), new ItemMedia("photo", "https://cdn.example.net/cover.jpg", "", false)],
        };

        Assert.Empty(Rule.Evaluate(item, new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value)));
    }
}
