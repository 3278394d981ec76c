using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Hosting;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Evaluation;

/// <summary>The shortened-link resolver against a loopback shortener: HEAD only, bounded, and never to a refused address.</summary>
public sealed class LinkResolverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What the tests inject so the resolver may reach their own loopback server; everything else as in production.</summary>
    private static readonly AddressPolicy AdmitsLoopback = new(a => IPAddress.IsLoopback(a) ? null : AddressPolicy.PublicRefusal(a));

    private static readonly Dictionary<string, string> Redirects = new()
    {
        ["/a"] = "{base}/b",
        ["/b"] = "https://www.irs.gov/forms",
        ["/loop"] = "{base}/loop",
        ["/private"] = "http://10.0.0.1/admin",
        ["/metadata"] = "http://169.254.169.254/latest/meta-data/",
        ["/mailto"] = "mailto:someone@example.org",
    };

    private static LinkResolver Resolver(AddressPolicy? policy, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection().AddLogging().AddSocialMonitor(configuration);
        if (policy is not null)
        {
            services.AddSingleton(policy);
        }
        return services.BuildServiceProvider().GetRequiredService<LinkResolver>();
    }

    private static bool OnServer(string host) => host == "127.0.0.1";

    [Fact]
    public async Task ResolveAsync_DefaultAddressPolicy_RefusesLoopbackWithoutARequest()
    {
        await using var server = await RedirectServer.StartAsync(Redirects, Ct);

        var resolved = await Resolver(policy: null).ResolveAsync(server.BaseUrl + "/a", OnServer, Ct);

        Assert.Null(resolved.Target);
        Assert.Contains("refused: 127.0.0.1 is a loopback address", resolved.Failure, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ResolveAsync_DefaultAddressPolicy_RefusesAHostNameThatResolvesToLoopback()
    {
        await using var server = await RedirectServer.StartAsync(Redirects, Ct);

        var resolved = await Resolver(policy: null).ResolveAsync(server.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/a", _ => true, Ct);

        Assert.Contains("refused: localhost is a loopback address", resolved.Failure, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ResolveAsync_ChainOfRedirects_FollowsWithHeadUntilTheLinkLeavesTheShortener()
    {
        await using var server = await RedirectServer.StartAsync(Redirects, Ct);

        var resolved = await Resolver(AdmitsLoopback).ResolveAsync(server.BaseUrl + "/a", OnServer, Ct);

        Assert.Equal("https://www.irs.gov/forms", resolved.Target);
        Assert.Null(resolved.Failure);
        Assert.Equal([("HEAD", "/a"), ("HEAD", "/b")], server.Requests);
    }

    [Theory]
    [InlineData("/private", "refused: 10.0.0.1 is a private address (10.0.0.0/8)")]
    [InlineData("/metadata", "refused: 169.254.169.254 is a link-local address (169.254.0.0/16)")]
    [InlineData("/mailto", "it redirects to a mailto: address")]
    public async Task ResolveAsync_RedirectToRefusedPlace_FailsWithoutGoingThere(string path, string failure)
    {
        await using var server = await RedirectServer.StartAsync(Redirects, Ct);

        var resolved = await Resolver(AdmitsLoopback).ResolveAsync(server.BaseUrl + path, _ => true, Ct);

        Assert.Null(resolved.Target);
        Assert.Equal(failure, resolved.Failure);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ResolveAsync_RedirectLoop_StopsAtMaxRedirects()
    {
        await using var server = await RedirectServer.StartAsync(Redirects, Ct);

        var resolved = await Resolver(AdmitsLoopback, new() { ["Links:MaxRedirects"] = "3" }).ResolveAsync(server.BaseUrl + "/loop", OnServer, Ct);

        Assert.Equal("more than 3 redirects", resolved.Failure);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ResolveAsync_NoRedirect_SaysWhatItAnswered()
    {
        await using var server = await RedirectServer.StartAsync(Redirects, Ct);

        var resolved = await Resolver(AdmitsLoopback).ResolveAsync(server.BaseUrl + "/landing", OnServer, Ct);

        Assert.Equal("it answered HTTP 200 without a redirect", resolved.Failure);
    }

    [Fact]
    public async Task ResolveAsync_NoAnswer_GivesUpAfterTheTimeout()
    {
        await using var server = await RedirectServer.StartAsync(Redirects, Ct);

        var resolved = await Resolver(AdmitsLoopback, new() { ["Links:ResolveTimeoutSeconds"] = "1" }).ResolveAsync(server.BaseUrl + "/slow", OnServer, Ct);

        Assert.Equal("no answer within 1 s", resolved.Failure);
    }
}
