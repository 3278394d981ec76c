using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Approvals;

/// <summary>Approvals in Table Storage: changes audited, and the evaluator honouring them (and resolved short links).</summary>
public sealed class ApprovalServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ApprovalActor s_coordinator = new("coordinator@example.org", null);

    private static readonly ApprovalRequest s_eventbrite = new() { Match = LinkMatches.Domain, Value = "eventbrite.com", Note = "Teen STEM night registrations" };

    private static Task<(Approval Approval, bool Created)> AddEventbriteAsync(ApprovalService approvals) =>
        approvals.AddAsync(ApprovalKinds.Links, s_eventbrite, s_coordinator, Ct, id: "eventbrite-cln");

    private static Approval Eventbrite(string scope = "all") => new()
    {
        Id = "eventbrite-cln", Match = LinkMatches.Domain, Value = "eventbrite.com", Scope = scope, Approver = "coordinator@example.org",
        Date = new DateOnly(2026, 10, 1), Note = "Teen STEM night registrations",
    };

    private static EvaluateItemMessage Message(string id, string text) =>
        new(new Item { Id = id, Platform = "facebook", Text = text }, null);

    [Fact]
    public async Task Cache_OfAnotherInstance_ReadsAgainForAnItemQueuedAfterAnApproval()
    {
        await azurite.ResetAsync(Ct);
        var time = new TestClock(TestHost.Start);
        await using var recorder = TestHost.Create(azurite, time: time);
        await using var evaluator = TestHost.Create(azurite, time: time); // another instance, with its own cache
        var cache = evaluator.GetRequiredService<ApprovalCache>();
        Assert.Empty(await cache.GetAsync(Ct));

        time.Advance(TimeSpan.FromSeconds(10));
        await AddEventbriteAsync(recorder.GetRequiredService<ApprovalService>());
        var changedAt = time.GetUtcNow();

        Assert.Empty(await cache.GetAsync(Ct)); // Within its minute, the cache still holds what it read before.
        Assert.Equal("eventbrite-cln", Assert.Single(await cache.GetAsync(Ct, changedAt)).Id);
    }

    [Fact]
    public async Task AddThenRevoke_EachChange_IsInTheAuditLog()
    {
        await azurite.ResetAsync(Ct);
        var time = new TestClock(TestHost.Start);
        await using var services = TestHost.Create(azurite, time: time);
        var changes = services.GetRequiredService<ApprovalService>();

        await AddEventbriteAsync(changes);
        time.Advance(TimeSpan.FromMinutes(1));
        var revoked = await changes.RevokeAsync(ApprovalKinds.Links, "eventbrite-cln", "program ended", s_coordinator, Ct);
        var again = await changes.RevokeAsync(ApprovalKinds.Links, "eventbrite-cln", "twice", new ApprovalActor("someone@example.org", null), Ct);

        Assert.Equal(TestHost.Start.AddMinutes(1), revoked.RevokedAt);
        Assert.Equal(("coordinator@example.org", "program ended"), (again.RevokedBy, again.RevokedReason));
        var history = await services.GetRequiredService<AuditLog>().HistoryAsync(ApprovalService.Subject, "eventbrite-cln", Ct);
        Assert.Equal(["revoke", "add"], history.Select(e => e.Action));
        Assert.Equal("program ended", history[0].Why);
        Assert.Contains("\"revokedAt\":null", history[0].Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_BadApproval_WritesNothing()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);

        var error = await Assert.ThrowsAsync<ApprovalException>(() =>
            services.GetRequiredService<ApprovalService>().AddAsync(ApprovalKinds.Links, s_eventbrite with { Value = "com" }, s_coordinator, Ct));

        Assert.Contains("value: 'com' is a public suffix", error.Message, StringComparison.Ordinal);
        Assert.Empty(await services.GetRequiredService<ApprovalStore>().ListAsync(Ct));
    }

    [Fact]
    public async Task EvaluateAsync_ApprovalAddedAndRevoked_AllowsOnlyWhileInForce()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var evaluator = services.GetRequiredService<ItemEvaluator>();
        var changes = services.GetRequiredService<ApprovalService>();

        var before = await evaluator.EvaluateAsync(Message("1", "Register at https://www.eventbrite.com/e/1"), Ct);
        await AddEventbriteAsync(changes);
        var approved = await evaluator.EvaluateAsync(Message("2", "Register at https://www.eventbrite.com/e/2"), Ct);
        await changes.RevokeAsync(ApprovalKinds.Links, "eventbrite-cln", "ended", s_coordinator, Ct);
        var revoked = await evaluator.EvaluateAsync(Message("3", "Register at https://www.eventbrite.com/e/3"), Ct);

        Assert.Equal("link-domain.unapproved", Assert.Single(before).Rule);
        Assert.Empty(approved);
        Assert.Contains("(approval eventbrite-cln was revoked on 2026-10-15)", Assert.Single(revoked).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_ApprovalWrittenElsewhere_IsSeenOnceTheCacheExpires()
    {
        await azurite.ResetAsync(Ct);
        var time = new TestClock(TestHost.Start);
        await using var services = TestHost.Create(azurite, time: time);
        var evaluator = services.GetRequiredService<ItemEvaluator>();
        await evaluator.EvaluateAsync(Message("1", "nothing to see"), Ct);

        await services.GetRequiredService<ApprovalStore>().AddAsync(Eventbrite(), Ct);
        var cached = await evaluator.EvaluateAsync(Message("2", "eventbrite.com/e/2"), Ct);
        time.Advance(ApprovalCache.Lifetime);
        var fresh = await evaluator.EvaluateAsync(Message("3", "eventbrite.com/e/3"), Ct);

        Assert.Single(cached);
        Assert.Empty(fresh);
    }

    [Fact]
    public async Task EvaluateAsync_ResolutionOn_JudgesTheShortLinkByWhereItLeads()
    {
        await azurite.ResetAsync(Ct);
        await using var shortener = await RedirectServer.StartAsync(new Dictionary<string, string> { ["/party"] = "https://www.eventbrite.com/e/777" }, Ct);
        var settings = new Dictionary<string, string?> { ["Links:Resolve"] = "true", ["Links:Shorteners"] = "127.0.0.1" };
        await using var services = TestHost.Create(azurite, settings, configure: s => s.AddSingleton(new AddressPolicy(a => IPAddress.IsLoopback(a) ? null : AddressPolicy.PublicRefusal(a))));

        var finding = Assert.Single(await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message("1", $"Tickets {shortener.BaseUrl}/party"), Ct));

        Assert.Equal("link-domain.unapproved", finding.Rule);
        Assert.Equal($"{shortener.BaseUrl}/party, which leads to https://www.eventbrite.com/e/777", finding.Evidence);
        Assert.Equal([("HEAD", "/party")], shortener.Requests);
    }

    [Fact]
    public async Task EvaluateAsync_ResolutionOnWithTheShippedAddressPolicy_FlagsTheLoopbackShortenerAsHidingItsTarget()
    {
        await azurite.ResetAsync(Ct);
        await using var shortener = await RedirectServer.StartAsync(new Dictionary<string, string> { ["/party"] = "https://www.eventbrite.com/e/777" }, Ct);
        var settings = new Dictionary<string, string?> { ["Links:Resolve"] = "true", ["Links:Shorteners"] = "127.0.0.1" };
        await using var services = TestHost.Create(azurite, settings);

        var finding = Assert.Single(await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message("1", $"Tickets {shortener.BaseUrl}/party"), Ct));

        Assert.Equal("link-domain.shortener", finding.Rule);
        Assert.Contains("resolving it failed (refused: 127.0.0.1 is a loopback address (127.0.0.0/8))", finding.Explanation, StringComparison.Ordinal);
        Assert.Empty(shortener.Requests);
    }
}
