using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Api;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary><c>socialmonitor items reevaluate</c>, run as the real program: an account's or a location's captured items evaluated again.</summary>
public sealed class ItemsReevaluateCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-reevaluate-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string> Environment => new() { ["AzureWebJobsStorage"] = azurite.ConnectionString };

    [Fact]
    public async Task Reevaluate_AnAccountThenALocation_EvaluatesTheirItemsOnlyAndSaysHowMany()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        await ApiData.ImportAsync(services, Ct);
        await CaptureAsync(services, "cln-hayden-fb", "1_801");
        await CaptureAsync(services, "cln-rathdrum-fb", "2_801");
        var findings = services.GetRequiredService<FindingStore>();

        var account = await CliProcess.RunAsync(Environment, _directory, "items", "reevaluate", "--account", "cln-hayden-fb");
        var afterAccount = (await findings.ByItemAsync("facebook", "1_801", Ct), await findings.ByItemAsync("facebook", "2_801", Ct));
        var location = await CliProcess.RunAsync(Environment, _directory, "items", "reevaluate", "--location", "rathdrum");
        var unknown = await CliProcess.RunAsync(Environment, _directory, "items", "reevaluate", "--account", "cln-nowhere-fb");
        var both = await CliProcess.RunAsync(Environment, _directory, "items", "reevaluate", "--account", "cln-hayden-fb", "--location", "hayden");

        Assert.Equal(0, account.ExitCode);
        Assert.Contains("Evaluated 1 items of cln-hayden-fb again.", account.Stderr, StringComparison.Ordinal);
        Assert.Single(afterAccount.Item1);
        Assert.Empty(afterAccount.Item2); // Another location's account was left alone.
        Assert.Equal(0, location.ExitCode);
        Assert.Contains("Evaluated 1 items of cln-rathdrum-fb again.", location.Stderr, StringComparison.Ordinal);
        var (where, id) = Assert.Single(await findings.ByItemAsync("facebook", "2_801", Ct));
        Assert.Equal(("rathdrum", "link-domain.unapproved"), (where, (await findings.GetAsync(where, id, Ct))!.Rule));
        Assert.Equal((1, 1), (unknown.ExitCode, both.ExitCode));
        Assert.Contains("there is no account 'cln-nowhere-fb' in the registry", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("give either --account ID or --location ID", both.Stderr, StringComparison.Ordinal);
    }

    /// <summary>An item as a scan leaves it: its version in the history and its row in the index, never evaluated yet.</summary>
    private static async Task CaptureAsync(IServiceProvider services, string account, string id)
    {
        var item = new Item { Id = id, Platform = "facebook", Account = account, Text = "Tickets https://tickets.example/x", Links = ["https://tickets.example/x"] };
        await services.GetRequiredService<ItemHistory>().AddVersionAsync(account, item, 1, "h1", TestHost.Start, [], Ct);
        await services.GetRequiredService<ItemIndex>().SetAsync(new IndexedItem
        {
            Account = account, ItemId = id, Platform = "facebook", Kind = "post", Stream = "posts", Origin = "official", Hash = "h1", Version = 1,
        }, Ct);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
