using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Images;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Pipeline;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;

namespace SocialMonitor.IntegrationTests.Scanning;

/// <summary>The scanner's image step end to end: the loopback fake serves the Page's picture, the scan archives and hashes it, the rule raises.</summary>
public sealed class ProfileImageScanTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Hayden = "cln-hayden-fb";
    private const string Page = "104000000000099";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Loopback() => new() { ["Images:AllowLoopback"] = "true" };

    [Fact]
    public async Task APictureThatIsAnotherLogoIsArchivedHashedAndRaisedOnce()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, Loopback());
        run.Facebook.ServeImages = true;
        run.Facebook.Update(Page, profile => profile["picture"] = JsonNode.Parse("""{"data":{"url":"https://scontent.xx.fbcdn.net/v/t39.30808-1/cln-hayden-other-logo_n.png?oh=1&oe=2"}}"""));

        await run.ScanAndDrainAsync(Ct);

        var archive = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(ContainerNames.Archive);
        var images = new List<string>();
        await foreach (var blob in archive.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"images/facebook/{Hayden}/", Ct))
        {
            images.Add(blob.Name);
        }
        var image = Assert.Single(images);
        Assert.EndsWith(".png", image, StringComparison.Ordinal);
        var bytes = (await archive.GetBlobClient(image).DownloadContentAsync(Ct)).Value.Content.ToArray();
        Assert.Equal(PerceptualHash.Compute(BrandArt.Encoded(BrandArt.OtherLogo)), PerceptualHash.Compute(bytes));

        var finding = Assert.Single(await run.FindingsAsync(Ct), f => f.Rule == "branding.image");
        Assert.Equal(Page, finding.ItemId);
        Assert.StartsWith($"profile picture (hash {PerceptualHash.Format(PerceptualHash.Compute(bytes))})", finding.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(await run.FindingsAsync(Ct), f => f.Rule.StartsWith("branding.", StringComparison.Ordinal) && f.Rule != "branding.image");
    }

    [Fact]
    public async Task APictureThatCannotBeFetchedIsRecordedWithItsReasonAndRaisesNothing()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, Loopback());
        run.Facebook.ServeImages = true;
        run.Facebook.ImageFault = _ => new LoopbackAnswer(200, "<html></html>"u8.ToArray()) { ContentType = "text/html" };
        run.Facebook.Update(Page, profile => profile["picture"] = JsonNode.Parse("""{"data":{"url":"https://scontent.xx.fbcdn.net/v/t39.30808-1/logo_n.png"}}"""));

        await run.ScanAndDrainAsync(Ct);

        Assert.DoesNotContain(await run.FindingsAsync(Ct), f => f.Rule.StartsWith("branding.", StringComparison.Ordinal));
        Assert.Contains(run.Logs.Logs, l => l.Message.Contains("the profile's picture was not hashed", StringComparison.Ordinal)
            && l.Message.Contains("not an image", StringComparison.Ordinal));
        Assert.NotNull(await run.Services.GetRequiredService<ItemIndex>().GetAsync(Hayden, Page, Ct));
    }
}
