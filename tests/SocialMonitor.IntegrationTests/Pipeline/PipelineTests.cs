using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
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
        Assert.Equal(PipelineData.ItemCount, await run.Services.GetRequiredService<ItemIndex>().CountAsync(Ct));
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
        await run.HourlyAsync(s_digestTime, Ct);
        var findings = await run.FindingsAsync(Ct);
        var emails = run.Emails();

        run.Time.Advance(TimeSpan.FromMinutes(15));
        await run.ScanAndDrainAsync(Ct);
        await run.HourlyAsync(run.Time.GetUtcNow(), Ct);

        Assert.Equal(findings.Select(f => (f.Id, f.Status, f.FirstSeen, f.NotifiedAt)), (await run.FindingsAsync(Ct)).Select(f => (f.Id, f.Status, f.FirstSeen, f.NotifiedAt)));
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
    public async Task ScanAsync_Http500OnFeedPage2_CursorStaysAndNextScanReadsEveryItem()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        run.Facebook.PageSize = 2;
        run.Facebook.Fault = request => request.Path.Value!.EndsWith("/feed", StringComparison.Ordinal) && request.Query.ContainsKey("after") ? 500 : null;
        var scanner = run.Services.GetRequiredService<AccountScanner>();
        var cursors = run.Services.GetRequiredService<CursorStore>();

        var error = await Assert.ThrowsAsync<PlatformException>(() => scanner.ScanAsync(new ScanAccountMessage("cln-hayden-fb"), Ct));
        Assert.Null(await cursors.GetAsync("cln-hayden-fb", AccountScanner.FeedStream, Ct));
        Assert.Contains("/graph/facebook/", error.Message, StringComparison.Ordinal);

        run.Facebook.Fault = null;
        var summary = await scanner.ScanAsync(new ScanAccountMessage("cln-hayden-fb"), Ct);

        Assert.Equal((PipelineData.ItemCount, PipelineData.ItemCount), (summary.ItemsRead, summary.ItemsQueued));
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 16, 0, 0, TimeSpan.Zero), await cursors.GetAsync("cln-hayden-fb", AccountScanner.FeedStream, Ct));
    }

    [Fact]
    public async Task ScanAndDrain_WithFailuresOnTheWay_NoTokenInAnyLogRowBlobMessageOrEmail()
    {
        await using var run = await PipelineRun.StartAsync(azurite, Ct);
        run.Facebook.PageSize = 2;
        var failures = 0;
        run.Facebook.Fault = request => request.Path.Value!.EndsWith("/comments", StringComparison.Ordinal) && Interlocked.Increment(ref failures) <= 2 ? 500 : null;

        await run.ScanAndDrainAsync(Ct);
        await run.HourlyAsync(s_digestTime, Ct);
        await run.Services.GetRequiredService<FailedAttemptStore>().RecordAsync(
            QueueNames.ScanAccount, "probe", 1, new PlatformException("probe failure"), Ct);

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

        Assert.True(failures > 2, "the comment reads should have failed on the way");
        Assert.True(run.Logs.Logs.Count > 10, "the pipeline should have logged");
        Assert.DoesNotContain(PipelineData.HaydenToken, everything.ToString(), StringComparison.Ordinal); // ...and is nowhere else.
        Assert.DoesNotContain(PipelineData.BookmobileToken, everything.ToString(), StringComparison.Ordinal);
        Assert.Equal(PipelineData.FindingCount, (await run.FindingsAsync(Ct)).Count(f => f.Location == "hayden" && f.Family != "capture"));
    }
}
