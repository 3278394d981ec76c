using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Pipeline;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local.Platforms.Facebook;

namespace SocialMonitor.IntegrationTests.Scanning;

/// <summary>Issue 16, defect 5: one stream that fails (or a deletion check that fails) never stops the rest of the scan.</summary>
public sealed class StreamFailureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Hayden = "cln-hayden-fb";
    private const string Post1 = "104000000000099_1";

    /// <summary>No waiting for retries: a failure is final at once, as after Scan__MaxWaitSeconds.</summary>
    private static readonly Dictionary<string, string?> s_noWait = new() { ["Scan:MaxWaitSeconds"] = "1" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScanAsync_OnePostsCommentsFailWith500EveryTime_TheRestIsRead_StreamFailedRaisedThenResolvedWhenItReadsAgain()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, s_noWait);
        run.Facebook.Fault = request => request.Path.Value!.EndsWith($"/{Post1}/comments", StringComparison.Ordinal) ? FacebookSampleError.ServerError() : null;

        var summary = await ScanAsync(run);
        var during = await run.FindingsAsync(Ct);
        var failedCursor = await Get<CursorStore>(run).GetAsync(Hayden, StreamNames.Key(StreamNames.Comments, Post1), Ct);
        run.Facebook.Fault = null;
        run.Time.Advance(TimeSpan.FromMinutes(15));
        await ScanAsync(run);

        Assert.NotNull(await Get<ItemIndex>(run).GetAsync(Hayden, "3_31", Ct)); // A later post's comments were read.
        Assert.NotNull(await Get<CursorStore>(run).GetAsync(Hayden, StreamNames.Profile, Ct)); // And the daily streams.
        Assert.Null(failedCursor); // The failed stream's cursor did not move: the next run reads it again.
        Assert.Null(summary.Stopped);
        var failed = Assert.Single(during, f => f.Rule == CaptureCondition.StreamFailed(StreamNames.Comments).Rule);
        Assert.Equal(("hayden", Hayden, FindingStatuses.Open), (failed.Location, failed.Account, failed.Status));
        Assert.Contains("An unknown error occurred", failed.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(during, f => f.Rule == DeadMessageHandler.Rule);
        Assert.NotNull(await Get<ItemIndex>(run).GetAsync(Hayden, "1_11", Ct)); // Read on the next run.
        Assert.Equal(FindingStatuses.Resolved, (await Get<FindingStore>(run).GetAsync("hayden", failed.Id, Ct))!.Status);
    }

    [Fact]
    public async Task ScanAsync_DeletionCheckThrottled_RaisesCaptureThrottledInsteadOfFailingTheScan()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, s_noWait);
        await ScanAsync(run);
        run.Time.Advance(TimeSpan.FromMinutes(15));
        run.Facebook.Update(Post1, post => post["message"] = "Teen STEM night moved to Friday!");
        run.Facebook.Delete("1_12");
        run.Facebook.Fault = request => request.Path.Value!.EndsWith("/1_12", StringComparison.Ordinal)
            ? FacebookSampleError.PageLimit("104000000000099", minutes: 30) : null;

        var summary = await ScanAsync(run);

        Assert.StartsWith("throttled", summary.Stopped, StringComparison.Ordinal);
        var findings = await run.FindingsAsync(Ct);
        var throttled = Assert.Single(findings, f => f.Rule == CaptureCondition.Throttled.Rule);
        Assert.Equal(("hayden", FindingStatuses.Open), (throttled.Location, throttled.Status));
        Assert.False((await Get<ItemIndex>(run).GetAsync(Hayden, "1_12", Ct))!.Deleted); // Not confirmed gone: asked again next run.
    }

    private static Task<ScanSummary> ScanAsync(PipelineRun run) => Get<AccountScanner>(run).ScanAsync(new ScanAccountMessage(Hayden), Ct);

    private static T Get<T>(PipelineRun run) where T : notnull => run.Services.GetRequiredService<T>();
}
