using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Api;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Findings;

/// <summary>
/// The trend counters kept by <see cref="FindingStore"/>: a finding is counted once however often it is written (a retry,
/// a redelivered message), moved when its status changes, on the library's date, and concurrent writers both count.
/// </summary>
public sealed class FindingTrendIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Store_SameFindingWrittenAgain_IsCountedOnce()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var store = services.GetRequiredService<FindingStore>();
        var index = services.GetRequiredService<FindingTrendIndex>();
        var finding = ApiData.Make("hayden", "cln-hayden-fb", "facebook", "pii.phone", "high", "1_2", "208", 1);

        Assert.True(await store.TryAddAsync(finding, Ct));
        // A redelivered evaluate-item message: the add finds the finding stored, the merge changes nothing.
        Assert.False(await store.TryAddAsync(finding, Ct));
        var merge = await store.ChangeAsync("hayden", finding.Id, null, f => new FindingChange(f, null), Ct);
        await index.CountAsync(finding, Ct);

        Assert.Equal(FindingWriteStatus.Unchanged, merge.Status);
        Assert.Equal([new FindingTrendCount("hayden", new DateOnly(2026, 10, 15), "pii.phone", 1, 1, 0)], await ReadAsync(index));
    }

    [Fact]
    public async Task Store_DismissedThenReopened_MovesTheCountEachTime()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var store = services.GetRequiredService<FindingStore>();
        var index = services.GetRequiredService<FindingTrendIndex>();
        var finding = ApiData.Make("hayden", "cln-hayden-fb", "facebook", "pii.phone", "high", "1_2", "208", 1);
        await store.TryAddAsync(finding, Ct);

        await store.UpdateAsync("hayden", finding.Id, f => f with { Status = FindingStatuses.Dismissed, DismissReason = "false-positive" }, Ct);
        var dismissed = await ReadAsync(index);
        await store.UpdateAsync("hayden", finding.Id, f => f with { Status = FindingStatuses.Open, DismissReason = null, ReopenCount = 1 }, Ct);
        var reopened = await ReadAsync(index);

        Assert.Equal((1, 0, 1), (dismissed[0].Raised, dismissed[0].Open, dismissed[0].Dismissed));
        Assert.Equal((1, 1, 0), (reopened[0].Raised, reopened[0].Open, reopened[0].Dismissed));
    }

    [Fact]
    public async Task Count_LateSundayEveningPacific_IsThatSundaysDayNotMondays()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var index = services.GetRequiredService<FindingTrendIndex>();
        // 2026-10-12 06:30 UTC is Sunday 2026-10-11 23:30 in Los Angeles: the week of 2026-10-05, not the next.
        var finding = ApiData.Make("hayden", null, "facebook", "conduct.threat", "critical", "1_3", "x", 0) with
        {
            FirstSeen = new DateTimeOffset(2026, 10, 12, 6, 30, 0, TimeSpan.Zero),
        };

        await index.CountAsync(finding, Ct);

        Assert.Equal(new DateOnly(2026, 10, 11), Assert.Single(await ReadAsync(index)).Day);
    }

    [Fact]
    public async Task Count_ManyFindingsOfOneDayAtOnce_AllCounted()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var index = services.GetRequiredService<FindingTrendIndex>();
        var findings = Enumerable.Range(0, 8).Select(i => ApiData.Make("hayden", null, "facebook", "conduct.profanity", "medium", $"1_{i}", "x", 1)).ToList();

        await Task.WhenAll(findings.Select(f => index.CountAsync(f, Ct)));
        await Task.WhenAll(findings.Select(f => index.CountAsync(f, Ct)));

        Assert.Equal(8, Assert.Single(await ReadAsync(index)).Raised);
    }

    [Fact]
    public async Task Remove_Retention_KeepsTheDaysCountAndDropsTheMarker()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var store = services.GetRequiredService<FindingStore>();
        var index = services.GetRequiredService<FindingTrendIndex>();
        var finding = ApiData.Make("hayden", null, "facebook", "pii.phone", "high", "1_2", "208", 1) with { Status = FindingStatuses.Resolved };
        await store.TryAddAsync(finding, Ct);

        Assert.True(await store.RemoveAsync(finding, Ct));

        Assert.Equal((1, 0), (Assert.Single(await ReadAsync(index)).Raised, Assert.Single(await ReadAsync(index)).Open));
        Assert.DoesNotContain(await RawRows.PartitionAsync(azurite, TableNames.FindingTrends, "hayden", Ct), r => r.RowKey.StartsWith("finding_", StringComparison.Ordinal));
    }

    private static async Task<List<FindingTrendCount>> ReadAsync(FindingTrendIndex index) =>
        await index.ReadAsync("hayden", new DateOnly(2026, 1, 1), personal: false, Ct).ToListAsync(Ct);
}
