using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Findings;

/// <summary>Status changes by the system (the three cases of docs/architecture.md, "Findings: lifecycle") and by people, each with its audit entry.</summary>
public sealed class FindingLifecycleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Link = "https://www.eventbrite.com/e/teen-stem-night-123";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveThenReopenBySystem_OpenFinding_ChangesStatusWithAnAuditEntryEach()
    {
        await azurite.ResetAsync(Ct);
        var time = new TestClock(TestHost.Start);
        await using var services = TestHost.Create(azurite, time: time);
        var finding = await StoreAsync(services, FindingStatuses.Open);
        var lifecycle = services.GetRequiredService<FindingLifecycle>();

        var resolved = await lifecycle.ResolveBySystemAsync("hayden", finding.Id, "no longer present after edit", Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        var reopened = await lifecycle.ReopenBySystemAsync("hayden", finding.Id, "the problem came back", Ct);

        Assert.Equal((FindingStatuses.Resolved, FindingStatuses.Open), (resolved!.Status, reopened!.Status));
        var history = await services.GetRequiredService<AuditLog>().HistoryAsync("finding", finding.Id, Ct);
        Assert.Equal(["reopened", "resolved"], history.Select(e => e.Action));
        Assert.All(history, e => Assert.Equal(Actors.System, e.Actor));
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

    [Fact]
    public async Task Evaluate_EditRemovesThenRestoresTheLink_ResolvesThenReopensWithHistory()
    {
        await using var services = await StartAsync();
        var evaluator = services.GetRequiredService<ItemEvaluator>();
        var time = (FakeTimeProvider)services.GetRequiredService<TimeProvider>();

        var raised = Assert.Single(await evaluator.EvaluateAsync(Message($"Register at {Link}"), Ct));
        time.Advance(TimeSpan.FromHours(1));
        await evaluator.EvaluateAsync(Message("Register at the front desk"), Ct);
        await evaluator.EvaluateAsync(Message("Register at the front desk"), Ct);
        var resolved = await GetAsync(services, raised.Id);
        time.Advance(TimeSpan.FromHours(1));
        await evaluator.EvaluateAsync(Message($"Register at {Link} (again)"), Ct);
        await evaluator.EvaluateAsync(Message($"Register at {Link} (again)"), Ct);
        var reopened = await GetAsync(services, raised.Id);

        Assert.Equal((FindingStatuses.Resolved, FindingLifecycle.AfterEditWhy), (resolved.Status, resolved.Resolution));
        Assert.Equal((FindingStatuses.Open, 1), (reopened.Status, reopened.ReopenCount));
        var history = await services.GetRequiredService<AuditLog>().HistoryAsync("finding", raised.Id, Ct);
        Assert.Equal(["reopened", "resolved"], history.Select(e => e.Action));
        Assert.Contains("came back", history[0].Why, StringComparison.Ordinal);
        Assert.Contains("by system: no longer present after edit", history[0].Why, StringComparison.Ordinal);
        Assert.NotNull(await services.GetRequiredService<FindingItems>().GetAsync(reopened, Ct));
    }

    [Fact]
    public async Task Evaluate_DismissedFindingEditedAwayAndBack_StaysDismissed()
    {
        await using var services = await StartAsync();
        var evaluator = services.GetRequiredService<ItemEvaluator>();
        var raised = Assert.Single(await evaluator.EvaluateAsync(Message($"Register at {Link}"), Ct));
        await DisposeAsync(services, raised, new FindingDisposition { Status = FindingStatuses.Dismissed, Reason = DismissReasons.AllowedByPolicy });

        await evaluator.EvaluateAsync(Message("Register at the front desk"), Ct);
        await evaluator.EvaluateAsync(Message($"Register at {Link} today"), Ct);

        Assert.Equal(FindingStatuses.Dismissed, (await GetAsync(services, raised.Id)).Status);
        Assert.Single(await services.GetRequiredService<AuditLog>().HistoryAsync("finding", raised.Id, Ct));
    }

    [Fact]
    public async Task Evaluate_ResolvedByAPersonThenSameVersionAgain_StaysResolvedUntilANewVersionShowsIt()
    {
        await using var services = await StartAsync();
        var evaluator = services.GetRequiredService<ItemEvaluator>();
        var raised = Assert.Single(await evaluator.EvaluateAsync(Message($"Register at {Link}"), Ct));
        await DisposeAsync(services, raised, new FindingDisposition { Status = FindingStatuses.Resolved, Action = "post edited" });

        await evaluator.EvaluateAsync(Message($"Register at {Link}"), Ct);
        var sameVersion = await GetAsync(services, raised.Id);
        await evaluator.EvaluateAsync(Message($"Register now at {Link}"), Ct);

        Assert.Equal(FindingStatuses.Resolved, sameVersion.Status);
        Assert.Equal(FindingStatuses.Open, (await GetAsync(services, raised.Id)).Status);
    }

    [Fact]
    public async Task ResolveAbsent_FindingOfAnotherFamilyOnTheItem_IsLeftAlone()
    {
        await using var services = await StartAsync();
        var store = services.GetRequiredService<FindingStore>();
        var moderation = await StoreAsync(services, FindingStatuses.Open, rule: "governance.moderation", itemId: "10_20");

        await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message("Nothing to see"), Ct);

        Assert.Equal(FindingStatuses.Open, (await store.GetAsync("hayden", moderation.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Record_ResolvedFindingWithoutItemVersionDetectedAgainLater_IsReopened()
    {
        await using var services = await StartAsync();
        var time = (FakeTimeProvider)services.GetRequiredService<TimeProvider>();
        var recorder = services.GetRequiredService<FindingRecorder>();
        var detection = new Detection("governance.managers", Severities.Medium, Clauses.AccountManagers, "Bookmobile has 0 account managers", "managers", "Name one.");
        Task<Finding> RaiseAsync() => recorder.RecordAsync(Finding.Create(detection, "registry", "bookmobile", "bookmobile", null, time.GetUtcNow()), Ct);
        var managers = await RaiseAsync();
        await DisposeAsync(services, managers, new FindingDisposition { Status = FindingStatuses.Resolved, Action = "asked the branch to name a manager" });

        await RaiseAsync();
        var sameTime = await GetAsync(services, managers.Id);
        time.Advance(TimeSpan.FromDays(1));
        await RaiseAsync();

        Assert.Equal(FindingStatuses.Resolved, sameTime.Status);
        Assert.Equal(FindingStatuses.Open, (await GetAsync(services, managers.Id)).Status);
    }

    [Fact]
    public async Task EnsureAudited_ChangeWhoseEntryWasNeverAppended_AppendsItOnce()
    {
        await using var services = await StartAsync();
        var finding = await StoreAsync(services, FindingStatuses.Open);
        var store = services.GetRequiredService<FindingStore>();
        var audit = services.GetRequiredService<AuditLog>();
        var entry = audit.NewEntry("sam.lee@example.org", "finding", finding.Id, "hayden", "acknowledged", null, null, "crashed before the log");
        await store.ChangeAsync("hayden", finding.Id, null, f => new FindingChange(f with { Status = FindingStatuses.Acknowledged }, entry), Ct);
        var lifecycle = services.GetRequiredService<FindingLifecycle>();

        await lifecycle.EnsureAuditedAsync((await store.GetStoredAsync("hayden", finding.Id, Ct))!, Ct);
        await lifecycle.EnsureAuditedAsync((await store.GetStoredAsync("hayden", finding.Id, Ct))!, Ct);
        await store.UpdateAsync("hayden", finding.Id, f => f with { NotifiedAt = TestHost.Start }, Ct);

        Assert.Equal(entry.Id, Assert.Single(await audit.HistoryAsync("finding", finding.Id, Ct)).Id);
        Assert.Equal(entry.Id, (await store.GetStoredAsync("hayden", finding.Id, Ct))!.LastChange!.Id);
        var (all, _) = await audit.ListAsync(null, 10, Ct);
        Assert.Single(all);
    }

    private async Task<ServiceProvider> StartAsync()
    {
        await azurite.ResetAsync(Ct);
        var services = TestHost.Create(azurite);
        await services.GetRequiredService<AccountRegistry>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json).File!, Ct);
        return services;
    }

    private static EvaluateItemMessage Message(string text) => new(new Item
    {
        Id = "10_20",
        Platform = "facebook",
        Account = "cln-hayden-fb",
        Kind = ItemKinds.Post,
        Origin = ItemOrigins.Official,
        Text = text,
        Permalink = "https://www.facebook.com/104000000000099/posts/20",
    }, null);

    private static async Task<Finding> GetAsync(IServiceProvider services, string id) =>
        (await services.GetRequiredService<FindingStore>().GetAsync("hayden", id, Ct))
        ?? (await services.GetRequiredService<FindingStore>().GetAsync("bookmobile", id, Ct))!;

    private static async Task DisposeAsync(IServiceProvider services, Finding finding, FindingDisposition disposition)
    {
        var stored = (await services.GetRequiredService<FindingStore>().GetStoredAsync(finding.Location, finding.Id, Ct))!;
        var result = await services.GetRequiredService<FindingLifecycle>().ApplyAsync(finding.Location, finding.Id, stored.ETag, disposition, "sam.lee@example.org", Ct);
        Assert.Equal(FindingWriteStatus.Changed, result.Status);
    }

    private static async Task<Finding> StoreAsync(IServiceProvider services, string status, string rule = "conduct.profanity", string itemId = "1_2")
    {
        var finding = new Finding
        {
            Id = FindingIds.For("facebook", itemId, rule, "damn"),
            Rule = rule,
            Severity = "medium",
            Status = status,
            Location = "hayden",
            Platform = "facebook",
            ItemId = itemId,
            Clause = "Content and Engagement 2",
            Evidence = "'damn'",
            Explanation = "Profanity.",
            FirstSeen = TestHost.Start,
            LastSeen = TestHost.Start,
        };
        var store = services.GetRequiredService<FindingStore>();
        await store.TryAddAsync(finding, Ct);
        return (await store.GetAsync(finding.Location, finding.Id, Ct))!;
    }
}
