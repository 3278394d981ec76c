using SocialMonitor.Core.Images;
using SocialMonitor.Local;

namespace SocialMonitor.Tests.Branding;

/// <summary>
/// <c>policy/brand/</c> holds what <see cref="BrandArt"/> draws: run with <c>SOCIALMONITOR_UPDATE_BRAND=1</c> to write the
/// files afresh (into the source tree), then commit them.
/// </summary>
public sealed class BrandArtTests
{
    [Theory]
    [InlineData(BrandArt.Logo)]
    [InlineData(BrandArt.Banner)]
    public void ThePolicysBrandFilesAreTheDrawnImages(string name)
    {
        if (Environment.GetEnvironmentVariable("SOCIALMONITOR_UPDATE_BRAND") == "1")
        {
            BrandArt.WriteBrandFiles(Path.Combine(SourceRoot(), "policy", "brand"));
        }
        var shipped = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "policy", "brand", name + ".png"));
        Assert.Equal(0, PerceptualHash.Distance(PerceptualHash.Compute(shipped), PerceptualHash.Compute(BrandArt.Encoded(name))));
    }

    private static string SourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SocialMonitor.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The source tree (SocialMonitor.sln) is not above the test's directory.");
    }
}
