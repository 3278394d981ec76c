using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Local.Platforms.Facebook;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Pipeline;

public sealed class PipelineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>Friday 2026-10-16 08:00 in Los Angeles: the first digest time after the scan (Sam's hour, and the coordinator's).</summary>
    private static readonly DateTimeOffset s_digestTime = new(2026, 10, 16, 15, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScanAndDrain_SampleData_RaisesBothRulesAndEmailsTheManagers()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);

        await run.ScanAndDrainAsync(Ct);

        var findings = await run.FindingsAsync(Ct);
        var hayden = findings.Where(f => f.Location == "hayden").ToList();
        Assert.Equal(PipelineData.FindingCount, hayden.Count);
        Assert.Equal(2, hayden.Count(f => f.Family == "link-domain"));
        Assert.Single(hayden, f => f.Rule == "conduct.profanity");
        Assert.All(hayden, f => Assert.NotNull(f.NotifiedAt));
        Assert.Equal(PipelineData.ItemCount + (2 * PipelineData.AccountItemCount), await run.Services.GetRequiredService<ItemIndex>().CountAsync(Ct));
        Assert.Empty(run.Emails()); // Medium findings wait for the digest.

        await run.HourlyAsync(s_digestTime, Ct);

        // One digest each: Sam with Hayden's three, the coordinator with the Bookmobile's governance.managers.
        var emails = await run.ParsedEmailsAsync(Ct);
        Assert.Equal(2, emails.Count);
        var sam = Assert.Single(emails, e => e.To.Single().Email == "sam.lee@example.org");
        Assert.All(hayden, f => Assert.Contains(f.Id, sam.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScanAndDrain_Twice_SameFindingRowsAndNoSecondEmail()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        await run.ScanAndDrainAsync(Ct);
        var findings = await run.FindingsAsync(Ct);

        run.Time.Advance(TimeSpan.FromMinutes(15)); // The next scheduled scan: nothing new on the pages.
        await run.ScanAndDrainAsync(Ct);
        var again = await run.FindingsAsync(Ct);
        await run.HourlyAsync(s_digestTime, Ct);
        var emails = run.Emails();
        await run.HourlyAsync(s_digestTime, Ct); // The digest hour's timer fired twice.

        Assert.Equal(findings.Select(f => (f.Id, f.Status, f.FirstSeen, f.NotifiedAt)), again.Select(f => (f.Id, f.Status, f.FirstSeen, f.NotifiedAt)));
        Assert.Equal(2, emails.Count); // One digest each for Sam and the coordinator, not one per scan.
        Assert.Equal(emails, run.Emails());
    }

    [Fact]
    public async Task Drain_SameEvaluateMessageDeliveredTwice_OneFindingOneEmail()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        var item = new Core.Items.Item { Id = "104000000000099_9", Platform = "facebook", Account = "cln-hayden-fb", Text = "Tickets at shop.example.com" };
        var sender = run.Services.GetRequiredService<QueueSender>();
        await sender.SendItemAsync(item, Ct);
        await sender.SendItemAsync(item, Ct);

        await run.Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);
        await run.HourlyAsync(s_digestTime, Ct);

        var finding = Assert.Single(await run.FindingsAsync(Ct), f => f.ItemId == item.Id);
        Assert.Single(await run.ParsedEmailsAsync(Ct), e => e.Text.Contains(finding.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drain_ItemOverTheQueueLimit_GoesThroughAClaimCheckBlobAndIsEvaluated()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        var item = new Core.Items.Item
        {
            Id = "104000000000099_10", Platform = "facebook", Account = "cln-hayden-fb",
            Text = new string('a', 70_000) + " see shop.example.com",
        };

        await run.Services.GetRequiredService<QueueSender>().SendItemAsync(item, Ct);
        var queue = await run.Services.GetRequiredService<Core.Storage.StorageClients>().QueueAsync(QueueNames.EvaluateItem, Ct);
        var message = Assert.Single((await queue.PeekMessagesAsync(cancellationToken: Ct)).Value);
        await run.Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);

        Assert.True(message.Body.ToMemory().Length < 1024, "the message carries the blob's name, not the item");
        Assert.Single(await run.FindingsAsync(Ct), f => f.ItemId == item.Id && f.Rule == "link-domain.unapproved");
    }

    [Fact]
    public async Task ScanAsync_Http500OnFeedPage2BeyondTheWaitBudget_CursorStaysAndNextScanReadsEveryItem()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct, new Dictionary<string, string?> { ["Scan:MaxWaitSeconds"] = "1" });
        run.Facebook.PageSize = 2;
        run.Facebook.Fault = request => request.Path.Value!.EndsWith("/feed", StringComparison.Ordinal) && request.Query.ContainsKey("after")
            ? FacebookSampleError.ServerError() : null;
        var scanner = run.Services.GetRequiredService<AccountScanner>();
        var cursors = run.Services.GetRequiredService<CursorStore>();

        await scanner.ScanAsync(new ScanAccountMessage("cln-hayden-fb"), Ct); // The posts stream fails and is skipped.
        Assert.Null(await cursors.GetAsync("cln-hayden-fb", StreamNames.Posts, Ct));
        var failed = Assert.Single(await run.FindingsAsync(Ct), f => f.Rule == "capture.stream-failed");
        Assert.Contains("/graph/facebook/", failed.Evidence, StringComparison.Ordinal);

        run.Facebook.Fault = null;
        var summary = await scanner.ScanAsync(new ScanAccountMessage("cln-hayden-fb"), Ct);

        // The first scan went on past the failed posts stream and read the profile (daily): this one reads every post and comment.
        Assert.Equal((PipelineData.ItemCount, PipelineData.ItemCount), (summary.ItemsRead, summary.ItemsQueued));
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 16, 0, 0, TimeSpan.Zero), (await cursors.GetAsync("cln-hayden-fb", StreamNames.Posts, Ct))!.Position);
    }

    [Fact]
    public async Task ScanAndDrain_WithFailuresOnTheWay_NoTokenInAnyLogRowBlobMessageFindingEmailExceptionOrDryRunLine()
    {
        // No waiting for retries: a failure surfaces at once; a failed stream is skipped and read again by the next run.
        await using var run = await PipelineRun.StartAsync(azurite, Ct, new Dictionary<string, string?> { ["Scan:MaxWaitSeconds"] = "1" });
        run.Facebook.PageSize = 2;
        var failures = 0;
        var expired = 0;
        run.Facebook.Fault = request =>
            request.Path.Value!.EndsWith("/comments", StringComparison.Ordinal) && Interlocked.Increment(ref failures) <= 2 ? FacebookSampleError.ServerError()
            : request.Path.Value!.Contains("104000000000098", StringComparison.Ordinal) && Interlocked.Increment(ref expired) <= 1 ? FacebookSampleError.SessionExpired()
            : null;
        run.Facebook.TokenExpiry[PipelineData.HaydenToken] = TestHost.Start.AddDays(3);

        await run.ScanAndDrainAsync(Ct);
        await run.HourlyAsync(s_digestTime, Ct);
        await run.Services.GetRequiredService<FailedAttemptStore>().RecordAsync(
            QueueNames.ScanAccount, "probe", 1, new PlatformException("probe failure"), Ct);
        await run.Services.GetRequiredService<TokenChecker>().CheckAllAsync(Ct);
        await run.Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);
        var exceptions = new List<Exception>();
        run.Facebook.Truncate = request => request.Path.Value!.EndsWith("/feed", StringComparison.Ordinal);
        try
        {
            await run.Services.GetRequiredService<AccountScanner>().ScanAsync(new ScanAccountMessage("cln-hayden-fb"), Ct);
        }
        catch (PlatformException e)
        {
            exceptions.Add(e);
        }
        run.Facebook.Truncate = null;
        var dryRun = new StringBuilder();
        var accounts = AccountsFileReader.Read(SampleAccounts.Json).File!.Accounts;
        var summaries = await run.Services.GetRequiredService<DryRunScanner>().ScanAsync(accounts,
            (item, _) => { dryRun.AppendLine(ItemJson.Serialize(item)); return Task.CompletedTask; }, Ct);

        Assert.Contains(run.Facebook.Requests, r => r.Contains(PipelineData.HaydenToken, StringComparison.Ordinal)); // The token was used...
        var everything = new StringBuilder();
        foreach (var log in run.Logs.Logs)
        {
            everything.AppendLine(log.Everything);
        }
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync(cancellationToken: Ct))
        {
            await foreach (var row in new TableClient(azurite.ConnectionString, table.Name).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                everything.AppendLine(string.Join('|', row.Select(p => $"{p.Key}={p.Value}")));
            }
        }
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: Ct))
        {
            await foreach (var blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync(cancellationToken: Ct))
            {
                everything.AppendLine((await blobs.GetBlobContainerClient(container.Name).GetBlobClient(blob.Name).DownloadContentAsync(Ct)).Value.Content.ToString());
            }
        }
        await foreach (var queue in new QueueServiceClient(azurite.ConnectionString).GetQueuesAsync(cancellationToken: Ct))
        {
            foreach (var message in (await new QueueClient(azurite.ConnectionString, queue.Name).PeekMessagesAsync(32, Ct)).Value)
            {
                everything.AppendLine(message.Body.ToString());
            }
        }
        foreach (var email in await run.ParsedEmailsAsync(Ct))
        {
            everything.AppendLine(email.Subject).AppendLine(email.Text).AppendLine(email.Html);
        }
        Assert.NotEmpty(run.Emails());

        foreach (var finding in await run.FindingsAsync(Ct))
        {
            everything.AppendLine(ItemJson.Serialize(finding));
        }
        foreach (var exception in exceptions)
        {
            everything.AppendLine(exception.ToString());
        }
        everything.AppendLine(dryRun.ToString());
        everything.AppendLine(ItemJson.Serialize(summaries));

        Assert.True(failures > 2, "the comment reads should have failed on the way");
        Assert.True(run.Logs.Logs.Count > 10, "the pipeline should have logged");
        Assert.Empty(exceptions); // The truncated feed is the stream's own finding (capture.stream-failed), among the findings searched.
        Assert.True(dryRun.Length > 0, "the dry run should have printed items");
        var findings = await run.FindingsAsync(Ct);
        Assert.Contains(findings, f => f.Rule == "capture.token-invalid" && f.Location == "bookmobile");
        Assert.Contains(findings, f => f.Rule == "capture.token-expiring" && f.Location == "hayden");
        Assert.Contains(findings, f => f.Rule == "capture.stream-failed" && f.Location == "hayden");
        Assert.Contains("input_token=***", everything.ToString(), StringComparison.Ordinal); // The token check's URL carries the scrubbed token.
        Assert.DoesNotContain(PipelineData.HaydenToken, everything.ToString(), StringComparison.Ordinal); // ...and is nowhere else.
        Assert.DoesNotContain(PipelineData.BookmobileToken, everything.ToString(), StringComparison.Ordinal);
        await run.ScanAndDrainAsync(Ct); // The comment streams that failed were skipped; the next run reads them.
        Assert.Equal(PipelineData.FindingCount, (await run.FindingsAsync(Ct)).Count(f => f.Location == "hayden" && f.Family != "capture"));
    }
}
