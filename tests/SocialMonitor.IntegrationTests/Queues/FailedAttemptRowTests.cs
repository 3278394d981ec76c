using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Queues;

/// <summary>Issue 15: the <c>FailedAttempts</c> row keeps its columns and types, and a row written before the typed rows reads the same.</summary>
public sealed class FailedAttemptRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset s_at = new(2026, 10, 1, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_RowInTodaysShape_ReadsTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var hash = FailedAttemptStore.BodyHash("{}");
        await RawRows.PutAsync(azurite, TableNames.FailedAttempts, new TableEntity("notify", hash)
        {
            ["Attempts"] = 5, ["LastAttemptAt"] = s_at, ["LastError"] = "TimeoutException: slow",
        }, Ct);

        var attempt = await services.GetRequiredService<FailedAttemptStore>().GetAsync("notify", "{}", Ct);

        Assert.Equal(new FailedAttempt("notify", hash, 5, s_at, "TimeoutException: slow"), attempt);
    }

    [Fact]
    public async Task RecordAsync_RoundTrip_WritesTodaysColumnsAndReadsTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var store = services.GetRequiredService<FailedAttemptStore>();

        await store.RecordAsync("notify", "{}", 5, new TimeoutException("slow"), Ct);

        var raw = await RawRows.GetAsync(azurite, TableNames.FailedAttempts, "notify", FailedAttemptStore.BodyHash("{}"), Ct);
        Assert.Equal("Attempts:Int32, LastAttemptAt:DateTimeOffset, LastError:String", RawRows.Columns(raw));
        Assert.Equal(new FailedAttempt("notify", FailedAttemptStore.BodyHash("{}"), 5, TestHost.Start, "TimeoutException: slow"),
            await store.GetAsync("notify", "{}", Ct));
    }
}
