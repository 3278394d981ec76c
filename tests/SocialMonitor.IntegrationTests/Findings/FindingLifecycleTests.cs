using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Findings;

public sealed class FindingLifecycleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveThenReopenBySystem_OpenFinding_ChangesStatusWithAnAuditEntryEach()
    {
        await azurite.ResetAsync(Ct);
        var time = new FakeTimeProvider(TestHost.Start);
        await using var services = TestHost.Create(azurite, time: time);
        var finding = await StoreAsync(services, FindingStatuses.Open);
        var lifecycle = services.GetRequiredService<FindingLifecycle>();

        var resolved = await lifecycle.ResolveBySystemAsync("hayden", finding.Id, "no longer present after edit", Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        var reopened = await lifecycle.ReopenBySystemAsync("hayden", finding.Id, "the problem came back", Ct);

        Assert.Equal((FindingStatuses.Resolved, FindingStatuses.Open), (resolved!.Status, reopened!.Status));
        var history = await services.GetRequiredService<AuditLog>().HistoryAsync("finding", finding.Id, Ct);
        Assert.Equal(["reopened", "resolved"], history.Select(e => e.Action));
        Assert.All(history, e => Assert.Equal(FindingLifecycle.SystemActor, e.Actor));
        Assert.Equal("no longer present after edit", history[1].Why);
    }

    [Fact]
    public async Task ResolveBySystem_DismissedFinding_StaysDismissedWithNoAuditEntry()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var finding = await StoreAsync(services, FindingStatuses.Dismissed);

        var after = await services.GetRequiredService<FindingLifecycle>().ResolveBySystemAsync("hayden", finding.Id, "edit", Ct);

        Assert.Equal(FindingStatuses.Dismissed, after!.Status);
        Assert.Empty(await services.GetRequiredService<AuditLog>().HistoryAsync("finding", finding.Id, Ct));
    }

    private static async Task<Finding> StoreAsync(IServiceProvider services, string status)
    {
        var finding = new Finding
        {
            Id = FindingIds.For("facebook", "1_2", "conduct.profanity", "damn"),
            Rule = "conduct.profanity",
            Severity = "medium",
            Status = status,
            Location = "hayden",
            Platform = "facebook",
            ItemId = "1_2",
            Clause = "Content and Engagement 2",
            Evidence = "'damn' at 0",
            Explanation = "Profanity.",
            FirstSeen = TestHost.Start,
            LastSeen = TestHost.Start,
        };
        return (await services.GetRequiredService<FindingStore>().MergeAsync(finding, Ct)).Finding;
    }
}
