using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Storage;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Storage;

/// <summary>
/// Ids from a URL that no table key can hold (Azure allows 1 KiB) name no row: the point read is never sent, so the
/// service's 400 cannot become a 500. The storage here is a port where nothing listens: any request would fail.
/// </summary>
public sealed class OversizedKeyTests
{
    private static readonly StorageClients s_nowhere = new(Options.Create(new StorageOptions
    {
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
    }), new FakeCredential());

    private static readonly string s_oversized = new('a', 2048);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApprovalStoreGetAsync_OversizedId_IsNoneWithoutAskingTheTable() =>
        Assert.Null(await new ApprovalStore(s_nowhere).GetAsync(s_oversized, Ct));

    [Fact]
    public async Task AccountRegistryGets_OversizedId_AreNoneWithoutAskingTheTable()
    {
        var registry = new AccountRegistry(s_nowhere);

        Assert.Null(await registry.GetLocationAsync(s_oversized, Ct));
        Assert.Null(await registry.GetAccountAsync(s_oversized, Ct));
    }

    [Theory]
    [InlineData(512, true)]
    [InlineData(513, false)]
    public void Fits_KeyOfLength_FitsUpTo1KiB(int length, bool fits) => Assert.Equal(fits, TableKeys.Fits(new string('a', length)));
}
