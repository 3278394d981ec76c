using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Pipeline;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Scanning;

public sealed class ScanSchedulerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueueAllAsync_NoScanRanForThreeIntervals_OneNotScannedFindingPerAccount_ResolvedByTheNextScan()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        var scheduler = run.Services.GetRequiredService<ScanScheduler>();

        // The timer fires every 15 minutes, but no scan runs (the queue is never drained).
        await scheduler.QueueAllAsync(Ct);
        run.Time.Advance(TimeSpan.FromMinutes(30));
        await scheduler.QueueAllAsync(Ct);
        var afterTwo = await run.FindingsAsync(Ct);
        run.Time.Advance(TimeSpan.FromMinutes(15));
        await scheduler.QueueAllAsync(Ct);
        await scheduler.QueueAllAsync(Ct);
        var afterThree = await run.FindingsAsync(Ct);
        await run.Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);

        Assert.DoesNotContain(afterTwo, f => f.Rule == CaptureCondition.NotScanned.Rule);
        var notScanned = afterThree.Where(f => f.Rule == CaptureCondition.NotScanned.Rule).ToList();
        Assert.Equal(["bookmobile", "hayden"], notScanned.Select(f => f.Location).Order(StringComparer.Ordinal));
        Assert.All(notScanned, f => Assert.Contains("never scanned", f.Evidence, StringComparison.Ordinal));
        var after = await run.FindingsAsync(Ct);
        Assert.All(after.Where(f => f.Rule == CaptureCondition.NotScanned.Rule), f => Assert.Equal(FindingStatuses.Resolved, f.Status));
    }

    [Fact]
    public async Task QueueAllAsync_ScansRunningEveryInterval_RaiseNothing()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);

        for (var tick = 0; tick < 5; tick++)
        {
            await run.ScanAndDrainAsync(Ct);
            run.Time.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.DoesNotContain(await run.FindingsAsync(Ct), f => f.Family == "capture");
    }

    [Fact]
    public async Task QueueAllAsync_PlatformSwitchedOff_NoCallsAndNoNotScannedFinding()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, new Dictionary<string, string?> { ["Platforms:Facebook:Enabled"] = "false" });

        for (var tick = 0; tick < 4; tick++)
        {
            await run.ScanAndDrainAsync(Ct);
            run.Time.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.Empty(run.Facebook.Requests);
        Assert.DoesNotContain(await run.FindingsAsync(Ct), f => f.Family == "capture");
    }
}
