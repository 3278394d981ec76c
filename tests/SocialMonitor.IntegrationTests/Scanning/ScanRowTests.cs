using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Pipeline;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Scanning;

/// <summary>
/// Issue 15: the rows of <c>Cursors</c> (cursors and the scan state), <c>Budgets</c> and <c>TokenChecks</c> keep their
/// columns and types, and rows written before the typed rows read the same.
/// </summary>
public sealed class ScanRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset s_at = new(2026, 10, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly PlatformBudget s_budget = new(100, BudgetPeriod.Day);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CursorStore_RowsInTodaysShape_ReadTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var cursors = services.GetRequiredService<CursorStore>();
        await RawRows.PutAsync(azurite, TableNames.Cursors, new TableEntity("cln-hayden-fb", "posts")
        {
            ["Key"] = "posts", ["Position"] = s_at, ["Floor"] = s_at.AddDays(-1), ["Hint"] = "after:abc", ["ReadAt"] = s_at.AddMinutes(5),
        }, Ct);
        await RawRows.PutAsync(azurite, TableNames.Cursors, new TableEntity("cln-hayden-fb", "comments%2F1") { ["Position"] = s_at }, Ct); // No Key: the row key.
        await RawRows.PutAsync(azurite, TableNames.Cursors, new TableEntity("cln-hayden-fb", "~scan")
        {
            ["State"] = """{"queuedSince":"2026-10-01T09:30:00+00:00","lastScannedAt":"2026-10-01T09:35:00+00:00"}""",
        }, Ct);

        var all = await cursors.LoadAsync("cln-hayden-fb", Ct);
        var posts = await cursors.GetAsync("cln-hayden-fb", "posts", Ct);
        var state = await cursors.GetStateAsync("cln-hayden-fb", Ct);

        Assert.Equal(new StreamCursor("posts") { Position = s_at, Floor = s_at.AddDays(-1), Hint = "after:abc", ReadAt = s_at.AddMinutes(5) }, posts);
        Assert.Equal([new StreamCursor("comments%2F1") { Position = s_at }, posts!], all.All.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(new ScanState { QueuedSince = s_at, LastScannedAt = s_at.AddMinutes(5) }, state);
        Assert.Equal(new ScanState(), await cursors.GetStateAsync("cln-other", Ct));
    }

    [Fact]
    public async Task CursorStore_RoundTrip_WritesTodaysColumnsAndReadsTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var cursors = services.GetRequiredService<CursorStore>();
        var full = new StreamCursor("comments/1") { Position = s_at, Floor = s_at.AddDays(-1), Hint = "after:abc", ReadAt = s_at.AddMinutes(5) };

        await cursors.SetAsync("cln-hayden-fb", full, Ct);
        await cursors.SetAsync("cln-hayden-fb", new StreamCursor("posts"), Ct);
        await cursors.SetStateAsync("cln-hayden-fb", new ScanState { QueuedSince = s_at }, Ct);

        Assert.Equal("Floor:DateTimeOffset, Hint:String, Key:String, Position:DateTimeOffset, ReadAt:DateTimeOffset",
            RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.Cursors, "cln-hayden-fb", "comments%2F1", Ct)));
        Assert.Equal("Key:String", RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.Cursors, "cln-hayden-fb", "posts", Ct)));
        Assert.Equal("State:String", RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.Cursors, "cln-hayden-fb", "~scan", Ct)));
        Assert.Equal(full, await cursors.GetAsync("cln-hayden-fb", "comments/1", Ct));
        Assert.Equal(new StreamCursor("posts"), await cursors.GetAsync("cln-hayden-fb", "posts", Ct));
        Assert.Equal(new ScanState { QueuedSince = s_at }, await cursors.GetStateAsync("cln-hayden-fb", Ct));
    }

    [Fact]
    public async Task BudgetStore_RowInTodaysShape_ReadsAndAddsToIt()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var budgets = services.GetRequiredService<BudgetStore>();
        var period = s_budget.PeriodKey(TestHost.Start);
        await RawRows.PutAsync(azurite, TableNames.Budgets, new TableEntity("x", period) { ["Used"] = 7L, ["Limit"] = 100L }, Ct);

        var used = await budgets.UsedAsync("x", s_budget, Ct);
        await budgets.SpendAsync("x", s_budget, 3, Ct);

        Assert.Equal(7, used);
        Assert.Equal(10, await budgets.UsedAsync("x", s_budget, Ct));
        var raw = await RawRows.GetAsync(azurite, TableNames.Budgets, "x", period, Ct);
        Assert.Equal("Limit:Int64, Used:Int64", RawRows.Columns(raw));
        Assert.Equal((10L, 100L), (raw.GetInt64("Used"), raw.GetInt64("Limit")));
    }

    [Fact]
    public async Task BudgetStore_RoundTrip_WritesTodaysColumns()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var budgets = services.GetRequiredService<BudgetStore>();

        await budgets.SpendAsync("x", s_budget, 4, Ct);
        await budgets.SpendAsync("x", s_budget with { Limit = 200 }, 5, Ct);

        var raw = await RawRows.GetAsync(azurite, TableNames.Budgets, "x", s_budget.PeriodKey(TestHost.Start), Ct);
        Assert.Equal("Limit:Int64, Used:Int64", RawRows.Columns(raw));
        Assert.Equal((9L, 200L), (raw.GetInt64("Used"), raw.GetInt64("Limit")));
        Assert.Equal(9, await budgets.UsedAsync("x", s_budget, Ct));
    }

    [Fact]
    public async Task AccountHealthReader_TokenRowInTodaysShape_ReadsTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var reader = services.GetRequiredService<AccountHealthReader>();
        await RawRows.PutAsync(azurite, TableNames.TokenChecks, new TableEntity("cln-hayden-fb", "token")
        {
            ["ExpiresAt"] = s_at.AddDays(30), ["CheckedAt"] = s_at, ["Valid"] = true,
        }, Ct);
        await RawRows.PutAsync(azurite, TableNames.TokenChecks, new TableEntity("cln-x", "token") { ["CheckedAt"] = s_at, ["Valid"] = false }, Ct);

        Assert.Equal((s_at.AddDays(30), s_at, true), await reader.TokenAsync("cln-hayden-fb", Ct));
        Assert.Equal((null, s_at, false), await reader.TokenAsync("cln-x", Ct));
        Assert.Equal((null, null, null), await reader.TokenAsync("cln-never", Ct));
    }

    [Fact]
    public async Task TokenChecker_RoundTrip_WritesTodaysColumnsAndTheHealthReaderReadsThem()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        run.Facebook.TokenExpiry[PipelineData.HaydenToken] = TestHost.Start.AddDays(30);

        await run.Services.GetRequiredService<TokenChecker>().CheckAllAsync(Ct);

        var raw = await RawRows.GetAsync(azurite, TableNames.TokenChecks, "cln-hayden-fb", "token", Ct);
        Assert.Equal("CheckedAt:DateTimeOffset, ExpiresAt:DateTimeOffset, Valid:Boolean", RawRows.Columns(raw));
        Assert.Equal("CheckedAt:DateTimeOffset, Valid:Boolean", // A token that never expires.
            RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.TokenChecks, "cln-bookmobile-fb", "token", Ct)));
        Assert.Equal((TestHost.Start.AddDays(30), TestHost.Start, true), await run.Services.GetRequiredService<AccountHealthReader>().TokenAsync("cln-hayden-fb", Ct));
    }
}
