using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Notifications;

/// <summary>Issue 16, defect 8: a digest's id is its slot; a send Graph may have accepted is resent marked as a possible duplicate.</summary>
public sealed class DuplicateEmailTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Alex = "alex.rivera@example.org";

    // Thursday 2026-10-15 11:00 in Los Angeles (UTC-7).
    private static readonly DateTimeOffset s_thursday = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendDueAsync_CrashBeforeTheItemsAreRemovedThenAStatusChange_NoSecondDigest()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        var first = await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        var second = await run.RecordAsync("hayden", "conduct.harassment", "high", Ct);
        await run.DrainAsync(Ct);
        var sent = await run.HourlyUntilAsync(new DateTimeOffset(2026, 10, 15, 23, 0, 0, TimeSpan.Zero), Ct); // Alex's digest at 16:00 local.
        Assert.Single(sent, s => s.Email.To.Contains(Alex));

        // A crash after the digest was queued and before its items were removed leaves them waiting; then Alex acknowledges one.
        var alex = (await run.Get<NotificationRouter>().PeopleByEmailAsync(Ct))[Alex];
        await run.Get<DigestBacklog>().AddAsync(alex, first, s_thursday, Ct);
        await run.Get<DigestBacklog>().AddAsync(alex, second, s_thursday, Ct);
        await run.Get<FindingStore>().UpdateAsync("hayden", first.Id, f => f with { Status = FindingStatuses.Acknowledged }, Ct);
        var before = run.Graph.Requests.Count(r => r.To.Contains(Alex));
        await run.HourlyAsync(Ct); // The next run repeats the slot.

        Assert.Equal(1, before);
        Assert.Equal(1, run.Graph.Requests.Count(r => r.To.Contains(Alex)));
    }

    [Fact]
    public async Task ProcessAsync_Graph503AfterThePost_NotRepostedByGraphsHandler_ResentMarkedAsPossibleDuplicate()
    {
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct);
        run.Graph.Answer = n => n == 1 ? new GraphAnswer(503, "ServiceUnavailable", "The service is temporarily unavailable.") : null;
        await run.RecordAsync("bookmobile", "conduct.threat", "high", Ct);

        await run.DrainAsync(Ct);
        var afterFirst = run.Graph.Requests.Count;
        var email = Assert.Single(await run.Get<Outbox>().ListUnsentAsync(Ct));
        run.Time.Advance(OutboxProcessor.Backoff[0]);
        await run.Get<OutboxProcessor>().ProcessAsync(new OutboxMessage(email.Id), Ct);

        Assert.Equal(1, afterFirst); // Graph's own retry handler did not post it again.
        Assert.True(email.PossibleDuplicate);
        Assert.Equal(2, run.Graph.Requests.Count);
        Assert.Equal("[Possible duplicate] " + run.Graph.Requests[0].Subject, run.Graph.Requests[1].Subject);
        Assert.Equal(OutboxStates.Sent, (await run.Get<Outbox>().GetAsync(email.Id, Ct))!.State);
    }
}
