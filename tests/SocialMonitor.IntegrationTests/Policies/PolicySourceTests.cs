using SocialMonitor.Local;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Policies;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Policies;

/// <summary><c>Policy__Path</c> as a blob URI on Azurite, and a bad policy stopping a host at start.</summary>
public sealed class PolicySourceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Policy = """
        {"timeZone":"America/Los_Angeles","ownDomains":["communitylibrary.net"],"allowedTopLevelDomains":["edu","gov"],
         "contacts":{"phones":["(208) 555-0140"]},"lists":{"conduct.profanity":"lists/profanity.txt"}}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> UploadAsync(string policy, bool withList = true)
    {
        await azurite.ResetAsync(Ct);
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("config");
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        await container.UploadBlobAsync("policy/policy.json", BinaryData.FromString(policy), Ct);
        if (withList)
        {
            await container.UploadBlobAsync("policy/lists/profanity.txt", BinaryData.FromString("# ours (CC0)\nheck\ndarn\n"), Ct);
        }
        return container.Uri + "/policy/policy.json";
    }

    [Fact]
    public async Task Load_BlobUri_ReadsThePolicyAndTheListsBesideIt()
    {
        var uri = await UploadAsync(Policy);
        await using var services = TestHost.Create(azurite, new Dictionary<string, string?> { ["Policy:Path"] = uri });

        var policy = services.GetRequiredService<Policy>();

        Assert.Equal(["communitylibrary.net"], policy.OwnDomains);
        Assert.Equal(["heck", "darn"], policy.List("conduct.profanity"));
    }

    [Fact]
    public async Task Load_BlobListMissing_NamesTheList()
    {
        var uri = await UploadAsync(Policy, withList: false);
        await using var services = TestHost.Create(azurite, new Dictionary<string, string?> { ["Policy:Path"] = uri });

        var error = Assert.Throws<PolicyException>(services.GetRequiredService<Policy>);

        Assert.Equal("$.lists['conduct.profanity']", error.Field);
        Assert.Equal(uri, error.File);
    }

    [Fact]
    public async Task Load_NoSuchBlob_SaysSo()
    {
        var uri = await UploadAsync(Policy);
        await using var services = TestHost.Create(azurite, new Dictionary<string, string?> { ["Policy:Path"] = uri.Replace("policy.json", "nope.json", StringComparison.Ordinal) });

        var error = Assert.Throws<PolicyException>(services.GetRequiredService<Policy>);

        Assert.EndsWith("nope.json: $: does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BadPolicyBlob_StopsTheHostNamingPathFieldAndReason()
    {
        var uri = await UploadAsync(Policy.Replace("\"gov\"]", "\"gov\"],\"approvedDomains\":[\"eventbrite.com\"]", StringComparison.Ordinal));
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["Policy:Path"] = uri });
        builder.Services.AddSocialMonitor(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<PolicyException>(() => host.StartAsync(Ct));

        Assert.Equal($"{uri}: $.approvedDomains: is not a field of the policy (see policy.schema.json)", error.Message);
    }

    [Fact]
    public async Task StartAsync_ShippedPolicy_Starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString });
        builder.Services.AddSocialMonitor(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync(Ct);

        Assert.Equal("America/Los_Angeles", host.Services.GetRequiredService<Policy>().TimeZone);
        await host.StopAsync(Ct);
    }
}
