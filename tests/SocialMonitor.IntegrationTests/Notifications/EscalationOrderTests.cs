using Azure;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Notifications;

/// <summary>Issue 16, defect 9: an escalation changes the status first (with its ETag), then audits it.</summary>
public sealed class EscalationOrderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset s_thursday = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckAsync_StatusWriteFailsOnce_RetryEscalatesWithOneAuditEntry()
    {
        var fault = new FailingStorageWrite(TableNames.Findings);
        await using var run = await MailRun.StartAsync(azurite, s_thursday, Ct, configure: s => s.AddSingleton<HttpPipelinePolicy>(fault));
        var open = await run.RecordAsync("hayden", "conduct.threat", "high", Ct);
        await run.DrainAsync(Ct);
        var late = s_thursday.AddDays(7);

        fault.Remaining = 1;
        await Assert.ThrowsAsync<RequestFailedException>(() => run.Get<Escalations>().CheckAsync(late, Ct));
        var afterCrash = await run.Get<AuditLog>().HistoryAsync("finding", open.Id, Ct);
        var escalated = await run.Get<Escalations>().CheckAsync(late, Ct); // The retry.

        Assert.Equal(1, fault.Failed);
        Assert.Empty(afterCrash); // Never an entry for a change not made.
        Assert.Equal(1, escalated);
        Assert.Equal(FindingStatuses.Escalated, (await run.Get<FindingStore>().GetAsync("hayden", open.Id, Ct))!.Status);
        var entry = Assert.Single(await run.Get<AuditLog>().HistoryAsync("finding", open.Id, Ct));
        Assert.Equal((Actors.System, "escalated"), (entry.Actor, entry.Action));
    }
}
