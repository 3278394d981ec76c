using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Api;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Findings;

/// <summary>The rows of <c>FindingTrends</c>: the counter and the marker keep their columns and types, and read back as written.</summary>
public sealed class FindingTrendRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Count_RoundTrip_WritesTheColumnsAndReadsTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var index = services.GetRequiredService<FindingTrendIndex>();
        var finding = ApiData.Make("hayden", "cln-hayden-fb", "facebook", "pii.phone", "high", "1_2", "208", 1); // 2026-10-15 10:00 PDT

        await index.CountAsync(finding with { Status = FindingStatuses.Dismissed }, Ct);

        var counter = await RawRows.GetAsync(azurite, TableNames.FindingTrends, "hayden", "day_2026-10-15_pii.phone", Ct);
        var marker = await RawRows.GetAsync(azurite, TableNames.FindingTrends, "hayden", "finding_" + finding.Id, Ct);
        Assert.Equal("Day:String, Dismissed:Int32, Open:Int32, Raised:Int32, Rule:String", RawRows.Columns(counter));
        Assert.Equal(("2026-10-15", "pii.phone", 1, 0, 1), (counter.GetString("Day"), counter.GetString("Rule"), counter.GetInt32("Raised"), counter.GetInt32("Open"), counter.GetInt32("Dismissed")));
        Assert.Equal("Counter:String, Dismissed:Boolean, Open:Boolean", RawRows.Columns(marker));
        Assert.Equal(("day_2026-10-15_pii.phone", false, true), (marker.GetString("Counter"), marker.GetBoolean("Open"), marker.GetBoolean("Dismissed")));
        var read = await index.ReadAsync("hayden", new DateOnly(2026, 10, 1), personal: false, Ct).ToListAsync(Ct);
        Assert.Equal([new FindingTrendCount("hayden", new DateOnly(2026, 10, 15), "pii.phone", 1, 0, 1)], read);
    }

    [Fact]
    public async Task Read_RowsWrittenRaw_ReadTheSameAndSkipOldClosedDays()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var index = services.GetRequiredService<FindingTrendIndex>();
        await RawRows.PutAsync(azurite, TableNames.FindingTrends, Counter("2026-10-02", "conduct.threat", 3, 1, 1), Ct);
        await RawRows.PutAsync(azurite, TableNames.FindingTrends, Counter("2026-01-05", "pii.phone", 2, 1, 0), Ct); // old, still open
        await RawRows.PutAsync(azurite, TableNames.FindingTrends, Counter("2026-01-06", "pii.phone", 4, 0, 4), Ct); // old and closed
        await RawRows.PutAsync(azurite, TableNames.FindingTrends,
            new TableEntity("hayden", "finding_0123") { ["Counter"] = "day_2026-10-02_conduct.threat", ["Open"] = true, ["Dismissed"] = false }, Ct);

        var read = await index.ReadAsync("hayden", new DateOnly(2026, 10, 1), personal: false, Ct).ToListAsync(Ct);

        Assert.Equal(
            [new FindingTrendCount("hayden", new DateOnly(2026, 1, 5), "pii.phone", 2, 1, 0), new FindingTrendCount("hayden", new DateOnly(2026, 10, 2), "conduct.threat", 3, 1, 1)],
            read);
    }

    private static TableEntity Counter(string day, string rule, int raised, int open, int dismissed) =>
        new("hayden", $"day_{day}_{rule}") { ["Day"] = day, ["Rule"] = rule, ["Raised"] = raised, ["Open"] = open, ["Dismissed"] = dismissed };
}
