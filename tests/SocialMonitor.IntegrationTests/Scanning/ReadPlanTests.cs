using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Scanning;

/// <summary>
/// <see cref="AccountCapture"/> runs whatever plan a client gives: an every-scan stream besides posts, per-post streams
/// of the posts stream, daily streams; and the budget hook, kept in the <c>Budgets</c> table, under concurrent scans.
/// </summary>
public sealed class ReadPlanTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = TestHost.Start;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_PlanWithMentionsOnEveryScan_ReadsMentionsEveryScanWithItsOwnCursorAndDailyStreamsOnce()
    {
        var client = Client();
        var capture = Capture(new TestClock(Now));

        var first = await ReadAllAsync(capture, client, Session("cln-a"), AccountCursors.None, null);
        var second = await ReadAllAsync(capture, client, Session("cln-a"), new AccountCursors(first.Select(r => r.Cursor)), null);

        Assert.Equal(["posts", "comments:p1", "mentions", "profile"], first.Select(r => r.Key));
        Assert.Equal(["posts", "mentions"], second.Select(r => r.Key)); // The hint did not move, the profile was read today.
        var mentions = Assert.Single(first, r => r.Stream == PlannedTestClient.Mentions);
        Assert.Equal(["m1"], mentions.Read!.Items.Select(i => i.Id));
        Assert.Equal((Now.AddDays(-14), Now.AddHours(-2)), (mentions.Cursor.Floor, mentions.Cursor.Position)); // Its own cursor: backfill floor, newest mention.
        Assert.Equal(Now.AddDays(-14), Assert.Single(second, r => r.Stream == PlannedTestClient.Mentions).Since);
    }

    [Fact]
    public async Task ReadAsync_TwoConcurrentScansWithABudget_BothCountsLandAndASpentBudgetStopsTheNextRead()
    {
        await azurite.ResetAsync(Ct);
        var time = new TestClock(Now);
        await using var services = TestHost.Create(azurite, time: time);
        var budgets = services.GetRequiredService<BudgetStore>();
        var budget = new PlatformBudget(1000, BudgetPeriod.Month);
        var client = Client(budget, posts: 12, unitsPerRead: 7);
        var capture = Capture(time);
        var a = Session("cln-a");
        var b = Session("cln-b");

        await Task.WhenAll(ReadAllAsync(capture, client, a, AccountCursors.None, budgets), ReadAllAsync(capture, client, b, AccountCursors.None, budgets));

        var spent = a.TotalUnits + b.TotalUnits;
        Assert.Equal(2 * 15 * 7, spent); // Posts, 12 comment streams, mentions and profile, twice.
        Assert.Equal(spent, await budgets.UsedAsync("test", budget, Ct));
        var table = await services.GetRequiredService<StorageClients>().TableAsync(TableNames.Budgets, Ct);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("test", "2026-10", cancellationToken: Ct)).Value;
        Assert.Equal((spent, 1000L), (row.GetInt64("Used"), row.GetInt64("Limit")));

        var small = new PlatformBudget(spent, BudgetPeriod.Month);
        var spentClient = Client(small, posts: 1, unitsPerRead: 7);
        var stopped = await ReadAllAsync(capture, spentClient, Session("cln-c"), AccountCursors.None, budgets);

        var result = Assert.Single(stopped);
        Assert.Equal((PlatformErrorKind.BudgetExhausted, true), (result.Failure?.Kind, result.Stops));
        Assert.Empty(spentClient.Reads); // Not sent.
        Assert.Equal(spent, await budgets.UsedAsync("test", small, Ct));
    }

    private static PlannedTestClient Client(PlatformBudget? budget = null, int posts = 1, int unitsPerRead = 1)
    {
        var client = new PlannedTestClient(budget) { UnitsPerRead = unitsPerRead };
        client.Streams[StreamNames.Posts] = [.. Enumerable.Range(1, posts).Select(n => Item($"p{n}", ItemKinds.Post, Now.AddDays(-1)))];
        client.Streams[StreamNames.Key(StreamNames.Comments, "p1")] = [Item("c1", ItemKinds.Comment, Now.AddHours(-5))];
        client.Streams[PlannedTestClient.Mentions] = [Item("m1", ItemKinds.Post, Now.AddHours(-2)), Item("m0", ItemKinds.Post, Now.AddDays(-20))];
        client.Streams[StreamNames.Profile] = [Item("profile", ItemKinds.Profile, null)];
        return client;
    }

    private static Item Item(string id, string kind, DateTimeOffset? created) => new() { Id = id, Kind = kind, CreatedAt = created };

    private static AccountCapture Capture(TimeProvider time) => new(Options.Create(new ScanOptions()), time, NullLogger<AccountCapture>.Instance);

    private static PlatformSession Session(string account) =>
        new(new Account { Id = account, Platform = "test", PlatformId = account, Location = "test", Token = "t" }, "token");

    private static async Task<List<StreamResult>> ReadAllAsync(AccountCapture capture, IPlatformClient client, PlatformSession session,
        AccountCursors cursors, BudgetStore? budgets)
    {
        var results = new List<StreamResult>();
        await foreach (var result in capture.ReadAsync(client, session, cursors, budgets, Ct))
        {
            results.Add(result);
        }
        return results;
    }
}
