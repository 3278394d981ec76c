using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Images;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms.Facebook;

namespace SocialMonitor.Tests.Branding;

/// <summary>The image fetch guard against the loopback fake (Kestrel), serving Facebook CDN images.</summary>
public sealed class ImageFetcherTests : IAsyncLifetime
{
    private static readonly string[] s_facebookHosts = ["fbcdn.net"];
    private readonly FacebookGraph _facebook = new(new FacebookSampleData(), new HashSet<string>()) { ServeImages = true };
    private LoopbackPlatformHost? _host;

    public async ValueTask InitializeAsync() => _host = await LoopbackPlatformHost.StartAsync([_facebook], TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static ImageFetcher Fetcher(bool allowLoopback)
    {
        var services = new ServiceCollection();
        services.AddOptions<ImageOptions>().Configure(o => o.AllowLoopback = allowLoopback);
        services.AddProfileImages();
        return services.BuildServiceProvider().GetRequiredService<ImageFetcher>();
    }

    private string Url(string file) => $"{_facebook.BaseUrl}/cdn/scontent.xx.fbcdn.net/v/{file}";

    [Fact]
    public async Task TheFakesImageIsFetchedWhenLoopbackIsAllowed()
    {
        var (bytes, type) = await Fetcher(allowLoopback: true).FetchAsync(Url("cln-hayden-logo.png"), s_facebookHosts, TestContext.Current.CancellationToken);
        Assert.Equal("image/png", type);
        Assert.Equal(0, PerceptualHash.Distance(PerceptualHash.Compute(bytes), PerceptualHash.Compute(BrandArt.Encoded(BrandArt.Logo))));
    }

    [Fact]
    public async Task ALoopbackAddressIsRefusedWithoutTheSettingEvenUnderAListedName()
    {
        var port = new Uri(_facebook.BaseUrl).Port;
        var error = await Assert.ThrowsAsync<ImageRefusedException>(() =>
            Fetcher(allowLoopback: false).FetchAsync($"https://localhost:{port}/facebook/cdn/x/logo.png", ["localhost"], TestContext.Current.CancellationToken));
        Assert.Contains("a loopback address", error.Message, StringComparison.Ordinal);
        Assert.Empty(_facebook.Requests);
    }

    [Theory]
    [InlineData("https://10.1.2.3/logo.png", "10.1.2.3 is a private address (10.0.0.0/8)")]
    [InlineData("https://192.168.0.10/logo.png", "192.168.0.10 is a private address (192.168.0.0/16)")]
    [InlineData("http://scontent.xx.fbcdn.net/logo.png", "only https is fetched")]
    [InlineData("https://images.example.com/logo.png", "images.example.com is not one of the platform's image hosts (fbcdn.net)")]
    public async Task APrivateAddressPlainHttpOrAnotherHostIsRefusedBeforeAnyRequest(string url, string reason)
    {
        var error = await Assert.ThrowsAsync<ImageRefusedException>(() => Fetcher(allowLoopback: true).FetchAsync(url, s_facebookHosts, TestContext.Current.CancellationToken));
        Assert.EndsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedirectToAnotherHostIsRefused()
    {
        _facebook.ImageFault = _ => new LoopbackAnswer(302, []) { Headers = new Dictionary<string, string> { ["Location"] = "https://images.example.com/logo.png" } };
        var error = await Assert.ThrowsAsync<ImageRefusedException>(() =>
            Fetcher(allowLoopback: true).FetchAsync(Url("logo.png"), s_facebookHosts, TestContext.Current.CancellationToken));
        Assert.Contains("redirects to https://images.example.com/logo.png: images.example.com is not one of the platform's image hosts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASixMegabyteBodyIsRefused()
    {
        _facebook.ImageFault = _ => new LoopbackAnswer(200, new byte[6 * 1024 * 1024]) { ContentType = "image/png" };
        var error = await Assert.ThrowsAsync<ImageRefusedException>(() =>
            Fetcher(allowLoopback: true).FetchAsync(Url("logo.png"), s_facebookHosts, TestContext.Current.CancellationToken));
        Assert.Contains("more than the 5,242,880", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongContentTypeIsRefused()
    {
        _facebook.ImageFault = _ => new LoopbackAnswer(200, "<html></html>"u8.ToArray()) { ContentType = "text/html" };
        var error = await Assert.ThrowsAsync<ImageRefusedException>(() =>
            Fetcher(allowLoopback: true).FetchAsync(Url("logo.png"), s_facebookHosts, TestContext.Current.CancellationToken));
        Assert.EndsWith("the content type is text/html, not an image (PNG, JPEG, GIF or WebP)", error.Message, StringComparison.Ordinal);
    }
}
