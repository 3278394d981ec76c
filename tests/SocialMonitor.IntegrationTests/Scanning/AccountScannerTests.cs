using SocialMonitor.Local;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Local.Platforms.Facebook;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Pipeline;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Scanning;

/// <summary>
/// The scan of one account against the loopback Graph API and Azurite: streams and cursors, the call count, the record
/// (archive, versions, events), the moderation watch and the capture findings.
/// </summary>
public sealed class AccountScannerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Hayden = "cln-hayden-fb";
    private const string Bookmobile = "cln-bookmobile-fb";
    private const string Post1 = "104000000000099_1";
    private const string Post2 = "104000000000099_2";
    private const string Post3 = "104000000000099_3";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScanAsync_FirstScanInPagesOfOne_ReadsEveryStreamToItsLastPageArchivesEveryAnswerAndMovesEachCursor()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        run.Facebook.PageSize = 1;

        var summary = await ScanAsync(run, Hayden);

        Assert.Equal(PipelineData.ItemCount + PipelineData.AccountItemCount, summary.ItemsRead);
        Assert.Equal(summary.ItemsRead, summary.ItemsQueued);
        // Posts: 3 pages. Comments: 2 pages for each post with comments, none for the post without. Profile, roles, apps: 1 each.
        Assert.Equal(new Dictionary<string, int> { ["apps"] = 1, ["comments"] = 4, ["posts"] = 3, ["profile"] = 1, ["roles"] = 1 }, summary.CallsByStream);
        Assert.Equal(run.Facebook.Requests.Count, summary.Calls);
        Assert.DoesNotContain(run.Facebook.Requests, r => r.Contains($"/{Post2}/comments", StringComparison.Ordinal));

        var cursors = await Get<CursorStore>(run).LoadAsync(Hayden, Ct);
        Assert.Equal(["apps", $"comments:{Post1}", $"comments:{Post3}", "posts", "profile", "roles"], cursors.All.Select(c => c.Key).Order(StringComparer.Ordinal));
        var posts = cursors.Find(StreamNames.Posts)!;
        Assert.Equal((new DateTimeOffset(2026, 10, 10, 16, 0, 0, TimeSpan.Zero), TestHost.Start.AddDays(-14)), (posts.Position!.Value, posts.Floor!.Value));
        Assert.Equal("2026-10-11T09:00:00Z|2", cursors.Find($"comments:{Post1}")!.Hint);

        var archive = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(ContainerNames.Archive);
        var log = (await archive.GetBlobClient($"log/facebook/{Hayden}/2026-10-15.jsonl").DownloadContentAsync(Ct)).Value.Content.ToString();
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(summary.Calls, lines.Length);
        await foreach (var blob in archive.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"pages/facebook/{Hayden}/", Ct))
        {
            var body = (await archive.GetBlobClient(blob.Name).DownloadContentAsync(Ct)).Value.Content.ToString();
            Assert.Equal($"pages/facebook/{Hayden}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}.json", blob.Name);
            Assert.DoesNotContain(PipelineData.HaydenToken, body, StringComparison.Ordinal);
        }
        Assert.Contains(lines, l => l.Contains("\"stream\":\"comments\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("access_token", StringComparison.Ordinal)); // The token goes in the Authorization header.
    }

    [Fact]
    public async Task ScanAsync_SecondScanWithNothingNew_CostsOneCallAndQueuesNothing()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        await ScanAsync(run, Hayden);
        var requests = run.Facebook.Requests.Count;
        run.Time.Advance(TimeSpan.FromMinutes(15));

        var summary = await ScanAsync(run, Hayden);

        Assert.Equal((1, 0), (summary.Calls, summary.ItemsQueued));
        Assert.Equal(new Dictionary<string, int> { ["posts"] = 1 }, summary.CallsByStream);
        Assert.Contains("/104000000000099/feed?", Assert.Single(run.Facebook.Requests.Skip(requests)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_LateCommentOnAnOldPost_ReadsOnlyThatPostsCommentsAndQueuesTheComment()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        await ScanAsync(run, Hayden);
        run.Time.Advance(TimeSpan.FromHours(2));
        run.Facebook.AddComment(Post3, """
            {"id":"3_33","message":"Is this on again next week?","created_time":"2026-10-15T19:30:00+0000",
             "permalink_url":"https://www.facebook.com/104000000000099/posts/3?comment_id=33","is_hidden":false}
            """);
        var requests = run.Facebook.Requests.Count;

        var summary = await ScanAsync(run, Hayden);

        Assert.Equal((2, 1), (summary.Calls, summary.ItemsQueued));
        Assert.Contains($"/{Post3}/comments?", run.Facebook.Requests[^1], StringComparison.Ordinal);
        Assert.Equal(2, run.Facebook.Requests.Count - requests);
        var comment = await Get<ItemIndex>(run).GetAsync(Hayden, "3_33", Ct);
        Assert.Equal(($"comments:{Post3}", 1), (comment!.Stream, comment.Version));
    }

    [Fact]
    public async Task ScanAsync_EditDeletionAndHide_RecordedAsEventsWithTheEarlierVersionKept()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        await ScanAsync(run, Hayden);
        var firstSeen = run.Time.GetUtcNow();
        run.Time.Advance(TimeSpan.FromMinutes(15));
        run.Facebook.Update(Post1, post => post["message"] = "Teen STEM night moved to Friday! Register at the front desk.");
        run.Facebook.Delete("1_12");
        var edited = run.Time.GetUtcNow();

        await ScanAsync(run, Hayden);
        run.Time.Advance(TimeSpan.FromHours(24));
        run.Facebook.Update("3_31", comment => comment["is_hidden"] = true);
        run.Facebook.Update("3_32", reply => reply["is_hidden"] = true);
        var hidden = run.Time.GetUtcNow();
        await ScanAsync(run, Hayden);
        var history = Get<ItemHistory>(run);

        var post = await history.ListAsync(Post1, Ct);
        Assert.Equal([(firstSeen, 1, (string?)null), (edited, 2, null), (edited, 0, ItemEvents.Edited)], post.Select(e => (e.At, e.Version ?? 0, e.Event)));
        Assert.StartsWith("Teen STEM night this Thursday!", post[0].Item!.Text, StringComparison.Ordinal);
        Assert.StartsWith("Teen STEM night moved to Friday!", post[1].Item!.Text, StringComparison.Ordinal);
        Assert.Equal((1, 2), (post[2].FromVersion!.Value, post[2].ToVersion!.Value));
        var deleted = await history.ListAsync("1_12", Ct);
        Assert.Equal([(firstSeen, (string?)null), (edited, ItemEvents.Deleted)], deleted.Select(e => (e.At, e.Event)));
        Assert.Equal("The parking lot is always full on Thursdays, please fix it.", deleted[0].Item!.Text);
        Assert.True((await Get<ItemIndex>(run).GetAsync(Hayden, "1_12", Ct))!.Deleted);
        var hides = await history.ListAsync("3_31", Ct);
        Assert.Equal([(firstSeen, (string?)null), (hidden, ItemEvents.Hidden)], hides.Select(e => (e.At, e.Event)));
        Assert.False(hides[0].Item!.Hidden);
        Assert.Contains(run.Facebook.Requests, r => r.EndsWith("/1_12?fields=id", StringComparison.Ordinal));

        // The hidden guest comment raises the moderation rule when evaluated; the hidden official reply does not.
        await Get<QueueDrainer>(run).DrainAsync(QueueDrainer.AllQueues, Ct);
        var findings = await run.FindingsAsync(Ct);
        var moderation = Assert.Single(findings, f => f.Rule == ModerationRule.Rule);
        Assert.Equal(("3_31", "hayden", FindingStatuses.Open), (moderation.ItemId, moderation.Location, moderation.Status));
        Assert.Contains("hidden", moderation.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_HiddenGuestCommentWithAConductFinding_RaisesNoModerationFinding()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        await run.ScanAndDrainAsync(Ct);
        run.Time.Advance(TimeSpan.FromHours(25));
        run.Facebook.Update("1_11", comment => comment["is_hidden"] = true);

        await run.ScanAndDrainAsync(Ct);

        Assert.Contains(await Get<ItemHistory>(run).ListAsync("1_11", Ct), e => e.Event == ItemEvents.Hidden);
        var findings = await run.FindingsAsync(Ct);
        Assert.Contains(findings, f => f.ItemId == "1_11" && f.Family == "conduct");
        Assert.DoesNotContain(findings, f => f.Rule == ModerationRule.Rule);
    }

    [Fact]
    public async Task ScanAndDrain_BadTokenForThreeScans_ExactlyOneCaptureFindingAndEmail_ResolvedWhenTheTokenWorksAgain()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        run.Facebook.Fault = request => request.Path.Value!.Contains("104000000000099", StringComparison.Ordinal) ? FacebookSampleError.SessionExpired() : null;

        for (var scan = 0; scan < 3; scan++)
        {
            await run.ScanAndDrainAsync(Ct);
            run.Time.Advance(TimeSpan.FromMinutes(15));
        }
        var during = await run.FindingsAsync(Ct);
        var emails = (await run.ParsedEmailsAsync(Ct)).Where(e => e.Text.Contains(RuleTexts.For("capture.token-invalid").Title, StringComparison.Ordinal)).ToList();
        run.Facebook.Fault = null;
        await run.ScanAndDrainAsync(Ct);

        var capture = Assert.Single(during, f => f.Family == "capture");
        Assert.Equal(("capture.token-invalid", "hayden", Hayden, FindingStatuses.Open), (capture.Rule, capture.Location, capture.Account, capture.Status));
        Assert.Contains("(#190)", capture.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(during, f => f.Family != "capture" && f.Location == "hayden");
        Assert.Single(emails);
        Assert.NotNull(await Get<CursorStore>(run).GetAsync(Bookmobile, StreamNames.Posts, Ct)); // The other account went on.
        var after = Assert.Single(await run.FindingsAsync(Ct), f => f.Id == capture.Id);
        Assert.Equal(FindingStatuses.Resolved, after.Status);
        var audit = await Get<AuditLog>(run).HistoryAsync("finding", capture.Id, Ct);
        Assert.Contains(audit, a => a.Action == "resolved" && a.Actor == Actors.System);
        Assert.Equal(PipelineData.FindingCount, (await run.FindingsAsync(Ct)).Count(f => f.Location == "hayden" && f.Family != "capture"));
    }

    [Fact]
    public async Task ScanAndDrain_ThrottledLongerThanMaxWait_StopsThatAccountWithAFindingAndTheNextRunResumesFromItsCursors()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        run.Facebook.Fault = request => request.Path.Value!.EndsWith("/comments", StringComparison.Ordinal)
            ? FacebookSampleError.PageLimit("104000000000099", minutes: 30) : null;

        await run.ScanAndDrainAsync(Ct);
        var cursors = await Get<CursorStore>(run).LoadAsync(Hayden, Ct);
        var state = await Get<CursorStore>(run).GetStateAsync(Hayden, Ct);
        var throttled = Assert.Single(await run.FindingsAsync(Ct), f => f.Rule == "capture.throttled");
        run.Facebook.Fault = null;
        run.Time.Advance(TimeSpan.FromMinutes(31));
        await run.ScanAndDrainAsync(Ct);

        Assert.Equal(["posts"], cursors.All.Select(c => c.Key));
        Assert.StartsWith("throttled for 30 min", state.Last!.Stopped, StringComparison.Ordinal);
        Assert.Equal(TestHost.Start, run.Time.GetUtcNow().AddMinutes(-31)); // Nothing waited on the clock.
        Assert.Equal(("hayden", FindingStatuses.Open), (throttled.Location, throttled.Status));
        Assert.Contains("80001", throttled.Evidence, StringComparison.Ordinal);
        Assert.NotNull(await Get<CursorStore>(run).GetAsync(Bookmobile, StreamNames.Roles, Ct));
        Assert.DoesNotContain(await run.FindingsAsync(Ct), f => f.Rule == DeadMessageHandler.Rule);
        Assert.Equal(PipelineData.ItemCount + (2 * PipelineData.AccountItemCount), await Get<ItemIndex>(run).CountAsync(Ct));
        Assert.Equal(FindingStatuses.Resolved, (await Get<FindingStore>(run).GetAsync("hayden", throttled.Id, Ct))!.Status);
        Assert.Equal(PipelineData.FindingCount, (await run.FindingsAsync(Ct)).Count(f => f.Location == "hayden" && f.Family != "capture"));
    }

    [Fact]
    public async Task ScanAsync_Http500OnceMidCommentChain_RetriedOnTheFakeClockAndNothingLost()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        run.Facebook.PageSize = 1;
        var faults = 0;
        run.Facebook.Fault = request => request.Path.Value!.EndsWith("/comments", StringComparison.Ordinal) && request.Query.ContainsKey("after")
            && Interlocked.Increment(ref faults) == 1 ? FacebookSampleError.ServerError() : null;

        var scanning = ScanAsync(run, Hayden);
        await FakeClock.WaitUntilAsync(() => run.Logs.Logs.Any(l => l.EventId.Id == 10), "the retry to be scheduled");
        var requests = run.Facebook.Requests.Count;
        await FakeClock.AdvanceUntilAsync(run.Time, () => run.Facebook.Requests.Count > requests, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1));
        var summary = await scanning;

        Assert.Equal(PipelineData.ItemCount + PipelineData.AccountItemCount, summary.ItemsRead);
        Assert.Null(summary.Stopped);
        Assert.Equal(5, summary.CallsByStream["comments"]); // 4 pages and the one that failed.
        Assert.NotNull(await Get<ItemIndex>(run).GetAsync(Hayden, "1_12", Ct));
    }

    [Fact]
    public async Task ScanAndDrain_TruncatedBody_ErrorNamesPlatformAccountAndUrlWithoutTokenAndTheOtherAccountsGoOn()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        run.Facebook.Truncate = request => request.Path.Value!.EndsWith("/104000000000099/feed", StringComparison.Ordinal);

        await run.ScanAndDrainAsync(Ct);

        var dead = Assert.Single(await run.FindingsAsync(Ct), f => f.Rule == "capture.stream-failed");
        Assert.Equal(("hayden", Hayden), (dead.Location, dead.Account));
        Assert.Contains($"facebook account {Hayden}: GET {run.Facebook.BaseUrl}/v25.0/104000000000099/feed?", dead.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(await run.FindingsAsync(Ct), f => f.Rule == DeadMessageHandler.Rule);
        Assert.Contains("not valid JSON", dead.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(PipelineData.HaydenToken, dead.Evidence + dead.Explanation, StringComparison.Ordinal);
        Assert.Null(await Get<CursorStore>(run).GetAsync(Hayden, StreamNames.Posts, Ct));
        Assert.NotNull(await Get<CursorStore>(run).GetAsync(Bookmobile, StreamNames.Posts, Ct));
    }

    [Fact]
    public async Task ScanAsync_RolesNotPermitted_OneFindingTheOtherStreamsReadAndResolvedOnceReadable()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        run.Facebook.Fault = request => request.Path.Value!.EndsWith("/roles", StringComparison.Ordinal)
            ? FacebookSampleError.MissingPermission("pages_manage_metadata") : null;

        var first = await ScanAsync(run, Hayden);
        run.Time.Advance(TimeSpan.FromMinutes(15));
        await ScanAsync(run, Hayden);
        var during = await run.FindingsAsync(Ct);
        run.Facebook.Fault = null;
        run.Time.Advance(TimeSpan.FromHours(24));
        await ScanAsync(run, Hayden);

        Assert.Equal(["roles"], first.Unreadable.Keys);
        Assert.Null(first.Stopped);
        var finding = Assert.Single(during, f => f.Family == "capture");
        Assert.Equal("capture.permission-missing", finding.Rule);
        Assert.Contains("pages_manage_metadata", finding.Evidence, StringComparison.Ordinal);
        var cursors = await Get<CursorStore>(run).LoadAsync(Hayden, Ct);
        Assert.NotNull(cursors.Find(StreamNames.Apps));
        Assert.Equal(FindingStatuses.Resolved, (await Get<FindingStore>(run).GetAsync("hayden", finding.Id, Ct))!.Status);
    }

    private static Task<ScanSummary> ScanAsync(PipelineRun run, string account) =>
        Get<AccountScanner>(run).ScanAsync(new ScanAccountMessage(account), Ct);

    private static T Get<T>(PipelineRun run) where T : notnull => run.Services.GetRequiredService<T>();
}
