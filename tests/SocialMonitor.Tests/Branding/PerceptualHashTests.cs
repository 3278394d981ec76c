using SkiaSharp;
using SocialMonitor.Core.Images;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Branding;
using SocialMonitor.Local;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Branding;

public sealed class PerceptualHashTests
{
    private static readonly int s_threshold = ShippedPolicy.Value.Branding.ImageThreshold;
    private static readonly ulong s_logo = PerceptualHash.Compute(BrandArt.Encoded(BrandArt.Logo));

    [Fact]
    public void TheSameLogoAsAJpegOfQuality70AtHalfTheSizeStaysWithinTheThreshold()
    {
        var jpeg = BrandArt.Encoded(BrandArt.Logo, SKEncodedImageFormat.Jpeg, quality: 70, size: 200);
        Assert.True(jpeg.AsSpan(0, 2).SequenceEqual(new byte[] { 0xff, 0xd8 }), "the copy is a JPEG");
        Assert.InRange(PerceptualHash.Distance(s_logo, PerceptualHash.Compute(jpeg)), 0, s_threshold);
    }

    [Fact]
    public void ARecolourOfTheLogoStaysWithinTheThresholdAndAnotherLogoDoesNot()
    {
        Assert.InRange(PerceptualHash.Distance(s_logo, PerceptualHash.Compute(BrandArt.Encoded(BrandArt.OldLogo))), 0, s_threshold);
        Assert.True(PerceptualHash.Distance(s_logo, PerceptualHash.Compute(BrandArt.Encoded(BrandArt.OtherLogo))) > s_threshold);
        Assert.True(PerceptualHash.Distance(s_logo, PerceptualHash.Compute(BrandArt.Encoded(BrandArt.Banner))) > s_threshold);
    }

    [Fact]
    public void TheShippedPolicyHashesItsApprovedImagesWhenItLoads()
    {
        var images = ShippedPolicy.Value.Branding.Images;
        Assert.Equal(["brand/cln-logo.png", "brand/cln-banner.png"], images.Select(i => i.File));
        Assert.Equal(0, PerceptualHash.Distance(s_logo, images[0].Hash));
    }

    [Fact]
    public void ATruncatedFileIsRefusedWithAClearError()
    {
        var png = BrandArt.Encoded(BrandArt.Logo);
        var error = Assert.Throws<ImageRefusedException>(() => PerceptualHash.Compute(png.AsSpan(0, png.Length / 2)));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOversizedFileIsRefusedBeforeItIsDecoded()
    {
        var error = Assert.Throws<ImageRefusedException>(() => PerceptualHash.Compute(new byte[PerceptualHash.MaxBytes + 1]));
        Assert.Equal("the image is 5,242,881 bytes, more than the 5,242,880 allowed", error.Message);
    }

    [Fact]
    public void TextIsNotAnImage()
    {
        var error = Assert.Throws<ImageRefusedException>(() => PerceptualHash.Compute("<html>not an image</html>"u8));
        Assert.Contains("not an image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProfileWhosePictureWasRefusedRaisesNothing()
    {
        var profile = BrandingRuleTests.Profile() with
        {
            Facts = new Dictionary<string, string>(BrandingRuleTests.Profile().Facts!) { [ProfileFacts.PictureUnreadable] = "the image is truncated" },
        };
        Assert.Empty(new BrandImageRule().Evaluate(profile, new RuleContext(BrandingRuleTests.Now, ShippedPolicy.Value) { Location = "hayden" }));
    }

    [Fact]
    public void TheHashIsSixteenHexDigitsBothWays()
    {
        Assert.True(PerceptualHash.TryParse(PerceptualHash.Format(s_logo), out var back));
        Assert.Equal(s_logo, back);
        Assert.False(PerceptualHash.TryParse("not-a-hash", out _));
    }
}
